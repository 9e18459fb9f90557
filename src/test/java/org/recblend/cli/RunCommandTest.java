package org.recblend.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recblend.cli.CliTest.cells;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.domain.SourceKind;
import org.recblend.pipeline.NodeKindRegistry;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.PipelineJson;
import org.recblend.pipeline.PipelineRepository;
import org.recblend.store.ProjectStore;
import org.recblend.testutil.DatasetFixture;

/** {@code recblend run} on a project filled with SQL and the sample's "Prepare data" pipeline. */
class RunCommandTest {
    static final Path PREPARE = Path.of("sample-projects", "retail", "pipelines", "prepare-data.json");

    @TempDir
    Path dir;
    Path project;

    @BeforeEach
    void fill() throws Exception {
        project = dir.resolve("shop");
        NodeKindRegistry registry = NodeKindRegistry.load();
        try (ProjectStore store = ProjectStore.create(project)) {
            DatasetFixture data = DatasetFixture.create(store, "retail");
            int source = data.source("purchases", SourceKind.BEHAVIOUR);
            List<DatasetFixture.Row> rows = new ArrayList<>();
            for (int u = 1; u <= 12; u++) {
                for (int j = 0; j < 6; j++) {
                    rows.add(new DatasetFixture.Row("u" + u, "i" + ((u + j) % 10), 4.0, 1_000L * u + j));
                }
            }
            data.interactions(source, rows);
            PipelineRepository pipelines = new PipelineRepository(store, registry);
            pipelines.save("Prepare data", PipelineJson.read(Files.readString(PREPARE), registry));
            Pipeline broken = PipelineJson.read(Files.readString(PREPARE).replace("\"retail\"", "\"nowhere\""), registry);
            pipelines.save("Broken", broken);
        }
    }

    @Test
    void aFirstRunExecutesEveryNodeAndASecondTakesThemFromTheCache() {
        CliRun first = CliRun.of("run", "--project", project.toString(), "--pipeline", "Prepare data");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).containsPattern("Run \\d+ of pipeline 'Prepare data': DONE in \\d+\\.\\d s\\.");
        assertThat(cells(first.out(), "collect").subList(0, 4)).containsExactly("collect", "collect.dataset", "DONE", "executed");
        assertThat(cells(first.out(), "kcore").subList(0, 4)).containsExactly("kcore", "preprocess.kcore", "DONE", "executed");
        assertThat(cells(first.out(), "split").subList(0, 4)).containsExactly("split", "preprocess.split.random", "DONE", "executed");
        assertThat(first.err()).contains("100%");

        CliRun second = CliRun.of("run", "--project", project.toString(), "--pipeline", "Prepare data", "--quiet");
        assertThat(second.exitCode()).isZero();
        assertThat(cells(second.out(), "collect").get(3)).isEqualTo("cached");
        assertThat(cells(second.out(), "split").get(3)).isEqualTo("cached");
        assertThat(second.err()).isEmpty();

        CliRun reseeded = CliRun.of("run", "--project", project.toString(), "--pipeline", "Prepare data", "--seed", "7", "-q");
        assertThat(reseeded.exitCode()).isZero();
        assertThat(reseeded.out()).contains("(seed 7)");
        assertThat(cells(reseeded.out(), "kcore").get(3)).isEqualTo("cached");
        assertThat(cells(reseeded.out(), "split").get(3)).as("a new seed makes a new split").isEqualTo("executed");
    }

    @Test
    void aNodeOptionRunsOnlyWhatThatNodeNeeds() {
        CliRun run = CliRun.of("run", "--project", project.toString(), "--pipeline", "Prepare data", "--node", "kcore", "-q");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("kcore").doesNotContain("preprocess.split.random");

        CliRun unknown = CliRun.of("run", "--project", project.toString(), "--pipeline", "Prepare data", "--node", "nope");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("Pipeline 'Prepare data' has no node 'nope' (its nodes: collect, kcore, split)");
    }

    @Test
    void aFailingNodeExitsWith1AndSaysWhy() {
        CliRun run = CliRun.of("run", "--project", project.toString(), "--pipeline", "Broken", "-q");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out()).contains("FAILED");
        assertThat(cells(run.out(), "collect").get(2)).isEqualTo("FAILED");
        assertThat(cells(run.out(), "split").get(2)).isEqualTo("SKIPPED");
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines()[0]).startsWith("Error: ").contains("nowhere");
    }

    @Test
    void anUnknownPipelineIsABadUsageThatListsTheStoredOnes() {
        CliRun run = CliRun.of("run", "--project", project.toString(), "--pipeline", "Train");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()[0]).isEqualTo("Error: No pipeline named 'Train' in project shop (it has: Broken, Prepare data).");
    }

    @Test
    void infoListsThePipelinesWithTheirRuns() {
        assertThat(CliRun.of("run", "--project", project.toString(), "--pipeline", "Broken", "-q").exitCode()).isEqualTo(1);
        CliRun info = CliRun.of("info", project.toString());
        assertThat(info.exitCode()).isZero();
        assertThat(cells(info.out(), "Broken")).containsExactly("Broken", "1", "FAILED");
        assertThat(cells(info.out(), "Prepare data")).containsExactly("Prepare data", "0", "never");
    }

    @Test
    void aMissingProjectExitsWith3() {
        CliRun run = CliRun.of("run", "--project", dir.resolve("none").toString(), "--pipeline", "Prepare data");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROJECT);
        assertThat(dir.resolve("none.mv.db")).doesNotExist();
    }

    @Test
    void theTemplateOptionStoresTheTemplateOnceAndRunsIt() {
        CliRun first = CliRun.of("run", "--project", project.toString(), "--pipeline", "CF baseline", "--template", "--node", "split");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).contains("Stored the template 'CF baseline' in project shop.");
        assertThat(cells(first.out(), "split").subList(0, 4)).containsExactly("split", "preprocess.split.random", "DONE", "executed");

        CliRun second = CliRun.of("run", "--project", project.toString(), "--pipeline", "CF baseline", "--template", "--node", "split", "-q");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(cells(second.out(), "split").get(3)).as("the stored pipeline is reused, not added again").isEqualTo("cached");
        CliRun info = CliRun.of("info", project.toString());
        assertThat(cells(info.out(), "CF baseline")).containsExactly("CF baseline", "2", "DONE");
        assertThat(info.out()).doesNotContain("CF baseline (2)");
    }

    @Test
    void anUnknownTemplateIsABadUsageThatListsTheTemplates() {
        CliRun run = CliRun.of("run", "--project", project.toString(), "--pipeline", "Deep magic", "--template");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()[0]).isEqualTo("Error: No pipeline template named 'Deep magic' (templates: LLM hybrid, "
                + "CF baseline, Cold start by text, Social fusion).");
    }

    @Test
    void aTemplateNeedsADatasetToWorkOn() throws Exception {
        Path empty = dir.resolve("empty");
        ProjectStore.create(empty).close();
        CliRun run = CliRun.of("run", "--project", empty.toString(), "--pipeline", "LLM hybrid", "--template");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()[0]).contains("Project empty has no dataset for the template 'LLM hybrid'", "import data first");
        assertThat(CliRun.of("info", empty.toString()).out()).doesNotContain("LLM hybrid");
    }
}
