package org.recblend.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.task.TaskMonitor;

/** The committed sample-projects/NAME/data of every shipped sample must be exactly what the generator writes today. */
class CommittedSampleTest {
    static final Path ROOT = Path.of("sample-projects");

    @TempDir
    Path dir;

    static java.util.List<String> samples() {
        return ShippedSample.names();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void theCommittedSampleIsUpToDate(String name) throws IOException {
        ShippedSample sample = ShippedSample.find(name).orElseThrow();
        Path committed = sample.folder(ROOT).resolve("data");
        new RetailSampleGenerator(sample.spec()).writeTo(dir, TaskMonitor.none());
        for (String file : RetailSampleGenerator.FILES) {
            assertThat(Files.mismatch(committed.resolve(file), dir.resolve(file)))
                    .as("%s differs from a fresh run: regenerate the samples with '%s'", committed.resolve(file),
                            ShippedSample.REBUILD_COMMAND)
                    .isEqualTo(-1L);
        }
    }
}
