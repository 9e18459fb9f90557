package org.recblend.nodes.fuse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.recblend.domain.Embeddings;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.ItemTable;
import org.recblend.domain.Split;
import org.recblend.engine.TrainedModel;
import org.recblend.engine.feature.FeatureSet;
import org.recblend.engine.model.Fusion;
import org.recblend.ingest.preset.PresetImporter;
import org.recblend.nodes.TestContext;
import org.recblend.nodes.encode.MiniLmEncode;
import org.recblend.nodes.encode.TfIdfEncode;
import org.recblend.nodes.preprocess.ItemColdStartSplit;
import org.recblend.nodes.train.FeaturePorts;
import org.recblend.nodes.train.HybridTrain;
import org.recblend.pipeline.PortData;
import org.recblend.pipeline.PortTypes;
import org.recblend.store.ProjectStore;
import org.recblend.store.StoredDataset;
import org.recblend.task.TaskMonitor;
import org.recblend.testutil.SharedData;

/**
 * The item cold-start acceptance on ML-100K with plots: 20 % of the items held out entirely
 * (preprocess.split.coldstart, seeds 1–5), the Hybrid fed by the fuse node with MiniLM text only,
 * MiniLM text + release year, and TF-IDF + year; AUC and NDCG@10 over the cold items only. Not a
 * test (minutes of training); run by hand:
 * {@code mvn -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.recblend.nodes.fuse.ColdStartFusion}
 * with optional {@code -Dseeds=5 -Depochs=40 -Dmode=GATED -DcoldRidge=1 -Dconfigs=minilm,minilm+year,tfidf+year -Dfull=false}.
 */
public final class ColdStartFusion {
    private ColdStartFusion() {
    }

    public static void main(String[] args) throws Exception {
        int seeds = Integer.getInteger("seeds", 5);
        int epochs = Integer.getInteger("epochs", 40);
        Fusion.Mode mode = Fusion.Mode.valueOf(System.getProperty("mode", "GATED"));
        double ridge = Double.parseDouble(System.getProperty("coldRidge", "1"));
        List<String> configs = List.of(System.getProperty("configs", "minilm,minilm+year,tfidf+year").split(","));
        boolean full = Boolean.getBoolean("full");
        Path dir = Files.createTempDirectory("coldstart");
        try (ProjectStore store = ProjectStore.create(dir.resolve("ml"))) {
            PresetImporter.importFolder(store, "ml-100k-plots", SharedData.dir("ml-100k-plots"), "ml", TaskMonitor.none());
            StoredDataset ds = StoredDataset.open(store, "ml", List.of());
            InteractionTable all = ds.interactions(TaskMonitor.none());
            ItemTable items = ds.items(TaskMonitor.none());
            Map<String, Embeddings> text = new LinkedHashMap<>();
            long t0 = System.nanoTime();
            if (configs.stream().anyMatch(c -> c.startsWith("minilm"))) {
                MiniLmEncode k = new MiniLmEncode();
                MiniLmEncode.Settings d = k.defaultSettings();
                MiniLmEncode.Settings s = new MiniLmEncode.Settings(d.side(), d.template(), d.maxTexts(), d.batchSize(), !full);
                text.put("minilm", k.execute(s, itemInput(items), new TestContext(store)).get(0).as(Embeddings.class));
            }
            if (configs.stream().anyMatch(c -> c.startsWith("tfidf"))) {
                TfIdfEncode k = new TfIdfEncode();
                text.put("tfidf", k.execute(k.defaultSettings(), itemInput(items), new TestContext(store)).get(0).as(Embeddings.class));
            }
            System.out.printf("encoded in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, text.keySet());
            HybridTrain h = new HybridTrain();
            HybridTrain.Settings d = h.defaultSettings();
            for (String config : configs) {
                double[] auc = new double[seeds];
                double[] ndcg = new double[seeds];
                long c0 = System.nanoTime();
                for (int seed = 1; seed <= seeds; seed++) {
                    Split split = (Split) TestContext.run(new ItemColdStartSplit(), new ItemColdStartSplit.Settings(0.2, 0, seed), all);
                    Embeddings e = text.get(config.split("\\+")[0]);
                    List<String> content = config.contains("+year") ? List.of("year") : List.of();
                    FuseFeatures.Settings fs = new FuseFeatures.Settings(mode, Map.of(), true, content);
                    List<PortData> in = new ArrayList<>();
                    in.add(PortData.of(PortTypes.EMBEDDINGS, e));
                    for (int k = 1; k < FuseFeatures.EMBEDDING_PORTS.size(); k++) {
                        in.add(null);
                    }
                    in.add(content.isEmpty() ? null : PortData.of(PortTypes.ITEM_TABLE, items));
                    TestContext ctx = new TestContext();
                    FeatureSet itemSet = new FuseFeatures().execute(fs, in, ctx).get(0).as(FeatureSet.class);
                    HybridTrain.Settings s = new HybridTrain.Settings(d.dim(), epochs, d.batchSize(), d.learningRate(), d.regularisation(),
                            d.idDropout(), d.featureRate(), d.sampler(), seed, 0, d.objective(), ridge, false);
                    List<PortData> hin = new ArrayList<>();
                    hin.add(PortData.of(PortTypes.SPLIT, split));
                    hin.add(null);
                    hin.add(PortData.of(FeaturePorts.FEATURE_SET, itemSet));
                    hin.add(null);
                    TrainedModel m = h.execute(s, hin, ctx).get(0).as(TrainedModel.class);
                    ColdStartMetrics cm = ColdStartMetrics.of(m.recommender(), split);
                    auc[seed - 1] = cm.auc();
                    ndcg[seed - 1] = cm.ndcg();
                    ctx.log.stream().filter(l -> l.startsWith("source ")).forEach(l -> System.out.println("  " + l));
                    System.out.printf("  %s seed %d: cold AUC %.4f NDCG@10 %.4f (%d users, %d cold items, %.0f s)%n", config, seed, cm.auc(),
                            cm.ndcg(), cm.users(), cm.coldItems(), m.trainSeconds());
                }
                System.out.printf("%s [%s, ridge %s, %d epochs]: cold AUC %.4f ± %.4f, NDCG@10 %.4f ± %.4f over %d seeds (%.0f s)%n", config,
                        mode.name().toLowerCase(), ridge, epochs, mean(auc), sd(auc), mean(ndcg), sd(ndcg), seeds,
                        (System.nanoTime() - c0) / 1e9);
            }
        }
    }

    private static List<PortData> itemInput(ItemTable items) {
        List<PortData> in = new ArrayList<>();
        in.add(PortData.of(PortTypes.ITEM_TABLE, items));
        in.add(null);
        in.add(null);
        return in;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double sd(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return v.length < 2 ? 0 : Math.sqrt(s / (v.length - 1));
    }
}
