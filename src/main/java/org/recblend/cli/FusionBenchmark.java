package org.recblend.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.recblend.domain.AttributeValue;
import org.recblend.domain.Embeddings;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.ItemInfo;
import org.recblend.domain.ItemTable;
import org.recblend.domain.SocialGraph;
import org.recblend.domain.Split;
import org.recblend.engine.Recommender;
import org.recblend.engine.TrainedModel;
import org.recblend.engine.eval.EvalOptions;
import org.recblend.engine.eval.EvaluationResult;
import org.recblend.engine.eval.Evaluator;
import org.recblend.engine.eval.MetricNames;
import org.recblend.engine.feature.FeatureBlock;
import org.recblend.engine.feature.FeatureSet;
import org.recblend.engine.model.DeepRecommender;
import org.recblend.engine.model.FactorRecommender;
import org.recblend.engine.model.FloatMatrix;
import org.recblend.encode.social.SocialAdjacency;
import org.recblend.encode.social.SocialEncoder;
import org.recblend.encode.social.UserProfiles;
import org.recblend.nodes.encode.EncodeSocial;
import org.recblend.nodes.encode.MiniLmEncode;
import org.recblend.nodes.encode.TfIdfEncode;
import org.recblend.nodes.fuse.FuseFeatures;
import org.recblend.nodes.fuse.SocialScoreFusion;
import org.recblend.nodes.preprocess.ItemColdStartSplit;
import org.recblend.nodes.train.BprTrain;
import org.recblend.nodes.train.HybridTrain;
import org.recblend.nodes.train.TrainPorts;
import org.recblend.pipeline.NodeKind;
import org.recblend.pipeline.NodeSettings;
import org.recblend.pipeline.PortData;
import org.recblend.pipeline.PortSpec;
import org.recblend.pipeline.PortTypes;
import org.recblend.store.ProjectStore;
import org.recblend.store.SourceInfo;
import org.recblend.store.StoredDataset;
import org.recblend.task.TaskMonitor;

/**
 * The fusion ablation of issue 4: what item text (MiniLM against TF-IDF, alone and with release
 * year) and the friend graph add over BPR, on the same splits and seeds. Every model is a node kind
 * run with its default settings (reseeded; epochs optionally overridden for a quick run); every part
 * returns one Markdown section of docs/BENCHMARKS.md.
 */
final class FusionBenchmark {
    /** The parts of the table. */
    enum Part { coldstart, amazon, lastfm }

    /** The text encoders compared. */
    enum Encoder {
        minilm("MiniLM"), tfidf("TF-IDF");

        final String label;

        Encoder(String label) {
            this.label = label;
        }
    }

    static final String ML_TEMPLATE = "{title}. Genres: {genres}. {plot}";
    static final String AMAZON_TEMPLATE = "{text}";
    static final long FIRST_SEED = 42;
    static final double COLD_SHARE = 0.2;
    static final int SPARSE_KEEP = 5;
    static final double SOCIAL_SHRINK = 5;
    /** Penalty of the ridge baseline, relative to the mean feature variance (as the Hybrid's default coldRidge). */
    static final double RIDGE = 1.0;
    static final String SOCIAL_SCORES_ROW = "BPR + social score fusion (`fuse.social`: friends' listens added to the"
            + " scores, weight 1 × 5/(5 + n_u))";
    static final String WITH_YEAR = "text + release year";
    static final String WITH_META = "text + release year + genres";

    /**
     * @param seeds    splits (cold start, Last.fm) or model seeds (Amazon, whose split is fixed), from 42 upwards
     * @param epochs   epochs of BPR and the Hybrid; 0 = the nodes' defaults
     * @param encoders the text encoders to compare
     * @param hybrid   whether the cold-start part trains the Hybrid rows (the slow part) beside the ridge baseline
     */
    record Options(int seeds, int epochs, List<Encoder> encoders, boolean hybrid) {
    }

    /** One model's figures, one value per seed for each measure. */
    record Row(String name, List<double[]> values, double trainSeconds) {
        double mean(int measure) {
            return Arrays.stream(values.get(measure)).average().orElse(Double.NaN);
        }

        double sd(int measure) {
            double[] v = values.get(measure);
            if (v.length < 2) {
                return Double.NaN;
            }
            double m = mean(measure);
            return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1));
        }
    }

    private final Options options;
    private final TaskMonitor monitor;

    FusionBenchmark(Options options, TaskMonitor monitor) {
        this.options = options;
        this.monitor = monitor;
    }

    // ---------------------------------------------------------------- item cold start

    /** Part 1: 20 % of the ML-100K items held out entirely, AUC and NDCG@10 over the cold items. */
    String coldStart(Path folder, java.util.function.Supplier<String> machine) throws Exception {
        String title = "## Fusion ablation: item cold start on ML-100K with plots\n\n";
        if (!Files.isDirectory(folder)) {
            return title + skipped(folder, "ml-100k-plots", "ratings.csv, items_info.json, users_info.csv");
        }
        long t0 = System.nanoTime();
        Rows rows = new Rows(2);
        int coldItems = 0;
        int users = 0;
        try (BenchProject project = BenchProject.importFolder("ml-100k-plots", folder, monitor)) {
            StoredDataset data = project.all();
            InteractionTable ratings = data.interactions(monitor);
            ItemTable items = data.items(monitor);
            ItemTable year = onlyAttribute(items, "year");
            Map<Encoder, Embeddings> texts = encodeAll(project.store(), items, ML_TEMPLATE);
            for (int s = 0; s < options.seeds(); s++) {
                long seed = FIRST_SEED + s;
                Split split = coldSplit(ratings, seed);
                Trained bpr = bpr(split, seed);
                rows.add("BPR alone", cold(bpr, split));
                boolean[] warm = warm(split);
                org.recblend.domain.IdIndex ids = bpr.recommender().items();
                List<FeatureBlock> yearBlocks = metadataBlocks(year, ids);
                List<FeatureBlock> metaBlocks = metadataBlocks(items, ids);
                for (Encoder e : options.encoders()) {
                    FeatureBlock x = textBlock(texts.get(e), ids);
                    rows.add("Ridge map of " + e.label + " text to BPR factors (baseline)", ridge(bpr, split, warm, List.of(x)));
                    rows.add("Ridge map of " + e.label + " " + WITH_YEAR + " to BPR factors (baseline)",
                            ridge(bpr, split, warm, concat(x, yearBlocks)));
                    rows.add("Ridge map of " + e.label + " " + WITH_META + " to BPR factors (baseline)",
                            ridge(bpr, split, warm, concat(x, metaBlocks)));
                }
                for (Encoder e : options.hybrid() ? options.encoders() : List.<Encoder>of()) {
                    Embeddings text = texts.get(e);
                    rows.add("Hybrid, " + e.label + " text only", cold(hybrid(split, seed, text, null, project.store()), split));
                    rows.add("Hybrid, " + e.label + " " + WITH_YEAR, cold(hybrid(split, seed, text, year, project.store()), split));
                    rows.add("Hybrid, " + e.label + " " + WITH_META, cold(hybrid(split, seed, text, items, project.store()), split));
                }
                RankingMetrics.Cold last = lastCold;
                coldItems = last.coldItems();
                users = last.users();
            }
        }
        double minutes = (System.nanoTime() - t0) / 60e9;
        StringBuilder b = new StringBuilder(title);
        b.append(String.format(Locale.ROOT, "Protocol: ML-100K with plots (preset `ml-100k-plots`; the IMDb rating is not"
                + " imported); node `preprocess.split.coldstart` holds out %.0f %% of the items with all their ratings"
                + " (%d cold items; split seeds %s); per user with held-out cold items, only the cold items are ranked and"
                + " that user's held-out cold items are relevant (%d users); AUC = share of (relevant, other cold item) pairs"
                + " ranked right; NDCG@10 binary. Mean ± sd over %d split%s. Models: node defaults%s (`train.bpr`;"
                + " `train.hybrid` fed by `fuse.features` with its defaults: gated fusion, every source scaled to mean row"
                + " length 1, the release year as indicators of up to 50 quantile bins; a cold item's whole vector and bias"
                + " are the ridge map of its features fitted on the warm items' trained vectors, the map's penalty chosen by"
                + " generalised cross-validation)%s. Ridge baseline (the"
                + " reference's method): the same seed's BPR, its cold items' factors and bias mapped from the same"
                + " features by a ridge regression fitted on the warm items (penalty 1 × the mean feature variance)."
                + " Texts `%s`: MiniLM = `encode.text.minilm` (all-MiniLM-L6-v2, quantized), TF-IDF ="
                + " `encode.text.tfidf` (128 SVD components). Item metadata: the release year (IMDb `year`) and, in the"
                + " last rows, the IMDb genres as well (the `genres` category, also part of the text)."
                + " Written by `recblend bench fusion` in %.1f min.%n%n", COLD_SHARE * 100, coldItems, seedList(), users,
                options.seeds(), options.seeds() == 1 ? "" : "s", epochNote(),
                options.hybrid() ? "" : "; **the Hybrid rows were left out of this run** (`--no-hybrid`)", ML_TEMPLATE, minutes));
        b.append(machine.get()).append("\n\n");
        b.append("| Model | cold-item AUC | cold-item NDCG@10 | training s (mean) |\n|---|---:|---:|---:|\n");
        for (Row r : rows.rows()) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1f |%n", r.name(), meanSd(r, 0), meanSd(r, 1), r.trainSeconds()));
        }
        b.append("| *Reference (MiniLM text → BPR factors by ridge map)* | *0.654* | *0.211* | |\n");
        b.append("| *Reference, MiniLM text + release year* | *0.779* | *0.303* | |\n");
        b.append("| *Reference, TF-IDF + release year* | *0.777* | *0.269* | |\n\n");
        b.append(verdicts(rows, 0, "AUC", "NDCG@10"));
        b.append(coldReferenceCheck(rows));
        return b.toString();
    }

    /** The last cold-start measurement, for the counts in the protocol text. */
    private RankingMetrics.Cold lastCold;

    private double[] cold(Trained t, Split split) {
        lastCold = RankingMetrics.coldItems(t.recommender(), split, monitor);
        monitor.log(String.format(Locale.ROOT, "cold items: AUC %.4f, NDCG@10 %.4f (%d users, %d cold items)", lastCold.auc(),
                lastCold.ndcg(), lastCold.users(), lastCold.coldItems()));
        return new double[] {lastCold.auc(), lastCold.ndcg(), t.seconds()};
    }

    private Split coldSplit(InteractionTable ratings, long seed) throws Exception {
        ItemColdStartSplit kind = new ItemColdStartSplit();
        return NodeRunner.run(kind, new ItemColdStartSplit.Settings(COLD_SHARE, 0, seed), new HeadlessContext(ItemColdStartSplit.ID,
                monitor, null), PortData.of(PortTypes.INTERACTIONS, ratings)).get(0).as(Split.class);
    }

    private static boolean[] warm(Split split) {
        int[] counts = split.train().itemCounts();
        boolean[] w = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            w[i] = counts[i] > 0;
        }
        return w;
    }

    /** The embedding rows in the order of {@code items}; items without a vector get zeros. */
    static float[] aligned(Embeddings e, org.recblend.domain.IdIndex items) {
        float[] out = new float[items.size() * e.dim()];
        for (int i = 0; i < items.size(); i++) {
            int k = e.ids().indexOf(items.id(i));
            if (k >= 0 && e.present(k)) {
                System.arraycopy(e.row(k), 0, out, i * e.dim(), e.dim());
            }
        }
        return out;
    }

    /** The item table's sources as the fuse node sees them by default (year in quantile bins, genres), normalised. */
    static List<FeatureBlock> metadataBlocks(ItemTable table, org.recblend.domain.IdIndex items) {
        List<FeatureBlock> blocks = new ArrayList<>();
        for (FeatureBlock b : FuseFeatures.itemTableBlocks(table, FuseFeatures.Settings.DEFAULT_BINS)) {
            blocks.add(FuseFeatures.normalised(b));
        }
        return new FeatureSet(FeatureSet.Side.ITEM, table.items(), blocks).alignedTo(items).blocks();
    }

    private static FeatureBlock textBlock(Embeddings e, org.recblend.domain.IdIndex items) {
        float[] x = aligned(e, items);
        List<String> columns = new ArrayList<>();
        for (int c = 0; c < e.dim(); c++) {
            columns.add(String.valueOf(c));
        }
        return FuseFeatures.normalised(new FeatureBlock(e.source(), columns, new FloatMatrix(items.size(), e.dim(), x)));
    }

    private static List<FeatureBlock> concat(FeatureBlock first, List<FeatureBlock> more) {
        List<FeatureBlock> out = new ArrayList<>();
        out.add(first);
        out.addAll(more);
        return out;
    }

    /** The ridge baseline on the blocks side by side, scored on the cold items. */
    private double[] ridge(Trained bpr, Split split, boolean[] warm, List<FeatureBlock> blocks) {
        int n = blocks.get(0).values().rows();
        int p = blocks.stream().mapToInt(b -> b.values().cols()).sum();
        float[] x = new float[n * p];
        int at = 0;
        for (FeatureBlock b : blocks) {
            int w = b.values().cols();
            for (int i = 0; i < n; i++) {
                System.arraycopy(b.values().data(), i * w, x, i * p + at, w);
            }
            at += w;
        }
        return cold(new Trained(ColdRidgeBaseline.of(bpr.recommender(), x, p, warm, RIDGE), bpr.seconds()), split);
    }

    /** The item table with one numeric attribute and nothing else (no categories, no texts). */
    static ItemTable onlyAttribute(ItemTable items, String name) {
        List<ItemInfo> infos = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            AttributeValue v = items.info(i).attributes().get(name);
            infos.add(v == null ? ItemInfo.EMPTY : new ItemInfo(List.of(), Map.of(), Map.of(name, v)));
        }
        return new ItemTable(items.items(), infos);
    }

    // ---------------------------------------------------------------- Amazon Scientific

    /** Part 2: Amazon Scientific, its own leave-one-out split, BPR against the Hybrid with item text. */
    String amazon(Path folder, java.util.function.Supplier<String> machine) throws Exception {
        String title = "## Fusion ablation: Amazon Scientific (item text)\n\n";
        if (!Files.isDirectory(folder)) {
            return title + skipped(folder, "amazon-scientific-unisrec", "Scientific.train.inter, .valid.inter, .test.inter, .text");
        }
        long t0 = System.nanoTime();
        Rows rows = new Rows(2);
        Split split;
        try (BenchProject project = BenchProject.importFolder("recbole-atomic", folder, monitor)) {
            StoredDataset data = project.all();
            InteractionTable train = project.sources(source(data, ".train.inter")).interactions(monitor);
            InteractionTable valid = project.sources(source(data, ".valid.inter")).interactions(monitor);
            InteractionTable test = project.sources(source(data, ".test.inter")).interactions(monitor);
            split = new Split(train, valid, test);
            ItemTable items = data.items(monitor);
            Map<Encoder, Embeddings> texts = encodeAll(project.store(), items, AMAZON_TEMPLATE);
            for (int s = 0; s < options.seeds(); s++) {
                long seed = FIRST_SEED + s;
                Trained bprModel = bpr(split, seed);
                rows.add("BPR", full(bprModel, split));
                for (Encoder e : options.encoders()) {
                    rows.add("Hybrid, " + e.label + " item text", full(hybrid(split, seed, texts.get(e), null, project.store()), split));
                    rows.add("Hybrid, " + e.label + " item text, users also by the text of their items",
                            full(hybrid(split, seed, texts.get(e), null, project.store(), true), split));
                }
            }
        }
        double minutes = (System.nanoTime() - t0) / 60e9;
        StringBuilder b = new StringBuilder(title);
        b.append(String.format(Locale.ROOT, "Protocol: Amazon Review Data 2018 \"Industrial & Scientific\" as prepared for"
                + " UniSRec (preset `recbole-atomic`), its own leave-one-out split: the target items of"
                + " `Scientific.train.inter` train (%,d rows), `.valid.inter` is validation (%,d), `.test.inter` test (%,d); the first item of"
                + " each user's sequence appears only as history in these files, so it is no training row;"
                + " full ranking of all %,d items minus each user's training items, the test item relevant; NDCG@10 and"
                + " Recall@10 as in `recblend bench models`. Model seeds %s (the split is fixed); mean ± sd. Models: node"
                + " defaults%s. Item text `%s` (title, category path and brand), encoded as in the cold-start part and fed"
                + " to `train.hybrid` through `fuse.features`. Written by `recblend bench fusion` in %.1f min.%n%n",
                split.train().size(), split.validation().size(), split.test().size(), split.train().items().size(), seedList(),
                epochNote(), AMAZON_TEMPLATE, minutes));
        b.append(machine.get()).append("\n\n");
        b.append("| Model | NDCG@10 | Recall@10 | training s (mean) |\n|---|---:|---:|---:|\n");
        for (Row r : rows.rows()) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1f |%n", r.name(), meanSd(r, 0), meanSd(r, 1), r.trainSeconds()));
        }
        b.append('\n').append(gainOver(rows, "BPR", 0, "NDCG@10"));
        b.append(verdicts(rows, 0, "NDCG@10", "Recall@10"));
        return b.toString();
    }

    private double[] full(Trained t, Split split) {
        EvaluationResult r = Evaluator.evaluate(t.recommender(), split, EvalOptions.defaults().withKs(RankingMetrics.K), monitor);
        double ndcg = r.value(MetricNames.NDCG, RankingMetrics.K);
        double recall = r.value(MetricNames.RECALL, RankingMetrics.K);
        monitor.log(String.format(Locale.ROOT, "NDCG@10 %.4f, Recall@10 %.4f", ndcg, recall));
        return new double[] {ndcg, recall, t.seconds()};
    }

    private static String source(StoredDataset data, String suffix) {
        return data.sources().stream().map(SourceInfo::name).filter(n -> n.endsWith(suffix)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The Amazon folder has no *" + suffix + " file (sources: "
                        + data.sources().stream().map(SourceInfo::name).toList() + ")"));
    }

    // ---------------------------------------------------------------- Last.fm

    /** Part 3: Last.fm, a seeded half of the users keeps 5 training listens; BPR against BPR with social shrinkage. */
    String lastfm(Path folder, java.util.function.Supplier<String> machine) throws Exception {
        String title = "## Fusion ablation: Last.fm sparse users (friend graph)\n\n";
        if (!Files.isDirectory(folder)) {
            return title + skipped(folder, "hetrec2011-lastfm-2k", "user_artists.dat, artists.dat, user_friends.dat");
        }
        long t0 = System.nanoTime();
        Rows rows = new Rows(2);
        int trainRows = 0;
        int testRows = 0;
        try (BenchProject project = BenchProject.importFolder("lastfm-hetrec", folder, monitor)) {
            StoredDataset data = project.all();
            InteractionTable listens = data.interactions(monitor);
            SocialGraph graph = data.social(monitor);
            for (int s = 0; s < options.seeds(); s++) {
                long seed = FIRST_SEED + s;
                SparseSplit sparse = SparseSplit.of(listens, seed);
                trainRows = sparse.split().train().size();
                testRows = sparse.split().test().size();
                Trained bpr = bpr(sparse.split(), seed);
                rows.add("BPR", groups(bpr.recommender(), bpr.seconds(), sparse));
                long s0 = System.nanoTime();
                Recommender social = socialShrink(bpr.recommender(), graph, sparse.split(), seed);
                double seconds = bpr.seconds() + (System.nanoTime() - s0) / 1e9;
                rows.add(String.format(Locale.ROOT, "BPR + social fusion (`encode.social`: user factors shrunk to the friends'"
                        + " mean, share c/(c + n_u), c = %.0f)", SOCIAL_SHRINK), groups(social, seconds, sparse));
                s0 = System.nanoTime();
                Recommender fused = socialScores(bpr, sparse.split(), graph);
                rows.add(SOCIAL_SCORES_ROW, groups(fused, bpr.seconds() + (System.nanoTime() - s0) / 1e9, sparse));
            }
        }
        double minutes = (System.nanoTime() - t0) / 60e9;
        StringBuilder b = new StringBuilder(title);
        b.append(String.format(Locale.ROOT, "Protocol: HetRec 2011 Last.fm (preset `lastfm-hetrec`): per user 20 %% of the"
                + " listened artists at random to test, then a seeded half of the users keeps only %d of its training"
                + " artists (%,d training and %,d test rows with the last seed); NDCG@10 over all artists minus the user's"
                + " training artists, every test artist relevant, averaged separately over the sparse users and the others."
                + " Split seeds %s; mean ± sd. BPR: `train.bpr` defaults%s. Social fusion, two ways: `encode.social` (signal"
                + " EMBEDDINGS, friendships undirected and unweighted, shrink %.0f) applied to BPR's trained user factors"
                + " (item factors and biases are BPR's); and `fuse.social` with its defaults (weight 1, shrink 5,"
                + " friendships undirected), which adds to BPR's score of an artist log(1 + friends who listened to it"
                + " in training) × weight × shrink / (shrink + own training artists) × the spread of the user's scores."
                + " Its defaults were chosen on splits 42 and 43 (weights 0.25–2 tried); splits 44–46 were not looked"
                + " at before this table. Written by `recblend bench fusion` in %.1f min.%n%n",
                SPARSE_KEEP, trainRows, testRows, seedList(), epochNote(), SOCIAL_SHRINK, minutes));
        b.append(machine.get()).append("\n\n");
        b.append("| Model | NDCG@10, sparse users | NDCG@10, other users | training s (mean) |\n|---|---:|---:|---:|\n");
        for (Row r : rows.rows()) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1f |%n", r.name(), meanSd(r, 0), meanSd(r, 1), r.trainSeconds()));
        }
        b.append("| *Reference here (BPR dim 64, 40 epochs, 3 seeds; → shrunk c = 5)* | *0.0865 → 0.0999* | *0.1675 → 0.1707* | |\n\n");
        List<Row> all = rows.rows();
        for (int k = 1; k < all.size(); k++) {
            Row r = all.get(k);
            Row base = all.get(0);
            b.append(String.format(Locale.ROOT, "- %s against BPR: sparse users %+.4f (%+.0f %%), other users %+.4f (%+.0f %%);"
                            + " better for the sparse users on %d of %d splits.%n", k == 1 ? "Factor shrinkage" : "Social score fusion",
                    r.mean(0) - base.mean(0), 100 * (r.mean(0) / base.mean(0) - 1), r.mean(1) - base.mean(1),
                    100 * (r.mean(1) / base.mean(1) - 1), wins(r, base, 0), options.seeds()));
        }
        return b.toString();
    }

    private double[] groups(Recommender r, double seconds, SparseSplit sparse) {
        double[] g = RankingMetrics.ndcgByGroup(r, sparse.split(), sparse.sparse(), monitor);
        monitor.log(String.format(Locale.ROOT, "NDCG@10 sparse users %.4f, others %.4f", g[0], g[1]));
        return new double[] {g[0], g[1], seconds};
    }

    private Recommender socialScores(Trained bpr, Split split, SocialGraph graph) throws Exception {
        SocialScoreFusion kind = new SocialScoreFusion();
        TrainedModel model = new TrainedModel(bpr.recommender(), bpr.recommender().kind(), Map.of(), List.of(), bpr.seconds());
        return NodeRunner.run(kind, kind.defaultSettings(), new HeadlessContext(SocialScoreFusion.ID, monitor, null),
                PortData.of(TrainPorts.TRAINED_MODEL, model), PortData.of(PortTypes.SPLIT, split),
                PortData.of(PortTypes.SOCIAL_GRAPH, graph)).get(0).as(TrainedModel.class).recommender();
    }

    private Recommender socialShrink(Recommender bpr, SocialGraph graph, Split split, long seed) throws Exception {
        if (!(bpr instanceof DeepRecommender deep) || !deep.weights().containsKey("user") || !deep.weights().containsKey("item")) {
            throw new IllegalStateException("BPR's trained model exposes no user and item factors");
        }
        Map<String, FloatMatrix> w = deep.weights();
        FloatMatrix user = w.get("user");
        boolean[] present = new boolean[user.rows()];
        int[] counts = split.train().userCounts();
        for (int u = 0; u < present.length; u++) {
            present[u] = u < counts.length && counts[u] > 0;
        }
        Embeddings factors = new Embeddings("bpr-users", Embeddings.Side.USER, bpr.users(), user.cols(), user.data().clone(), present);
        EncodeSocial kind = new EncodeSocial();
        EncodeSocial.Settings s = new EncodeSocial.Settings(SocialEncoder.Signal.EMBEDDINGS, SocialAdjacency.Direction.BOTH, false,
                1, 0, 32, UserProfiles.Weighting.LOG, false, seed, SOCIAL_SHRINK);
        Embeddings shrunk = NodeRunner.run(kind, s, new HeadlessContext("encode.social", monitor, null),
                PortData.of(PortTypes.SOCIAL_GRAPH, graph), PortData.of(PortTypes.EMBEDDINGS, factors), null,
                PortData.of(PortTypes.SPLIT, split)).get(0).as(Embeddings.class);
        float[] values = new float[user.rows() * user.cols()];
        for (int u = 0; u < user.rows(); u++) {
            int g = shrunk.ids().indexOf(bpr.users().id(u));
            if (g >= 0 && shrunk.present(g)) {
                System.arraycopy(shrunk.row(g), 0, values, u * user.cols(), user.cols());
            } else {
                System.arraycopy(user.data(), u * user.cols(), values, u * user.cols(), user.cols());
            }
        }
        FloatMatrix userBias = w.get("userBias");
        FloatMatrix itemBias = w.get("itemBias");
        return new FactorRecommender("bpr-social", bpr.users(), bpr.items(), new FloatMatrix(user.rows(), user.cols(), values),
                w.get("item"), userBias == null ? null : userBias.data(), itemBias == null ? null : itemBias.data(), 0);
    }

    /**
     * Per user 20 % of the rows at random to test; then a seeded half of the users keeps only
     * {@value #SPARSE_KEEP} of its training rows (as the social benchmark of the encode nodes).
     */
    record SparseSplit(Split split, boolean[] sparse) {
        static SparseSplit of(InteractionTable all, long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            int users = all.users().size();
            int[] order = new int[users];
            for (int u = 0; u < users; u++) {
                order[u] = u;
            }
            shuffle(order, r);
            boolean[] sparse = new boolean[users];
            for (int k = 0; k < users / 2; k++) {
                sparse[order[k]] = true;
            }
            int[][] byUser = all.rowsByUser();
            int[] train = new int[all.size()];
            int[] test = new int[all.size()];
            int nTrain = 0;
            int nTest = 0;
            for (int u = 0; u < users; u++) {
                int[] rows = byUser[u].clone();
                shuffle(rows, r);
                int n = rows.length;
                int held = (int) Math.round(n * 0.2);
                if (n - held < 1) {
                    held = Math.max(0, n - 1);
                }
                for (int k = 0; k < n; k++) {
                    if (k < held) {
                        test[nTest++] = rows[k];
                    } else if (!sparse[u] || k - held < SPARSE_KEEP) {
                        train[nTrain++] = rows[k];
                    }
                }
            }
            Split split = new Split(all.select(Arrays.copyOf(train, nTrain)), InteractionTable.empty(all.users(), all.items()),
                    all.select(Arrays.copyOf(test, nTest)));
            return new SparseSplit(split, sparse);
        }

        private static void shuffle(int[] a, SplittableRandom r) {
            for (int i = a.length - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = a[i];
                a[i] = a[j];
                a[j] = t;
            }
        }
    }

    // ---------------------------------------------------------------- models

    /** A trained model and its training seconds. */
    record Trained(Recommender recommender, double seconds) {
    }

    private Trained bpr(Split split, long seed) throws Exception {
        monitor.checkCancelled();
        BprTrain kind = new BprTrain();
        return train(kind, NodeRunner.defaults(kind, seed, options.epochs()), split, Map.of());
    }

    /** The Hybrid fed by the fuse node with one text source and, optionally, an item table (release year). */
    private Trained hybrid(Split split, long seed, Embeddings text, ItemTable attributes, ProjectStore store) throws Exception {
        return hybrid(split, seed, text, attributes, store, false);
    }

    private Trained hybrid(Split split, long seed, Embeddings text, ItemTable attributes, ProjectStore store, boolean profiles)
            throws Exception {
        monitor.checkCancelled();
        FuseFeatures fuse = new FuseFeatures();
        List<PortData> fused = NodeRunner.run(fuse, fuse.defaultSettings(), new HeadlessContext(FuseFeatures.ID, monitor, store),
                PortData.of(PortTypes.EMBEDDINGS, text), null, null, null, null,
                attributes == null ? null : PortData.of(PortTypes.ITEM_TABLE, attributes));
        HybridTrain kind = new HybridTrain();
        HybridTrain.Settings settings = NodeRunner.defaults(kind, seed, options.epochs());
        if (profiles) {
            settings = NodeRunner.withComponent(settings, "userProfile", true);
        }
        return train(kind, settings, split, Map.of("item features", fused.get(0)));
    }

    private <S extends NodeSettings> Trained train(NodeKind<S> kind, S settings, Split split, Map<String, PortData> byPort)
            throws Exception {
        List<PortSpec> ports = kind.descriptor().inputs();
        PortData[] inputs = new PortData[ports.size()];
        for (int k = 0; k < ports.size(); k++) {
            inputs[k] = ports.get(k).type().id().equals(PortTypes.SPLIT.id()) ? PortData.of(PortTypes.SPLIT, split)
                    : byPort.get(ports.get(k).name());
        }
        long t0 = System.nanoTime();
        List<PortData> out = NodeRunner.run(kind, settings, new HeadlessContext(kind.descriptor().id(), monitor, null), inputs);
        double wall = (System.nanoTime() - t0) / 1e9;
        for (PortData d : out) {
            if (d.type().id().equals(TrainPorts.TRAINED_MODEL.id())) {
                TrainedModel m = d.as(TrainedModel.class);
                return new Trained(m.recommender(), m.trainSeconds() > 0 ? m.trainSeconds() : wall);
            }
        }
        throw new IllegalStateException(kind.descriptor().id() + " produced no trained model");
    }

    /** Item texts from the template, by every chosen encoder (MiniLM through the project's embedding cache). */
    private Map<Encoder, Embeddings> encodeAll(ProjectStore store, ItemTable items, String template) throws Exception {
        Map<Encoder, Embeddings> out = new LinkedHashMap<>();
        for (Encoder e : options.encoders()) {
            monitor.checkCancelled();
            long t0 = System.nanoTime();
            Embeddings v = switch (e) {
                case minilm -> {
                    MiniLmEncode kind = new MiniLmEncode();
                    MiniLmEncode.Settings d = kind.defaultSettings();
                    MiniLmEncode.Settings s = new MiniLmEncode.Settings(Embeddings.Side.ITEM, template, d.maxTexts(), d.batchSize(),
                            d.quantized());
                    yield NodeRunner.run(kind, s, new HeadlessContext(MiniLmEncode.ID, monitor, store),
                            PortData.of(PortTypes.ITEM_TABLE, items), null, null).get(0).as(Embeddings.class);
                }
                case tfidf -> {
                    TfIdfEncode kind = new TfIdfEncode();
                    TfIdfEncode.Settings d = kind.defaultSettings();
                    TfIdfEncode.Settings s = new TfIdfEncode.Settings(Embeddings.Side.ITEM, template, d.maxTexts(), d.batchSize(),
                            d.dim(), d.seed(), d.stopWords());
                    yield NodeRunner.run(kind, s, new HeadlessContext(TfIdfEncode.ID, monitor, store),
                            PortData.of(PortTypes.ITEM_TABLE, items), null, null).get(0).as(Embeddings.class);
                }
            };
            monitor.log(String.format(Locale.ROOT, "%s: %d of %d items encoded (%d columns) in %.1f s", v.source(), v.presentCount(),
                    v.size(), v.dim(), (System.nanoTime() - t0) / 1e9));
            out.put(e, v);
        }
        return out;
    }

    // ---------------------------------------------------------------- table text

    /** Rows in first-seen order, each collecting one value per seed of every measure. */
    private static final class Rows {
        private final int measures;
        private final Map<String, List<double[]>> values = new LinkedHashMap<>();

        Rows(int measures) {
            this.measures = measures;
        }

        void add(String name, double[] perMeasureAndSeconds) {
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(perMeasureAndSeconds);
        }

        List<Row> rows() {
            List<Row> out = new ArrayList<>();
            for (Map.Entry<String, List<double[]>> e : values.entrySet()) {
                List<double[]> per = new ArrayList<>();
                for (int m = 0; m < measures; m++) {
                    int mm = m;
                    per.add(e.getValue().stream().mapToDouble(v -> v[mm]).toArray());
                }
                double seconds = e.getValue().stream().mapToDouble(v -> v[measures]).average().orElse(Double.NaN);
                out.add(new Row(e.getKey(), per, seconds));
            }
            return out;
        }

        Map<String, Row> byName() {
            Map<String, Row> m = new HashMap<>();
            rows().forEach(r -> m.put(r.name(), r));
            return m;
        }
    }

    private static String meanSd(Row r, int measure) {
        double sd = r.sd(measure);
        return Double.isNaN(sd) ? String.format(Locale.ROOT, "%.3f", r.mean(measure))
                : String.format(Locale.ROOT, "%.3f ± %.3f", r.mean(measure), sd);
    }

    private static int wins(Row a, Row b, int measure) {
        int w = 0;
        for (int k = 0; k < a.values().get(measure).length; k++) {
            w += a.values().get(measure)[k] > b.values().get(measure)[k] ? 1 : 0;
        }
        return w;
    }

    /** For every setting measured with both encoders: is MiniLM better than TF-IDF, on the mean and per seed? */
    private String verdicts(Rows rows, int measure, String name, String otherName) {
        if (!options.encoders().contains(Encoder.minilm) || !options.encoders().contains(Encoder.tfidf)) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        Map<String, Row> by = rows.byName();
        for (Row r : rows.rows()) {
            if (!r.name().contains(Encoder.minilm.label)) {
                continue;
            }
            Row t = by.get(r.name().replace(Encoder.minilm.label, Encoder.tfidf.label));
            if (t == null) {
                continue;
            }
            String setting = r.name().replace(Encoder.minilm.label + " ", "");
            double d = r.mean(measure) - t.mean(measure);
            int w = wins(r, t, measure);
            int n = r.values().get(measure).length;
            String verdict = d > 0 && w == n ? "MiniLM is better than TF-IDF"
                    : d > 0 ? "MiniLM is ahead of TF-IDF on the mean but not on every seed"
                    : "**MiniLM is no better than TF-IDF**";
            b.append(String.format(Locale.ROOT, "- %s: %s (%s %+.3f; better on %d of %d seeds; %s %+.3f).%n", setting,
                    verdict, name, d, w, n, otherName, r.mean(1 - measure) - t.mean(1 - measure)));
        }
        return b.length() == 0 ? "" : "MiniLM against TF-IDF, same splits and seeds:\n\n" + b + "\n";
    }

    private static String gainOver(Rows rows, String base, int measure, String name) {
        Map<String, Row> by = rows.byName();
        Row b = by.get(base);
        StringBuilder out = new StringBuilder();
        for (Row r : rows.rows()) {
            if (b != null && !r.name().equals(base)) {
                out.append(String.format(Locale.ROOT, "- %s against %s: %s %+.4f (%+.0f %%), better on %d of %d seeds.%n", r.name(),
                        base, name, r.mean(measure) - b.mean(measure), 100 * (r.mean(measure) / b.mean(measure) - 1),
                        wins(r, b, measure), r.values().get(measure).length));
            }
        }
        return out.length() == 0 ? "" : out + "\n";
    }

    /** The bar: our Hybrid must reach the reference figures (text only; text + year) in AUC and NDCG@10. */
    private String coldReferenceCheck(Rows rows) {
        Map<String, Row> by = rows.byName();
        Row text = by.get("Hybrid, MiniLM text only");
        StringBuilder b = new StringBuilder();
        check(b, text, "Hybrid, MiniLM text only", 0.654, 0.211);
        check(b, by.get("Hybrid, MiniLM " + WITH_YEAR), "Hybrid, MiniLM " + WITH_YEAR, 0.779, 0.303);
        check(b, by.get("Hybrid, MiniLM " + WITH_META), "Hybrid, MiniLM " + WITH_META + " (against the year reference)", 0.779,
                0.303);
        check(b, by.get("Hybrid, TF-IDF " + WITH_YEAR), "Hybrid, TF-IDF " + WITH_YEAR, 0.777, 0.269);
        check(b, by.get("Ridge map of MiniLM text to BPR factors (baseline)"), "ridge baseline, MiniLM text only", 0.654, 0.211);
        check(b, by.get("Ridge map of MiniLM " + WITH_YEAR + " to BPR factors (baseline)"), "ridge baseline, MiniLM " + WITH_YEAR,
                0.779, 0.303);
        check(b, by.get("Ridge map of TF-IDF " + WITH_YEAR + " to BPR factors (baseline)"), "ridge baseline, TF-IDF " + WITH_YEAR,
                0.777, 0.269);
        return b.length() == 0 ? "" : "Against the reference figures:\n\n" + b;
    }

    private static void check(StringBuilder b, Row r, String what, double auc, double ndcg) {
        if (r == null) {
            return;
        }
        boolean met = r.mean(0) >= auc && r.mean(1) >= ndcg;
        b.append(String.format(Locale.ROOT, "- %s: AUC %.3f (reference %.3f), NDCG@10 %.3f (reference %.3f): %s.%n", what, r.mean(0),
                auc, r.mean(1), ndcg, met ? "reached" : "**not reached**"));
    }

    private String seedList() {
        StringBuilder b = new StringBuilder();
        for (int s = 0; s < options.seeds(); s++) {
            b.append(s == 0 ? "" : ", ").append(FIRST_SEED + s);
        }
        return b.toString();
    }

    private String epochNote() {
        return options.epochs() > 0 ? ", except **" + options.epochs() + " epochs** for `train.bpr` and `train.hybrid` (their"
                + " default is 80)" : "";
    }

    private static String skipped(Path folder, String name, String files) {
        return "Skipped: no folder " + folder.toAbsolutePath() + " (give the folder of " + name + " with " + files
                + "; see ../shared/data/README.md).\n";
    }
}
