package org.recblend.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.recblend.domain.Split;
import org.recblend.engine.feature.ItemFeatures;
import org.recblend.engine.model.DeepModel;
import org.recblend.engine.model.HybridTowers;
import org.recblend.engine.model.NeuMF;
import org.recblend.engine.train.HoldoutMetrics;
import org.recblend.engine.train.Objective;
import org.recblend.engine.train.SamplerKind;
import org.recblend.engine.train.TrainingLoop;
import org.recblend.engine.train.TrainingOutcome;
import org.recblend.engine.train.TrainingSettings;
import org.recblend.task.TaskMonitor;

/**
 * Tries NeuMF and Hybrid variants on the ML-100K acceptance protocol, one per argument, e.g.
 * {@code neumf:gmf=64,mlp=32,layers=64-32-16,lr=0.002,reg=0.01,epochs=40} or
 * {@code hybrid:dim=128,drop=0.1,fs=0.1}; with {@code every=N} it prints the test NDCG@10 every N
 * epochs. A main to run by hand, for tuning the nodes' defaults.
 */
public final class DeepTuning {
    private DeepTuning() {
    }

    public static void main(String[] args) throws Exception {
        Split split = Ml100k.split();
        for (String arg : args) {
            String kind = arg.substring(0, arg.indexOf(':') < 0 ? arg.length() : arg.indexOf(':'));
            Map<String, String> o = new HashMap<>();
            if (arg.contains(":")) {
                for (String kv : arg.substring(arg.indexOf(':') + 1).split(",")) {
                    String[] p = kv.split("=");
                    o.put(p[0], p[1]);
                }
            }
            DeepModel model;
            if (kind.equals("neumf")) {
                List<Integer> layers = Arrays.stream(o.getOrDefault("layers", "64-32-16").split("-")).map(Integer::valueOf).toList();
                model = new NeuMF(split.train().users(), split.train().items(), i(o, "gmf", 64), i(o, "mlp", 32), layers, 0);
            } else {
                boolean genres = i(o, "genres", 1) == 1;
                model = new HybridTowers(split.train().users(), split.train().items(), i(o, "dim", 128), null,
                        genres ? ItemFeatures.of(Ml100k.items()).matrixFor(split.train().items()) : null,
                        Models.warm(split.train().userCounts()), Models.warm(split.train().itemCounts()), d(o, "drop", 0.1), 0)
                        .optFeatureScale(d(o, "fs", 1));
            }
            TrainingSettings s = new TrainingSettings(i(o, "epochs", 40), i(o, "batch", 1024), d(o, "lr", 0.005), d(o, "reg", 0.005),
                    SamplerKind.valueOf(o.getOrDefault("sampler", "UNIFORM")), 42, 0, Objective.RANKING, 10);
            int every = i(o, "every", 0);
            TrainingLoop loop = new TrainingLoop(model, s);
            TrainingOutcome out = loop.fit(split.train(), every > 0 ? split.test() : null, TaskMonitor.none());
            HoldoutMetrics.Ranking r = HoldoutMetrics.ranking(out.recommender(), split.train(), split.test(), 10, TaskMonitor.none());
            System.out.printf("%s -> NDCG@10 %.4f P@10 %.4f R@10 %.4f, %d epochs, %.1f s%n", arg, r.ndcg(), r.precision(), r.recall(),
                    out.curve().size(), out.trainSeconds());
            if (every > 0) {
                StringBuilder b = new StringBuilder("  loss/test ndcg (the line above is the best epoch when every > 0):");
                for (EpochRecord e : out.curve()) {
                    if (e.epoch() % every == 0) {
                        b.append(String.format(" %d:%.3f/%.4f", e.epoch(), e.trainLoss(), e.validMetric()));
                    }
                }
                System.out.println(b);
            }
        }
    }

    private static int i(Map<String, String> o, String k, int def) {
        return o.containsKey(k) ? Integer.parseInt(o.get(k)) : def;
    }

    private static double d(Map<String, String> o, String k, double def) {
        return o.containsKey(k) ? Double.parseDouble(o.get(k)) : def;
    }
}
