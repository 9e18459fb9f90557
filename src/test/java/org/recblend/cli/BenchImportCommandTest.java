package org.recblend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchImportCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsBothTimesAndRecordsThem() throws Exception {
        Path log = dir.resolve("BENCHMARKS.md");
        CliRun run = CliRun.of("bench", "import", "--rows", "3000", "--record", log.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("RecBlend importer", "H2 CSVREAD", "ratio ours/H2", "Appended to " + log);
        assertThat(Files.readString(log)).contains("## Import (", "- Import of 3,000 interactions", "3,000 rows stored");
    }

    @Test
    void aRowCountBelowOneIsABadUsage() {
        CliRun run = CliRun.of("bench", "import", "--rows", "0", "--no-record");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--rows must be at least 1");
    }
}
