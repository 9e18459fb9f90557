package org.recblend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.recblend.pipeline.OutputCache;
import org.recblend.results.DemoCatalog;
import org.recblend.results.DemoRun;
import org.recblend.results.DemoRunChoice;
import org.recblend.results.EvaluationRuns;
import org.recblend.results.UserInspectionModel;
import org.recblend.results.UserInspectionRuns;
import org.recblend.sample.SampleArchive;
import org.recblend.sample.ShippedSample;
import org.recblend.store.ProjectStore;
import org.recblend.task.TaskMonitor;

/**
 * The finished sample projects in sample-projects/NAME/project.zip must open with today's code and
 * hold what first start shows: a change to the schema, to a node's cached outputs or to the
 * generator makes this fail until they are rebuilt with {@value ShippedSample#REBUILD_COMMAND}.
 */
class ShippedSamplesTest {
    static final Path ROOT = Path.of("sample-projects");
    static final Path MIGRATIONS = Path.of("resources", "db", "migration");
    static final String REBUILD = "regenerate the shipped samples with '" + ShippedSample.REBUILD_COMMAND + "'";

    @TempDir
    Path dir;

    static Stream<String> samples() {
        return ShippedSample.names().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void theShippedProjectIsAtTheLatestSchemaAndOpens(String name) throws Exception {
        ShippedSample sample = ShippedSample.find(name).orElseThrow();
        Path zip = sample.archive(ROOT);
        assertThat(zip).as("%s is missing: %s", zip, REBUILD).isRegularFile();
        Path project = SampleArchive.unpack(zip, dir.resolve(sample.projectName())).base();

        int latest = latestMigration();
        assertThat(latest).as("ProjectStore.SCHEMA_VERSION names the highest migration").isEqualTo(ProjectStore.SCHEMA_VERSION);
        assertThat(ProjectStore.schemaVersionOf(project))
                .as("%s is at an older project schema than the latest migration V%d: %s", zip, latest, REBUILD)
                .isEqualTo(latest);
        try (ProjectStore store = ProjectStore.open(project)) {
            for (String pipeline : ShippedSampleBuilder.pipelines(sample)) {
                assertThat(doneRuns(store, pipeline)).as("finished runs of '%s' in %s: %s", pipeline, zip, REBUILD).isPositive();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyEvaluationHasFiguresAndEveryModelIsReadableByTheInspector(String name) throws Exception {
        ShippedSample sample = ShippedSample.find(name).orElseThrow();
        Path project = SampleArchive.unpack(sample.archive(ROOT), dir.resolve(sample.projectName())).base();
        try (ProjectStore store = ProjectStore.open(project)) {
            EvaluationRuns evaluations = new EvaluationRuns(store);
            List<EvaluationRuns.Evaluation> list = evaluations.list();
            assertThat(list).extracting(EvaluationRuns.Evaluation::pipelineName).as("evaluated pipelines")
                    .containsAll(ShippedSampleBuilder.pipelines(sample));
            for (EvaluationRuns.Evaluation e : list) {
                assertThat(evaluations.metrics(e)).as("figures of %s", e.label()).isNotEmpty();
            }
            UserInspectionRuns runs = new UserInspectionRuns(store, new OutputCache(store));
            assertThat(runs.models()).as("trained models in %s", name).isNotEmpty();
            for (UserInspectionRuns.ModelChoice choice : runs.models()) {
                UserInspectionModel model = UserInspectionModel.load(runs, choice);
                assertThat(model.model()).as("the cached model of %s must be readable by this code: %s", choice.label(), REBUILD)
                        .isPresent();
                assertThat(model.split()).as("the cached split of %s: %s", choice.label(), REBUILD).isPresent();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void theTextModelsRunHasListsTextVectorsAndAnEncoderForTheDemo(String name) throws Exception {
        ShippedSample sample = ShippedSample.find(name).orElseThrow();
        String pipeline = ShippedSampleBuilder.pipelines(sample).get(0);  // "LLM hybrid", "Cold start: text vs CF"
        Path project = SampleArchive.unpack(sample.archive(ROOT), dir.resolve(sample.projectName())).base();
        try (ProjectStore store = ProjectStore.open(project)) {
            List<DemoRunChoice> choices = DemoCatalog.runs(store);
            DemoRunChoice choice = choices.stream().filter(c -> c.pipelineName().equals(pipeline)).findFirst()
                    .orElseThrow(() -> new AssertionError("no run of '" + pipeline + "' with lists for the demo: " + REBUILD));
            DemoRun run = DemoCatalog.load(store, choice, TaskMonitor.none());
            assertThat(run.userCount()).isEqualTo(sample.spec().users());
            assertThat(run.hasTextVectors()).as("the run's item text vectors").isTrue();
            assertThat(run.encoder()).as("an encoder for the demo's new-item box (%s)", run.noEncoderReason()).isNotNull();
            DemoRun.User user = run.user(run.userId(0));
            assertThat(user.recommendations()).as("stored lists of %s", user.id()).hasSize(10);
        }
    }

    @Test
    void theColdStartSampleShowsWhatTextAddsForNewItems() throws Exception {
        ShippedSample sample = ShippedSample.COLD_START;
        Path project = SampleArchive.unpack(sample.archive(ROOT), dir.resolve(sample.projectName())).base();
        try (ProjectStore store = ProjectStore.open(project)) {
            EvaluationRuns evaluations = new EvaluationRuns(store);
            double text = coldAuc(evaluations, "evaluate-cold");
            double cf = coldAuc(evaluations, "evaluate-bpr");
            // ranked among the new items only: purchases alone know nothing about them (about chance)
            assertThat(text).as("text model's AUC on new items").isGreaterThan(0.6);
            assertThat(text).as("text vs CF on new items").isGreaterThan(cf + 0.1);
        }
    }

    private static double coldAuc(EvaluationRuns evaluations, String node) {
        EvaluationRuns.Evaluation e = evaluations.list().stream().filter(x -> x.nodeId().equals(node)).findFirst().orElseThrow();
        return evaluations.metrics(e).stream()
                .filter(m -> m.name().equals("auc") && m.segment().equals("items:cold")).findFirst().orElseThrow().value();
    }

    private static int doneRuns(ProjectStore store, String pipeline) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM runs WHERE pipeline_name = ? AND status = 'DONE'")) {
                ps.setString(1, pipeline);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    static int latestMigration() throws Exception {
        Pattern version = Pattern.compile("V(\\d+)__.*\\.sql");
        int max = 0;
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Matcher m = version.matcher(f.getFileName().toString());
                if (m.matches()) {
                    max = Math.max(max, Integer.parseInt(m.group(1)));
                }
            }
        }
        return max;
    }
}
