package org.recblend.results;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.recblend.engine.model.Fusion;
import org.recblend.nodes.evaluate.EvaluateModel;
import org.recblend.nodes.fuse.FuseFeatures;
import org.recblend.nodes.templates.PipelineTemplates;
import org.recblend.nodes.templates.TemplateRuns;
import org.recblend.pipeline.NodeKindRegistry;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.PipelineRepository;
import org.recblend.pipeline.PipelineRunner;
import org.recblend.pipeline.RunOptions;
import org.recblend.pipeline.RunResult;
import org.recblend.pipeline.RunStatus;
import org.recblend.store.ProjectStore;
import org.recblend.task.TaskMonitor;

/**
 * The project the demo and export tests share: the retail sample with two finished runs of the LLM
 * hybrid template (item texts through MiniLM), one with gated and one with concatenated fusion,
 * two epochs each, per-user metrics kept so the two can be compared user by user. Built once per
 * test JVM (about half a minute) in a temporary folder.
 */
public final class DemoFixture {
    public static final NodeKindRegistry REGISTRY = NodeKindRegistry.load();
    public static final String GATED = "Hybrid gated";
    public static final String CONCAT = "Hybrid concat";

    private static DemoFixture instance;

    public final Path dir;
    public final ProjectStore store;
    public final int gatedRun;
    public final int concatRun;

    private DemoFixture(Path dir, ProjectStore store, int gatedRun, int concatRun) {
        this.dir = dir;
        this.store = store;
        this.gatedRun = gatedRun;
        this.concatRun = concatRun;
    }

    /** The shared project, built on first use. */
    public static synchronized DemoFixture get() throws Exception {
        if (instance == null) {
            Path dir = Files.createTempDirectory("recblend-demo-fixture");
            ProjectStore store = TemplateRuns.sampleProject(dir.resolve("retail"));
            PipelineRunner runner = new PipelineRunner(store);
            int gated = run(store, runner, hybrid(GATED, Fusion.Mode.GATED));
            int concat = run(store, runner, hybrid(CONCAT, Fusion.Mode.CONCAT));
            instance = new DemoFixture(dir, store, gated, concat);
            Runtime.getRuntime().addShutdownHook(new Thread(store::close));
        }
        return instance;
    }

    static Pipeline hybrid(String name, Fusion.Mode mode) throws Exception {
        Pipeline p = PipelineTemplates.find(PipelineTemplates.LLM_HYBRID).orElseThrow().build(REGISTRY, "retail");
        p.setName(name);
        TemplateRuns.capEpochs(p, 2);
        FuseFeatures.Settings fuse = p.node("fuse").settings(FuseFeatures.Settings.class);
        p.setSettings("fuse", new FuseFeatures.Settings(mode, fuse.weights(), fuse.normalise(), fuse.itemContent(),
                fuse.numericBins()));
        p.setSettings("evaluate", new EvaluateModel.Settings(List.of(5, 10, 20), p.node("evaluate")
                .settings(EvaluateModel.Settings.class).target(), true, true));
        return p;
    }

    private static int run(ProjectStore store, PipelineRunner runner, Pipeline p) {
        new PipelineRepository(store, REGISTRY).save(p.name(), p);
        RunResult r = runner.run(p, RunOptions.all(), TaskMonitor.none());
        if (r.status() != RunStatus.DONE) {
            throw new IllegalStateException("fixture run of " + p.name() + " failed: " + r.message());
        }
        return r.runId();
    }

    /** The run choice of a run id. */
    public DemoRunChoice choice(int runId) {
        return DemoCatalog.runs(store).stream().filter(c -> c.runId() == runId).findFirst().orElseThrow();
    }
}
