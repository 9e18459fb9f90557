package org.recblend.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes a project from disk: used to undo a project that a failed or cancelled command had just created. */
public final class ProjectFiles {
    private ProjectFiles() {
    }

    /** Deletes the project's H2 files and its artifacts folder; the project must be closed. */
    public static void delete(ProjectPaths paths) throws IOException {
        Files.deleteIfExists(paths.databaseFile());
        Files.deleteIfExists(paths.base().resolveSibling(paths.name() + ".trace.db"));
        Path artifacts = paths.artifactsDir();
        if (Files.exists(artifacts)) {
            try (Stream<Path> walk = Files.walk(artifacts)) {
                for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
