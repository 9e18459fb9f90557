package org.recblend.engine;

import java.util.ArrayList;
import java.util.List;
import org.recblend.domain.Split;
import org.recblend.engine.train.HoldoutMetrics;
import org.recblend.nodes.TestContext;
import org.recblend.nodes.train.HybridTrain;
import org.recblend.nodes.train.NeuMfTrain;
import org.recblend.pipeline.PortData;
import org.recblend.pipeline.PortTypes;
import org.recblend.task.TaskMonitor;

/**
 * Prints NeuMF's and Hybrid's (with genres and release year) figures on ML-100K with the nodes'
 * default settings, on the acceptance protocol. Not a test (minutes of training); a main to run by hand.
 */
public final class Ml100kDeepModels {
    private Ml100kDeepModels() {
    }

    public static void main(String[] args) throws Exception {
        Split split = Ml100k.split();
        String which = args.length > 0 ? args[0] : "both";
        if (!which.equals("hybrid")) {
            NeuMfTrain n = new NeuMfTrain();
            report(n.execute(n.defaultSettings(), List.of(PortData.of(PortTypes.SPLIT, split)), new TestContext()).get(0).as(TrainedModel.class), split);
        }
        if (!which.equals("neumf")) {
            HybridTrain h = new HybridTrain();
            List<PortData> in = new ArrayList<>();
            in.add(PortData.of(PortTypes.SPLIT, split));
            in.add(PortData.of(PortTypes.ITEM_TABLE, Ml100k.items()));
            in.add(null);
            in.add(null);
            HybridTrain.Settings d = h.defaultSettings();
            double drop = Double.parseDouble(System.getProperty("idDropout", String.valueOf(d.idDropout())));
            d = new HybridTrain.Settings(d.dim(), d.epochs(), d.batchSize(), d.learningRate(), d.regularisation(), drop,
                    d.featureRate(), d.sampler(), d.seed(), d.patience(), d.objective());
            report(h.execute(d, in, new TestContext()).get(0).as(TrainedModel.class), split);
        }
    }

    private static void report(TrainedModel m, Split split) {
        HoldoutMetrics.Ranking r = HoldoutMetrics.ranking(m.recommender(), split.train(), split.test(), 10, TaskMonitor.none());
        System.out.printf("%s: NDCG@10 %.4f P@10 %.4f R@10 %.4f, %d epochs, %.1f s%n", m.kind(), r.ndcg(), r.precision(), r.recall(),
                m.curve().size(), m.trainSeconds());
    }
}
