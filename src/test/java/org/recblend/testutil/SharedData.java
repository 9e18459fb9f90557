package org.recblend.testutil;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real public data sets in ../shared/data. They may not ship with the project, so tests that
 * need them are skipped, with a message saying why, where the folder is absent.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The root folder: the system property recblend.sharedData, else ../shared/data. */
    public static Path root() {
        String configured = System.getProperty("recblend.sharedData");
        return Path.of(configured != null ? configured : "../shared/data").toAbsolutePath().normalize();
    }

    /** A data set's folder; skips the calling test when it is not there. */
    public static Path dir(String dataset) {
        Path dir = root().resolve(dataset);
        assumeTrue(Files.isDirectory(dir),
                "Skipped: real data set " + dataset + " not found at " + dir + " (../shared/data is absent on this machine)");
        return dir;
    }
}
