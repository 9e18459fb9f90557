package org.recblend.ui.editor.preview;

import org.recblend.engine.classic.PopularityRecommender;
import org.recblend.nodes.preprocess.RandomSplit;
import org.recblend.nodes.templates.PipelineTemplates;
import org.recblend.nodes.templates.TemplateRuns;
import org.recblend.nodes.train.TrainPopularity;
import org.recblend.pipeline.NodeKindRegistry;
import org.recblend.pipeline.Pipeline;

/**
 * The pipeline the preview tests run on the retail sample: the LLM hybrid template with its text
 * encoded by TF-IDF (MiniLM would cost the shared build machine a minute per test class) and a
 * popularity model beside the hybrid one, so every kind of output (tables, split, embeddings,
 * features, a model with and without a curve, recommendations, metrics) comes out of one run.
 */
final class PreviewPipelines {
    static final NodeKindRegistry REGISTRY = NodeKindRegistry.load();

    private PreviewPipelines() {
    }

    static Pipeline hybridWithTfIdf(String name, int epochs) throws Exception {
        Pipeline p = PipelineTemplates.find(PipelineTemplates.LLM_HYBRID).orElseThrow().build(REGISTRY, "retail");
        p.setName(name);
        TemplateRuns.capEpochs(p, epochs);
        TemplateRuns.textByTfIdf(p);
        p.addNode("popularity", TrainPopularity.ID, new TrainPopularity.Settings(PopularityRecommender.Measure.USERS));
        p.move("popularity", p.node("hybrid").x(), p.node("hybrid").y() + 300);
        p.connect("split", "split", "popularity", "split");
        // a split of its own, so no other test's cached outputs serve this one
        RandomSplit.Settings split = p.node("split").settings(RandomSplit.Settings.class);
        p.setSettings("split", split.withSeed(name.hashCode()));
        return p;
    }
}
