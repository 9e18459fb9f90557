package org.recblend.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.task.TaskMonitor;

/** The committed sample-projects/retail/data must be exactly what the generator writes today. */
class CommittedSampleTest {
    static final Path COMMITTED = Path.of("sample-projects", "retail", "data");

    @TempDir
    Path dir;

    @Test
    void theCommittedSampleIsUpToDate() throws IOException {
        new RetailSampleGenerator(SampleSpec.RETAIL_DEFAULT).writeTo(dir, TaskMonitor.none());
        for (String name : RetailSampleGenerator.FILES) {
            assertThat(Files.mismatch(COMMITTED.resolve(name), dir.resolve(name)))
                    .as("%s differs from a fresh run: regenerate with 'recblend sample generate --out %s'", name, COMMITTED)
                    .isEqualTo(-1L);
        }
    }
}
