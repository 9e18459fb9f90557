package org.recblend.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recblend.cli.CliTest.cells;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.domain.SourceKind;
import org.recblend.testutil.SmallSample;

/** {@code recblend sample project}, then info and run on the project it made. */
class SampleProjectCommandTest {
    @TempDir
    Path dir;

    @Test
    void theSampleProjectHoldsEverySourceKindAndItsPipelineRuns() throws Exception {
        Path project = dir.resolve("retail");
        Path sample = SmallSample.write(dir.resolve("sample"));
        CliRun made = CliRun.of("sample", "project", "--from", sample.toString(), "--out", project.toString(), "-q");
        assertThat(made.exitCode()).as(made.err()).isZero();
        assertThat(made.out()).contains("Created the sample project " + dir.resolve("retail.mv.db"), "Stored pipeline: Prepare data");

        CliRun info = CliRun.of("info", project.toString());
        assertThat(info.exitCode()).isZero();
        for (SourceKind kind : SourceKind.values()) {
            assertThat(info.out()).as("info shows %s", kind).containsPattern("(?m)^retail\\s+\\S+\\s+" + kind.name() + "\\s");
        }
        assertThat(cells(info.out(), "retail", "(dataset)"))
                .containsExactly("retail", "(dataset)", "200", "100", "2,000", "200", "236", "602", "3,138", "0");

        CliRun run = CliRun.of("run", "--project", project.toString(), "--pipeline", "Prepare data", "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(cells(run.out(), "split").subList(0, 4)).containsExactly("split", "preprocess.split.random", "DONE", "executed");
    }

    @Test
    void anExistingProjectIsNotOverwritten() throws Exception {
        Path project = dir.resolve("taken");
        Files.writeString(dir.resolve("taken.mv.db"), "mine");
        CliRun run = CliRun.of("sample", "project", "--out", project.toString(), "-q");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROJECT);
        assertThat(run.err()).contains("already exists");
        assertThat(Files.readString(dir.resolve("taken.mv.db"))).isEqualTo("mine");
    }

    @Test
    void aSampleFolderWithoutDataSaysHowToGenerateIt() throws Exception {
        Path folder = dir.resolve("sample");
        Files.createDirectories(folder.resolve("import"));
        for (String part : new String[] {"users", "items", "purchases", "reviews", "friends"}) {
            Files.copy(Path.of("sample-projects/retail/import", part + ".json"), folder.resolve("import/" + part + ".json"));
        }
        CliRun run = CliRun.of("sample", "project", "--from", folder.toString(), "--out", dir.resolve("p").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.errLines()[0]).contains("has no data file data/users.csv", "recblend sample generate --out");
        assertThat(dir.resolve("p.mv.db")).doesNotExist();
    }
}
