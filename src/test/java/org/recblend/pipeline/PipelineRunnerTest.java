package org.recblend.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.Split;
import org.recblend.store.ProjectStore;
import org.recblend.task.CancellableMonitor;
import org.recblend.task.TaskMonitor;

class PipelineRunnerTest {
    @TempDir
    Path dir;

    private final TestKinds.Source source = new TestKinds.Source();
    private final TestKinds.Scale scale = new TestKinds.Scale();
    private final TestKinds.ToSplit split = new TestKinds.ToSplit();
    private final NodeKindRegistry registry = NodeKindRegistry.of(source, scale, split);
    private ProjectStore store;
    private PipelineRunner runner;
    private Pipeline p;

    /** src -> a -> b, and src -> sp (an independent branch). */
    @BeforeEach
    void setUp() throws Exception {
        store = ProjectStore.create(dir.resolve("proj"));
        runner = new PipelineRunner(store);
        p = new Pipeline(registry, "chain");
        p.addNode("src", "test.source");
        p.addNode("a", "test.scale");
        p.addNode("b", "test.scale");
        p.addNode("sp", "test.split");
        p.connect("src", "out", "a", "in");
        p.connect("a", "out", "b", "in");
        p.connect("src", "out", "sp", "train");
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private int[] counts() {
        return new int[] {source.executions(), scale.executions(), split.executions()};
    }

    @Test
    void runsEveryNodeAfterItsInputsAndHandsOutputsOn() {
        List<String> running = new ArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void nodeState(String nodeId, NodeState state, String message) {
                if (state == NodeState.RUNNING) {
                    running.add(nodeId);
                }
            }
        };
        RunResult r = runner.run(p, RunOptions.all().withListener(listener), TaskMonitor.none());
        assertThat(r.status()).isEqualTo(RunStatus.DONE);
        assertThat(running).containsExactly("src", "a", "b", "sp");
        InteractionTable b = r.output(p, "b", "out", InteractionTable.class);
        assertThat(b.size()).isEqualTo(5);
        assertThat(b.weight(0)).isEqualTo(4f);
        assertThat(r.output(p, "sp", "split", Split.class).train().size()).isEqualTo(5);
    }

    @Test
    void aSecondRunTakesEverythingFromTheCache() {
        runner.run(p, RunOptions.all(), TaskMonitor.none());
        assertThat(counts()).containsExactly(1, 2, 1);
        RunResult second = runner.run(p, RunOptions.all(), TaskMonitor.none());
        assertThat(counts()).containsExactly(1, 2, 1);
        assertThat(second.executedNodes()).isEmpty();
        assertThat(second.nodes().values()).allMatch(n -> n.status() == NodeRunStatus.DONE);
        assertThat(second.output(p, "b", "out", InteractionTable.class).weight(0)).isEqualTo(4f);
    }

    @Test
    void changingOneSettingReRunsOnlyThatNodeAndWhatDependsOnIt() throws Exception {
        runner.run(p, RunOptions.all(), TaskMonitor.none());
        p.setSettings("a", new TestKinds.Scale.Settings(3f, "", 0));
        RunResult r = runner.run(p, RunOptions.all(), TaskMonitor.none());
        assertThat(r.executedNodes()).containsExactly("a", "b");
        assertThat(counts()).containsExactly(1, 4, 1);
        assertThat(r.output(p, "b", "out", InteractionTable.class).weight(0)).isEqualTo(6f);

        p.setSettings("src", new TestKinds.Source.Settings(8, 1f));
        assertThat(runner.run(p, RunOptions.all(), TaskMonitor.none()).executedNodes()).containsExactly("a", "b", "sp", "src");

        p.setSettings("src", new TestKinds.Source.Settings(5, 1f));
        p.setSettings("a", new TestKinds.Scale.Settings(2f, "", 0));
        assertThat(runner.run(p, RunOptions.all(), TaskMonitor.none()).executedNodes())
                .as("the first settings again: their outputs are still cached").isEmpty();
    }

    @Test
    void runsOnlyWhatTheTargetNodeNeeds() {
        RunResult r = runner.run(p, RunOptions.upTo("a"), TaskMonitor.none());
        assertThat(r.nodes().keySet()).containsExactlyInAnyOrder("src", "a");
        assertThat(counts()).containsExactly(1, 1, 0);
        assertThatThrownBy(() -> runner.run(p, RunOptions.upTo("zz"), TaskMonitor.none()))
                .hasMessage("No node 'zz' in the pipeline");
    }

    @Test
    void cachedOutputsSurviveReopeningTheProject() throws Exception {
        RunResult first = runner.run(p, RunOptions.all(), TaskMonitor.none());
        store.close();
        store = ProjectStore.open(dir.resolve("proj"));
        runner = new PipelineRunner(store);
        RunResult second = runner.run(p, RunOptions.all(), TaskMonitor.none());
        assertThat(second.executedNodes()).isEmpty();
        assertThat(counts()).containsExactly(1, 2, 1);
        assertThat(second.output(p, "b", "out", InteractionTable.class)).isEqualTo(first.output(p, "b", "out", InteractionTable.class));
        assertThat(second.output(p, "sp", "split", Split.class)).isEqualTo(first.output(p, "sp", "split", Split.class));
    }

    @Test
    void aCancelInsideANodeStopsTheRunAndCachesNothingHalfDone() throws Exception {
        p.setSettings("a", new TestKinds.Scale.Settings(2f, "", 100));
        CancellableMonitor monitor = new CancellableMonitor();
        int[] loops = {0};
        scale.onLoop = () -> {
            if (++loops[0] == 10) {
                monitor.cancel();
            }
        };
        RunResult r = runner.run(p, RunOptions.all(), monitor);

        assertThat(r.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(r.message()).isEqualTo("Cancelled by the user during node a");
        assertThat(r.node("src").orElseThrow().status()).isEqualTo(NodeRunStatus.DONE);
        assertThat(r.node("a").orElseThrow().status()).isEqualTo(NodeRunStatus.CANCELLED);
        assertThat(r.node("b").orElseThrow().status()).isEqualTo(NodeRunStatus.SKIPPED);
        assertThat(r.node("sp").orElseThrow().status()).isEqualTo(NodeRunStatus.SKIPPED);
        assertThat(loops[0]).isEqualTo(10);
        String keyOfA = r.node("a").orElseThrow().cacheKey();
        assertThat(runner.cache().contains(keyOfA)).isFalse();
        assertThat(runner.cache().contains(r.node("src").orElseThrow().cacheKey())).isTrue();
        assertCacheConsistent(1);
        assertThat(new RunRepository(store).find(r.runId()).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(new RunRepository(store).nodeRuns(r.runId())).extracting(n -> n.nodeId() + ":" + n.status())
                .containsExactly("src:DONE", "a:CANCELLED", "b:SKIPPED", "sp:SKIPPED");

        scale.onLoop = () -> { };
        RunResult again = runner.run(p, RunOptions.all(), TaskMonitor.none());
        assertThat(again.status()).isEqualTo(RunStatus.DONE);
        assertThat(again.executedNodes()).containsExactly("a", "b", "sp");
    }

    @Test
    void aCancelBeforeTheRunExecutesNothing() {
        CancellableMonitor monitor = new CancellableMonitor();
        monitor.cancel();
        RunResult r = runner.run(p, RunOptions.all(), monitor);
        assertThat(r.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(counts()).containsExactly(0, 0, 0);
        assertThat(r.nodes().values()).allMatch(n -> n.status() == NodeRunStatus.SKIPPED);
    }

    @Test
    void aFailingNodeFailsTheRunWithItsMessageAndStopsOnlyWhatDependsOnIt() throws Exception {
        p.setSettings("a", new TestKinds.Scale.Settings(2f, "the disk is full", 0));
        RunResult r = runner.run(p, RunOptions.all(), TaskMonitor.none());

        assertThat(r.status()).isEqualTo(RunStatus.FAILED);
        assertThat(r.message()).isEqualTo("Node a failed: the disk is full");
        NodeRunResult a = r.node("a").orElseThrow();
        assertThat(a.status()).isEqualTo(NodeRunStatus.FAILED);
        assertThat(a.message()).isEqualTo("the disk is full");
        assertThat(r.node("b").orElseThrow().status()).isEqualTo(NodeRunStatus.SKIPPED);
        assertThat(r.node("b").orElseThrow().message()).isEqualTo("Not run: a has no result");
        assertThat(r.node("sp").orElseThrow().status()).isEqualTo(NodeRunStatus.DONE);
        assertThat(scale.executions()).as("b never executed").isEqualTo(1);
        assertThat(runner.cache().contains(a.cacheKey())).isFalse();
        assertCacheConsistent(2);
        RunRecord record = new RunRepository(store).find(r.runId()).orElseThrow();
        assertThat(record.status()).isEqualTo(RunStatus.FAILED);
        assertThat(record.message()).isEqualTo("Node a failed: the disk is full");
        assertThat(record.log()).contains("[a] failed: the disk is full");
    }

    @Test
    void anInvalidNodeFailsWithItsValidationMessage() throws Exception {
        p.setSettings("src", new TestKinds.Source.Settings(-1, 1f));
        RunResult r = runner.run(p, RunOptions.all(), TaskMonitor.none());
        assertThat(r.status()).isEqualTo(RunStatus.FAILED);
        assertThat(r.message()).isEqualTo("Node src failed: Rows must be at least 0, not -1");
        assertThat(counts()).containsExactly(0, 0, 0);
    }

    @Test
    void anUnknownKindFailsTheRunWithAClearMessage() throws Exception {
        String json = PipelineJson.write(p).replace("\"test.split\"", "\"future.split\"");
        Pipeline loaded = PipelineJson.read(json, registry);
        RunResult r = runner.run(loaded, RunOptions.all(), TaskMonitor.none());
        assertThat(r.status()).isEqualTo(RunStatus.FAILED);
        assertThat(r.message()).startsWith("Node sp failed: Unknown node kind 'future.split': this workbench cannot run it");
        assertThat(r.node("b").orElseThrow().status()).isEqualTo(NodeRunStatus.DONE);
    }

    @Test
    void everyRunLeavesARecordWithItsNodes() throws Exception {
        new PipelineRepository(store, registry).save("chain", p);
        RunResult r = runner.run(p, RunOptions.all().withSeed(7), TaskMonitor.none());
        RunRepository runs = new RunRepository(store);
        RunRecord run = runs.find(r.runId()).orElseThrow();
        assertThat(run.pipelineName()).isEqualTo("chain");
        assertThat(run.status()).isEqualTo(RunStatus.DONE);
        assertThat(run.seed()).isEqualTo(7L);
        assertThat(run.finishedAt()).isAfterOrEqualTo(run.startedAt());
        assertThat(run.graphJson()).contains("\"formatVersion\"").contains("\"seed\" : 7");
        assertThat(run.log()).contains("[src] done in").contains("Run " + r.runId() + " done");
        assertThat(store.<Integer>read(c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT pipeline_id FROM runs WHERE id = " + r.runId())) {
                rs.next();
                return rs.getInt(1);
            }
        })).isPositive();

        List<NodeRunRecord> nodes = runs.nodeRuns(r.runId());
        assertThat(nodes).extracting(NodeRunRecord::nodeId).as("in the order they ran").containsExactly("src", "a", "b", "sp");
        assertThat(nodes).allSatisfy(n -> {
            assertThat(n.status()).isEqualTo(NodeRunStatus.DONE);
            assertThat(n.executed()).isTrue();
            assertThat(n.cacheKey()).matches("[0-9a-f]{64}");
            assertThat(n.millis()).isNotNull();
        });
        assertThat(nodes).filteredOn(n -> n.nodeId().equals("sp")).singleElement()
                .satisfies(n -> assertThat(n.settingsJson()).isEqualTo("{\"seed\":7}"));

        RunResult cached = runner.run(p, RunOptions.all().withSeed(7), TaskMonitor.none());
        assertThat(runs.nodeRuns(cached.runId())).allSatisfy(n -> assertThat(n.executed()).isFalse());
        assertThat(runs.list("chain")).extracting(RunRecord::id).containsExactly(cached.runId(), r.runId());
    }

    @Test
    void aSeedOverrideReachesOnlySeededNodes() {
        runner.run(p, RunOptions.all(), TaskMonitor.none());
        RunResult r = runner.run(p, RunOptions.all().withSeed(99), TaskMonitor.none());
        assertThat(r.executedNodes()).containsExactly("sp");
    }

    @Test
    void statesTellDoneStaleReadyAndNotConfigured() throws Exception {
        assertThat(runner.states(p)).containsEntry("src", NodeState.READY).containsEntry("b", NodeState.READY);
        runner.run(p, RunOptions.all(), TaskMonitor.none());
        assertThat(runner.states(p).values()).containsOnly(NodeState.DONE);

        p.setSettings("a", new TestKinds.Scale.Settings(5f, "", 0));
        assertThat(runner.states(p)).containsEntry("src", NodeState.DONE).containsEntry("a", NodeState.STALE)
                .containsEntry("b", NodeState.STALE).containsEntry("sp", NodeState.DONE);

        p.setSettings("src", new TestKinds.Source.Settings(null, 1f));
        assertThat(runner.states(p)).containsEntry("src", NodeState.NOT_CONFIGURED).containsEntry("a", NodeState.NOT_CONFIGURED);
    }

    @Test
    void progressRisesToOneAndCarriesNodeMessages() throws Exception {
        p.setSettings("a", new TestKinds.Scale.Settings(2f, "", 4));
        List<Double> fractions = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        CancellableMonitor monitor = new CancellableMonitor((f, m) -> {
            fractions.add(f);
            messages.add(m);
        }, line -> { });
        runner.run(p, RunOptions.all(), monitor);
        assertThat(fractions).isSorted();
        assertThat(fractions.get(fractions.size() - 1)).isEqualTo(1.0);
        assertThat(messages).contains("a: loop 2");
    }

    @Test
    void theListenerHearsEachNodeQueuedRunningAndDoneOrFailed() throws Exception {
        List<String> events = new ArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void nodeState(String nodeId, NodeState state, String message) {
                events.add(nodeId + ":" + state);
            }
        };
        runner.run(p, RunOptions.upTo("a").withListener(listener), TaskMonitor.none());
        assertThat(events).containsExactly("src:QUEUED", "a:QUEUED", "src:RUNNING", "src:DONE", "a:RUNNING", "a:DONE");

        events.clear();
        p.setSettings("b", new TestKinds.Scale.Settings(1f, "no luck", 0));
        runner.run(p, RunOptions.all().withListener(listener), TaskMonitor.none());
        assertThat(events).containsExactly("src:QUEUED", "a:QUEUED", "b:QUEUED", "sp:QUEUED",
                "src:DONE", "a:DONE", "b:RUNNING", "b:FAILED", "sp:RUNNING", "sp:DONE");
    }

    @Test
    void aNodeKindThatBreaksItsContractFailsWithAClearMessage() throws Exception {
        NodeKind<TestKinds.Scale.Settings> liar = new NodeKind<>() {
            @Override
            public NodeDescriptor descriptor() {
                return new NodeDescriptor("test.liar", "Liar", Stage.PREPROCESS, List.of(),
                        List.of(PortSpec.of("split", PortTypes.SPLIT)), "Returns the wrong type.");
            }

            @Override
            public Class<TestKinds.Scale.Settings> settingsClass() {
                return TestKinds.Scale.Settings.class;
            }

            @Override
            public TestKinds.Scale.Settings defaultSettings() {
                return new TestKinds.Scale.Settings(1f, "", 0);
            }

            @Override
            public List<PortData> execute(TestKinds.Scale.Settings s, List<PortData> in, ExecutionContext ctx) {
                return List.of(PortData.of(PortTypes.INTERACTIONS, InteractionTable.empty(TestKinds.Source.USERS, TestKinds.Source.ITEMS)));
            }
        };
        Pipeline q = new Pipeline(registry.with(liar), "liar");
        q.addNode("l", "test.liar");
        RunResult r = runner.run(q, RunOptions.all(), TaskMonitor.none());
        assertThat(r.message()).isEqualTo("Node l failed: Node kind test.liar returned Interactions for its Split output"
                + " 'split' (a bug in that node kind)");
        assertCacheConsistent(0);
    }

    /** Every node_outputs row has its file and no file lacks a row or is left half written. */
    private void assertCacheConsistent(int expectedEntries) throws Exception {
        Path cacheDir = store.artifactsDir().resolve("cache");
        Files.createDirectories(cacheDir);
        List<String> files;
        try (Stream<Path> s = Files.list(cacheDir)) {
            files = s.map(f -> f.getFileName().toString()).sorted().toList();
        }
        List<String> rows = store.read(c -> {
            List<String> list = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT artifact FROM node_outputs ORDER BY artifact")) {
                while (rs.next()) {
                    list.add(rs.getString(1).substring("cache/".length()));
                }
            }
            return list;
        });
        assertThat(files).hasSize(expectedEntries).allMatch(f -> f.endsWith(".bin"));
        if (expectedEntries == 0) {
            return;
        }
        assertThat(rows).isEqualTo(files);
    }
}
