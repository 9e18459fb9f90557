package org.recblend.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.recblend.nodes.encode.EncodeContext;
import org.recblend.nodes.encode.EncodeSocial;
import org.recblend.nodes.preprocess.RandomSplit;
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
 * A project with two finished runs of the retail sample, shared by the inspector's and the item
 * explorer's tests (one JVM, built once): the LLM hybrid template with its text by TF-IDF (MiniLM
 * would cost the shared build machine a minute), a social source for users and a context source
 * (when items are bought) added, so its scores have behaviour, text, content, social and context
 * parts and its lists are stored; and the CF baseline, which
 * stores no lists, so its BPR lists are scored from the cached model. Epochs are capped at 3.
 */
public final class InspectorFixture {
    public static final NodeKindRegistry REGISTRY = NodeKindRegistry.load();
    public static final String HYBRID = "Hybrid for the inspector";
    public static final String CF = "CF baseline for the inspector";
    private static InspectorFixture shared;

    public final ProjectStore store;
    public final PipelineRunner runner;
    public final Pipeline hybrid;
    public final Pipeline cf;
    public final RunResult hybridRun;
    public final RunResult cfRun;

    private InspectorFixture(Path dir) throws Exception {
        store = TemplateRuns.sampleProject(dir.resolve("retail"));
        runner = new PipelineRunner(store);
        hybrid = hybrid();
        cf = PipelineTemplates.find(PipelineTemplates.CF_BASELINE).orElseThrow().build(REGISTRY, "retail");
        cf.setName(CF);
        TemplateRuns.capEpochs(cf, 3);
        PipelineRepository repo = new PipelineRepository(store, REGISTRY);
        repo.save(HYBRID, hybrid);
        repo.save(CF, cf);
        hybridRun = runner.run(hybrid, RunOptions.all(), TaskMonitor.none());
        assertThat(hybridRun.status()).as(hybridRun.message()).isEqualTo(RunStatus.DONE);
        cfRun = runner.run(cf, RunOptions.all(), TaskMonitor.none());
        assertThat(cfRun.status()).as(cfRun.message()).isEqualTo(RunStatus.DONE);
    }

    /** The fixture, built on first use. */
    public static synchronized InspectorFixture get() throws Exception {
        if (shared == null) {
            shared = new InspectorFixture(Files.createTempDirectory("inspector-fixture"));
        }
        return shared;
    }

    /** A user of the hybrid run's test part whose stored top 10 holds at least one test item (the first such by index). */
    public String userWithAHit() {
        return userWithAHit(hybridRun, hybrid);
    }

    /**
     * The first user of a run's test part whose top 10 (its node "recommend") holds one of their
     * test items (its node "split").
     */
    public static String userWithAHit(RunResult run, Pipeline p) {
        org.recblend.engine.recommend.Recommendations recs = run.output(p, "recommend", "recommendations",
                org.recblend.engine.recommend.Recommendations.class);
        org.recblend.domain.InteractionTable test = run.output(p, "split", "split", org.recblend.domain.Split.class).test();
        int[][] byUser = test.rowsByUser();
        for (int u = 0; u < byUser.length; u++) {
            java.util.Set<Integer> held = new java.util.HashSet<>();
            for (int r : byUser[u]) {
                held.add(test.item(r));
            }
            for (int i : recs.itemsOf(u)) {
                if (held.contains(i)) {
                    return test.users().id(u);
                }
            }
        }
        throw new AssertionError("no user of run " + run.runId() + " has a hit");
    }

    private static Pipeline hybrid() throws Exception {
        Pipeline p = PipelineTemplates.find(PipelineTemplates.LLM_HYBRID).orElseThrow().build(REGISTRY, "retail");
        p.setName(HYBRID);
        TemplateRuns.capEpochs(p, 3);
        TemplateRuns.textByTfIdf(p);
        double x = p.node("text").x();
        double y = p.node("text").y();
        p.addNode("friends", EncodeSocial.ID, new EncodeSocial().defaultSettings());
        p.move("friends", x, y + 150);
        p.connect("collect", "social", "friends", "social");
        p.connect("split", "split", "friends", "split");
        p.connect("friends", "user features", "fuse", "social");
        p.addNode("when", EncodeContext.ID, new EncodeContext().defaultSettings());
        p.move("when", x, y + 300);
        p.connect("split", "split", "when", "split");
        p.connect("when", "item features", "fuse", "context");
        p.connect("fuse", "user features", "hybrid", "user features");
        RandomSplit.Settings split = p.node("split").settings(RandomSplit.Settings.class);
        p.setSettings("split", split.withSeed(HYBRID.hashCode()));
        return p;
    }
}
