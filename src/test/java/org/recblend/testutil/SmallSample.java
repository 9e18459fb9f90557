package org.recblend.testutil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.recblend.sample.RetailSampleGenerator;
import org.recblend.sample.SampleSpec;
import org.recblend.task.TaskMonitor;

/**
 * A sample folder like sample-projects/retail (same mapping and pipeline files) with a small
 * generated data set, so command tests stay fast.
 */
public final class SmallSample {
    public static final Path RETAIL = Path.of("sample-projects", "retail");
    public static final SampleSpec SPEC = new SampleSpec(200, 100, 2_000, 5);

    private SmallSample() {
    }

    /** Writes the folder (data/, import/, pipelines/) and returns it. */
    public static Path write(Path folder) throws IOException {
        new RetailSampleGenerator(SPEC).writeTo(folder.resolve("data"), TaskMonitor.none());
        for (String sub : new String[] {"import", "pipelines"}) {
            Files.createDirectories(folder.resolve(sub));
            try (var files = Files.list(RETAIL.resolve(sub))) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.copy(f, folder.resolve(sub).resolve(f.getFileName()));
                }
            }
        }
        return folder;
    }
}
