package org.recblend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.testutil.SharedData;

class BenchTrainingCommandTest {
    @TempDir
    Path dir;

    /** One timed epoch on the real split: the table row names the data and its 74,887 training rows. */
    @Test
    void recordsSecondsPerEpochForMovieLens() throws Exception {
        Path data = SharedData.dir("ml-100k");
        Path md = dir.resolve("BENCHMARKS.md");
        Files.writeString(md, "# Benchmarks\n\n## Other\n\nkept\n");
        CliRun run = CliRun.of("bench", "training", "--data", data.toString(), "--epochs", "1", "--no-big",
                "--record", md.toString(), "-q");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        String text = Files.readString(md);
        assertThat(text).contains("kept", BenchTrainingCommand.SECTION)
                .containsPattern("\\| MovieLens 100K \\(75 % per-user split, seed 42\\) \\| 74,887 \\| \\d+\\.\\d{3} \\| \\d+\\.\\d{3} \\|")
                .contains("Peak heap of the whole run");
    }

    @Test
    void nothingToMeasureIsAFailure() {
        CliRun run = CliRun.of("bench", "training", "--data", dir.resolve("nowhere").toString(), "--no-big", "--no-record", "-q");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out()).doesNotContain("| MovieLens");
    }
}
