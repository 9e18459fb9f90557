package org.recblend.nodes.templates;

import java.nio.file.Path;
import org.recblend.domain.Embeddings;
import org.recblend.nodes.encode.TfIdfEncode;
import org.recblend.nodes.train.BprTrain;
import org.recblend.nodes.train.HybridTrain;
import org.recblend.pipeline.Node;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.WiringException;
import org.recblend.sample.SampleProject;
import org.recblend.store.ProjectStore;
import org.recblend.task.TaskMonitor;

/** Helpers for tests that run templates on the bundled retail sample. */
public final class TemplateRuns {
    private TemplateRuns() {
    }

    /** Builds the sample project (the committed retail data) at this path and opens it. */
    public static ProjectStore sampleProject(Path file) throws Exception {
        SampleProject.Result built = SampleProject.build(SampleProject.RETAIL_FOLDER, file, TaskMonitor.none());
        return ProjectStore.open(built.project());
    }

    /** Caps the epochs of every trained model, so a test runs in seconds; the template keeps its own. */
    public static void capEpochs(Pipeline p, int epochs) throws WiringException {
        for (Node n : p.nodes()) {
            if (n.settings().orElse(null) instanceof HybridTrain.Settings h) {
                p.setSettings(n.id(), new HybridTrain.Settings(h.dim(), Math.min(epochs, h.epochs()), h.batchSize(), h.learningRate(),
                        h.regularisation(), h.idDropout(), h.featureRate(), h.sampler(), h.seed(), h.patience(), h.objective(),
                        h.coldRidge(), h.ablation(), h.coldTarget(), h.userProfile(), h.coldRidgeAuto()));
            } else if (n.settings().orElse(null) instanceof BprTrain.Settings b) {
                p.setSettings(n.id(), new BprTrain.Settings(b.dim(), Math.min(epochs, b.epochs()), b.batchSize(), b.learningRate(),
                        b.regularisation(), b.sampler(), b.seed(), b.patience(), b.objective()));
            }
        }
    }

    /**
     * Puts a TF-IDF encoder of the item texts in place of the template's MiniLM node "text", wired
     * as before: MiniLM would cost the shared build machine a minute per fixture.
     */
    public static void textByTfIdf(Pipeline p) throws WiringException {
        double x = p.node("text").x();
        double y = p.node("text").y();
        p.removeNode("text");
        p.addNode("text", TfIdfEncode.ID, new TfIdfEncode.Settings(Embeddings.Side.ITEM, "{title}. {categories}. {description}",
                20, 4096, 64, 42, true));
        p.move("text", x, y);
        p.connect("collect", "items", "text", "items");
        p.connect("text", "embeddings", "fuse", "text");
    }
}
