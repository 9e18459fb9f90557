package org.recblend.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recblend.cli.CliTest.cells;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code recblend sample build} and {@code sample project --name}: the mistakes a user can make. (A
 * whole build runs the sample pipelines for minutes; ShippedSamplesTest checks what it wrote.)
 */
class SampleBuildCommandTest {
    @TempDir
    Path dir;

    @Test
    void anUnknownSampleNameListsTheKnownOnes() {
        CliRun run = CliRun.of("sample", "build", "--out", dir.toString(), "--name", "groceries");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("No sample named 'groceries'; there are: retail, cold-start");
    }

    @Test
    void aMissingOutputFolderIsRefusedBeforeAnythingIsWritten() {
        CliRun run = CliRun.of("sample", "build", "--out", dir.resolve("nowhere").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("nowhere does not exist; give the sample-projects folder");
        assertThat(dir.resolve("nowhere")).doesNotExist();
    }

    @Test
    void sampleProjectBuildsTheColdStartSampleByName() {
        Path project = dir.resolve("cold");
        CliRun made = CliRun.of("sample", "project", "--name", "cold-start", "--out", project.toString(), "-q");
        assertThat(made.exitCode()).as(made.err()).isZero();
        CliRun info = CliRun.of("info", project.toString());
        assertThat(cells(info.out(), "retail", "(dataset)")).startsWith("retail", "(dataset)", "600", "400", "9,000");
    }

    @Test
    void theShippedColdStartProjectIsCopiedAndARunTakesEveryNodeFromItsCache() {
        Path project = dir.resolve("copy");
        CliRun made = CliRun.of("sample", "project", "--name", "cold-start", "--shipped", "--out", project.toString());
        assertThat(made.exitCode()).as(made.err()).isZero();
        assertThat(made.out()).contains("Copied the finished sample project to " + dir.resolve("copy.mv.db"));

        CliRun info = CliRun.of("info", project.toString());
        assertThat(info.out()).containsPattern("Cold start: text vs CF\\s+1\\s");

        CliRun run = CliRun.of("run", "--project", project.toString(), "--pipeline", ShippedSampleBuilder.COLD_VS_CF, "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        for (String node : new String[] {"hybrid", "bpr", "evaluate-cold", "evaluate-bpr"}) {
            assertThat(cells(run.out(), node).subList(2, 4)).as(node).containsExactly("DONE", "cached");
        }
    }

    @Test
    void nameAndFromTogetherAreRefused() {
        CliRun run = CliRun.of("sample", "project", "--name", "retail", "--from", "sample-projects/retail", "--out",
                dir.resolve("p").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Give either --name or --from, not both");
    }

    @Test
    void sampleProjectRefusesAnUnknownName() {
        CliRun run = CliRun.of("sample", "project", "--name", "groceries", "--out", dir.resolve("p").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("No sample named 'groceries'");
        assertThat(dir.resolve("p.mv.db")).doesNotExist();
    }
}
