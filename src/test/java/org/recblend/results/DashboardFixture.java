package org.recblend.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.recblend.engine.eval.EvaluationResult;
import org.recblend.nodes.evaluate.EvaluateModel;
import org.recblend.nodes.preprocess.RandomSplit;
import org.recblend.nodes.templates.PipelineTemplates;
import org.recblend.nodes.templates.TemplateRuns;
import org.recblend.nodes.train.HybridTrain;
import org.recblend.pipeline.Node;
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
 * A project with two finished runs of the retail sample, as the dashboards see it: the LLM hybrid
 * (its text encoded by TF-IDF, since MiniLM costs the shared build machine a minute; ablation on)
 * and the CF baseline (BPR, popularity, ItemKNN), both with training capped at a few epochs and
 * per-user values stored so evaluations can be compared user by user.
 */
public final class DashboardFixture implements AutoCloseable {
    public static final int EPOCHS = 3;
    private static final NodeKindRegistry REGISTRY = NodeKindRegistry.load();

    public final ProjectStore store;
    public final PipelineRunner runner;
    public final Pipeline hybrid;
    public final Pipeline baseline;
    public final RunResult hybridRun;
    public final RunResult baselineRun;

    private DashboardFixture(ProjectStore store, PipelineRunner runner, Pipeline hybrid, Pipeline baseline, RunResult hybridRun,
                             RunResult baselineRun) {
        this.store = store;
        this.runner = runner;
        this.hybrid = hybrid;
        this.baseline = baseline;
        this.hybridRun = hybridRun;
        this.baselineRun = baselineRun;
    }

    /** Builds the sample project in {@code dir} and runs both pipelines (about half a minute). */
    public static DashboardFixture create(Path dir, String name) throws Exception {
        return create(dir, name, false);
    }

    /**
     * Builds the sample project and runs both pipelines; with {@code asShipped} the hybrid keeps the
     * template's MiniLM text node (so the demo can place a new product) and both pipelines are
     * stored in the project under their template names ("LLM hybrid", "CF baseline"), so the
     * explorer lists them as a user sees them; both keep the templates' split seed, so their
     * evaluations share one split as a user's would. The user guide's screenshots take this one.
     */
    public static DashboardFixture create(Path dir, String name, boolean asShipped) throws Exception {
        ProjectStore store = TemplateRuns.sampleProject(dir.resolve("retail"));
        PipelineRunner runner = new PipelineRunner(store);
        Pipeline hybrid = asShipped ? withAblation(template(PipelineTemplates.LLM_HYBRID, name + " hybrid", false))
                : hybrid(name + " hybrid");
        Pipeline baseline = template(PipelineTemplates.CF_BASELINE, name + " baseline", !asShipped);
        if (asShipped) {
            hybrid.setName(PipelineTemplates.LLM_HYBRID);
            baseline.setName(PipelineTemplates.CF_BASELINE);
            PipelineRepository repo = new PipelineRepository(store, REGISTRY);
            repo.save(hybrid.name(), hybrid);
            repo.save(baseline.name(), baseline);
        }
        RunResult h = runner.run(hybrid, RunOptions.all(), TaskMonitor.none());
        assertThat(h.status()).as(h.message()).isEqualTo(RunStatus.DONE);
        RunResult b = runner.run(baseline, RunOptions.all(), TaskMonitor.none());
        assertThat(b.status()).as(b.message()).isEqualTo(RunStatus.DONE);
        return new DashboardFixture(store, runner, hybrid, baseline, h, b);
    }

    /** The evaluation result of an evaluate node as the run produced it. */
    public EvaluationResult result(Pipeline p, RunResult run, String evaluateNode) {
        return run.output(p, evaluateNode, "metrics", EvaluationResult.class);
    }

    private static Pipeline template(String template, String name) throws Exception {
        return template(template, name, true);
    }

    /** The template with epochs capped and per-user values stored; {@code ownSplit} reseeds its split by the name. */
    private static Pipeline template(String template, String name, boolean ownSplit) throws Exception {
        Pipeline p = PipelineTemplates.find(template).orElseThrow().build(REGISTRY, "retail");
        p.setName(name);
        TemplateRuns.capEpochs(p, EPOCHS);
        for (Node n : p.nodes()) {
            if (n.settings().orElse(null) instanceof EvaluateModel.Settings s) {
                p.setSettings(n.id(), new EvaluateModel.Settings(s.ks(), s.target(), s.excludeSeen(), true));
            }
        }
        if (ownSplit) {
            // a split of its own, so no other test's cached outputs serve this one
            RandomSplit.Settings split = p.node("split").settings(RandomSplit.Settings.class);
            p.setSettings("split", split.withSeed(name.hashCode()));
        }
        return p;
    }

    private static Pipeline hybrid(String name) throws Exception {
        Pipeline p = template(PipelineTemplates.LLM_HYBRID, name);
        TemplateRuns.textByTfIdf(p);
        return withAblation(p);
    }

    private static Pipeline withAblation(Pipeline p) throws Exception {
        p.setSettings("hybrid", p.node("hybrid").settings(HybridTrain.Settings.class).withAblation(true));
        return p;
    }

    @Override
    public void close() {
        store.close();
    }
}
