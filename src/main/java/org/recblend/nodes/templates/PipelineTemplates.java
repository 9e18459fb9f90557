package org.recblend.nodes.templates;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.recblend.domain.Embeddings;
import org.recblend.encode.social.SocialAdjacency;
import org.recblend.engine.classic.PopularityRecommender;
import org.recblend.engine.eval.EvalOptions;
import org.recblend.engine.model.Fusion;
import org.recblend.engine.model.HybridTowers;
import org.recblend.engine.train.Objective;
import org.recblend.engine.train.SamplerKind;
import org.recblend.nodes.collect.CollectDataset;
import org.recblend.nodes.encode.MiniLmEncode;
import org.recblend.nodes.evaluate.EvaluateModel;
import org.recblend.nodes.fuse.FuseFeatures;
import org.recblend.nodes.fuse.SocialScoreFusion;
import org.recblend.nodes.preprocess.ItemColdStartSplit;
import org.recblend.nodes.preprocess.KCoreFilter;
import org.recblend.nodes.preprocess.RandomSplit;
import org.recblend.nodes.recommend.RecommendTopK;
import org.recblend.nodes.train.BprTrain;
import org.recblend.nodes.train.HybridTrain;
import org.recblend.nodes.train.TrainItemKnn;
import org.recblend.nodes.train.TrainPopularity;
import org.recblend.pipeline.NodeKindRegistry;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.PipelineRepository;
import org.recblend.pipeline.WiringException;
import org.recblend.store.ProjectStore;
import org.recblend.store.StoredDataset;

/**
 * The pipelines a project can start from, built only from registered node kinds. Settings are
 * sized for a data set like the retail sample (a few thousand users, a thousand items with a title
 * and a description): training stops early on a validation share, so a run takes seconds to
 * minutes on a laptop, not hours. Nodes are laid out left to right, one column per stage.
 */
public final class PipelineTemplates {
    public static final String LLM_HYBRID = "LLM hybrid";
    public static final String CF_BASELINE = "CF baseline";
    public static final String COLD_START = "Cold start by text";
    public static final String SOCIAL_FUSION = "Social fusion";

    /** The item text of the retail sample and of any catalogue with a title, categories and a description. */
    static final String ITEM_TEXT = "{title}. {categories}. {description}";
    private static final double COLUMN = 230;
    private static final double ROW = 150;
    private static final double LEFT = 60;
    private static final double TOP = 60;

    private static final List<PipelineTemplate> ALL = List.of(
            new PipelineTemplate(LLM_HYBRID, "Item texts encoded by a sentence model (MiniLM) and fused with the item"
                    + " content into a hybrid two-tower model; recommends and evaluates NDCG, recall and more.",
                    PipelineTemplates::llmHybrid),
            new PipelineTemplate(CF_BASELINE, "Collaborative filtering only: BPR matrix factorisation next to popularity"
                    + " and ItemKNN, each evaluated on the same split: the bar a content model has to beat.",
                    PipelineTemplates::cfBaseline),
            new PipelineTemplate(COLD_START, "Holds out a fifth of the items entirely and recommends them from their"
                    + " text alone: how well new items are placed before anybody has bought them.",
                    PipelineTemplates::coldStart),
            new PipelineTemplate(SOCIAL_FUSION, "BPR whose scores are blended with what each user's friends bought,"
                    + " evaluated with and without the friends so the gain is visible.",
                    PipelineTemplates::socialFusion));

    private PipelineTemplates() {
    }

    /** Every template, the default ({@value #LLM_HYBRID}) first. */
    public static List<PipelineTemplate> list() {
        return ALL;
    }

    /** The template of this name. */
    public static Optional<PipelineTemplate> find(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /**
     * Builds the template over the project's first dataset and saves it under the template's name,
     * or under "name (2)", "name (3)"… when that name is taken, so nothing is overwritten.
     *
     * @return the saved pipeline (its name is the one it was saved under)
     * @throws IllegalArgumentException when there is no template of this name
     */
    public static Pipeline add(String templateName, ProjectStore store, NodeKindRegistry registry) {
        PipelineTemplate t = find(templateName).orElseThrow(() -> new IllegalArgumentException(
                "No template named '" + templateName + "'; there are: " + ALL.stream().map(PipelineTemplate::name).toList()));
        Pipeline p = t.build(registry, firstDataset(store));
        PipelineRepository repo = new PipelineRepository(store, registry);
        Set<String> taken = new HashSet<>();
        repo.list().forEach(s -> taken.add(s.name()));
        String name = t.name();
        for (int i = 2; taken.contains(name); i++) {
            name = t.name() + " (" + i + ")";
        }
        repo.save(name, p);
        return p;
    }

    /**
     * What a new project starts with: the {@value #LLM_HYBRID} template, saved unless the project
     * already has a pipeline of that name (so calling it twice adds nothing).
     *
     * @return the added pipeline, or empty when it was there already
     */
    public static Optional<Pipeline> addDefault(ProjectStore store, NodeKindRegistry registry) {
        PipelineRepository repo = new PipelineRepository(store, registry);
        if (repo.list().stream().anyMatch(s -> s.name().equals(LLM_HYBRID))) {
            return Optional.empty();
        }
        return Optional.of(add(LLM_HYBRID, store, registry));
    }

    private static String firstDataset(ProjectStore store) {
        List<String> names = StoredDataset.datasetNames(store);
        return names.isEmpty() ? "" : names.get(0);
    }

    // ---- the templates ---------------------------------------------------------------------------

    private static void llmHybrid(Pipeline p, String dataset) throws WiringException {
        collect(p, dataset, 0, 0);
        node(p, "kcore", KCoreFilter.ID, new KCoreFilter.Settings(3, 3), 1, 0);
        node(p, "split", RandomSplit.ID, new RandomSplit.Settings(0.2, 0.1, 42), 2, 0);
        node(p, "text", MiniLmEncode.ID, itemText(), 1, 1);
        node(p, "fuse", FuseFeatures.ID, new FuseFeatures.Settings(Fusion.Mode.GATED, Map.of(), true), 2, 1);
        node(p, "hybrid", HybridTrain.ID, hybrid(), 3, 0);
        node(p, "recommend", RecommendTopK.ID, new RecommendTopK.Settings(10, true, true), 4, 0);
        node(p, "evaluate", EvaluateModel.ID, evaluate(EvalOptions.Target.TEST), 4, 1);
        p.connect("collect", "interactions", "kcore", "interactions");
        p.connect("kcore", "interactions", "split", "interactions");
        p.connect("collect", "items", "text", "items");
        p.connect("text", "embeddings", "fuse", "text");
        p.connect("collect", "items", "fuse", "items");
        p.connect("split", "split", "hybrid", "split");
        p.connect("fuse", "item features", "hybrid", "item features");
        p.connect("hybrid", "model", "recommend", "model");
        p.connect("split", "split", "recommend", "split");
        p.connect("hybrid", "model", "evaluate", "model");
        p.connect("split", "split", "evaluate", "split");
    }

    private static void cfBaseline(Pipeline p, String dataset) throws WiringException {
        collect(p, dataset, 0, 1);
        node(p, "split", RandomSplit.ID, new RandomSplit.Settings(0.2, 0.1, 42), 1, 1);
        node(p, "bpr", BprTrain.ID, bpr(), 2, 0);
        node(p, "popularity", TrainPopularity.ID, new TrainPopularity.Settings(PopularityRecommender.Measure.USERS), 2, 1);
        node(p, "itemknn", TrainItemKnn.ID, new TrainItemKnn.Settings(100, 10), 2, 2);
        List<String> models = List.of("bpr", "popularity", "itemknn");
        for (int row = 0; row < models.size(); row++) {
            String model = models.get(row);
            String eval = "evaluate-" + model;
            node(p, eval, EvaluateModel.ID, evaluate(EvalOptions.Target.TEST), 3, row);
            p.connect(model, "model", eval, "model");
            p.connect("split", "split", eval, "split");
            p.connect("split", "split", model, "split");
        }
        p.connect("collect", "interactions", "split", "interactions");
    }

    private static void coldStart(Pipeline p, String dataset) throws WiringException {
        collect(p, dataset, 0, 0);
        node(p, "cold-split", ItemColdStartSplit.ID, new ItemColdStartSplit.Settings(0.2, 0.0, 42), 1, 0);
        node(p, "text", MiniLmEncode.ID, itemText(), 1, 1);
        node(p, "fuse", FuseFeatures.ID, new FuseFeatures.Settings(Fusion.Mode.CONCAT, Map.of(), true), 2, 1);
        node(p, "hybrid", HybridTrain.ID, hybrid(), 3, 0);
        node(p, "evaluate-cold", EvaluateModel.ID, evaluate(EvalOptions.Target.TEST), 4, 0);
        p.connect("collect", "interactions", "cold-split", "interactions");
        p.connect("collect", "items", "text", "items");
        p.connect("text", "embeddings", "fuse", "text");
        p.connect("collect", "items", "fuse", "items");
        p.connect("cold-split", "split", "hybrid", "split");
        p.connect("fuse", "item features", "hybrid", "item features");
        p.connect("hybrid", "model", "evaluate-cold", "model");
        p.connect("cold-split", "split", "evaluate-cold", "split");
    }

    private static void socialFusion(Pipeline p, String dataset) throws WiringException {
        collect(p, dataset, 0, 0);
        node(p, "split", RandomSplit.ID, new RandomSplit.Settings(0.2, 0.1, 42), 1, 0);
        node(p, "bpr", BprTrain.ID, bpr(), 2, 0);
        node(p, "friends", SocialScoreFusion.ID, new SocialScoreFusion.Settings(1.0, 5.0, SocialAdjacency.Direction.BOTH), 3, 0);
        node(p, "evaluate-social", EvaluateModel.ID, evaluate(EvalOptions.Target.TEST), 4, 0);
        node(p, "evaluate-bpr", EvaluateModel.ID, evaluate(EvalOptions.Target.TEST), 4, 1);
        p.connect("collect", "interactions", "split", "interactions");
        p.connect("split", "split", "bpr", "split");
        p.connect("bpr", "model", "friends", "model");
        p.connect("split", "split", "friends", "split");
        p.connect("collect", "social", "friends", "social");
        p.connect("friends", "model", "evaluate-social", "model");
        p.connect("split", "split", "evaluate-social", "split");
        p.connect("bpr", "model", "evaluate-bpr", "model");
        p.connect("split", "split", "evaluate-bpr", "split");
    }

    // ---- shared settings -------------------------------------------------------------------------

    private static void collect(Pipeline p, String dataset, double column, double row) throws WiringException {
        node(p, "collect", CollectDataset.ID, new CollectDataset.Settings(dataset, List.of(), List.of(CollectDataset.Part.values())),
                column, row);
    }

    private static MiniLmEncode.Settings itemText() {
        return new MiniLmEncode.Settings(Embeddings.Side.ITEM, ITEM_TEXT, 20, 64, true);
    }

    /** 64 dimensions and early stopping on the validation share: seconds per epoch on the sample. */
    private static HybridTrain.Settings hybrid() {
        return new HybridTrain.Settings(64, 30, 1024, 0.005, 0.005, 0.1, 1, SamplerKind.UNIFORM, 42, 3, Objective.RANKING,
                1.0, false, HybridTowers.ColdTarget.WHOLE_VECTOR, false, true);
    }

    private static BprTrain.Settings bpr() {
        return new BprTrain.Settings(64, 30, 1024, 0.005, 0.005, SamplerKind.UNIFORM, 42, 3, Objective.RANKING);
    }

    private static EvaluateModel.Settings evaluate(EvalOptions.Target target) {
        return new EvaluateModel.Settings(List.of(5, 10, 20), target, true, false);
    }

    private static void node(Pipeline p, String id, String kind, org.recblend.pipeline.NodeSettings s, double column, double row)
            throws WiringException {
        p.addNode(id, kind, s);
        p.move(id, LEFT + column * COLUMN, TOP + row * ROW);
    }
}
