package org.recblend.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.recblend.domain.Split;
import org.recblend.engine.train.HoldoutMetrics;
import org.recblend.nodes.TestContext;
import org.recblend.nodes.train.BprTrain;
import org.recblend.pipeline.PortData;
import org.recblend.pipeline.PortTypes;
import org.recblend.task.TaskMonitor;

/**
 * The acceptance figure: BPR with the node's default settings on MovieLens 100K (75/25 per-user
 * random split, seed 42; top-10 over all items minus training items) reaches the published NDCG@10
 * 0.442 and P@10 0.388 within our thresholds. Costs one BPR training of 80 epochs (about a minute
 * on an idle 2-core machine) plus loading the data; skipped when ML-100K is absent.
 */
class Ml100kBprTest {
    @Test
    void bprReachesThePublishedFigures() throws Exception {
        Split split = Ml100k.split();
        BprTrain kind = new BprTrain();
        BprTrain.Settings s = kind.defaultSettings();
        s.validate();
        TestContext ctx = new TestContext();
        TrainedModel model = kind.execute(s, List.of(PortData.of(PortTypes.SPLIT, split)), ctx).get(0).as(TrainedModel.class);
        HoldoutMetrics.Ranking r = HoldoutMetrics.ranking(model.recommender(), split.train(), split.test(), 10, TaskMonitor.none());
        System.out.printf("ML-100K BPR: NDCG@10 %.4f, P@10 %.4f, R@10 %.4f, %d epochs in %.1f s%n",
                r.ndcg(), r.precision(), r.recall(), model.curve().size(), model.trainSeconds());
        assertThat(r.users()).isEqualTo(943);
        assertThat(r.ndcg()).as("NDCG@10").isGreaterThanOrEqualTo(0.44);
        assertThat(r.precision()).as("P@10").isGreaterThanOrEqualTo(0.38);
        assertThat(model.curve()).hasSize(s.epochs());
        assertThat(ctx.log).anyMatch(l -> l.startsWith("epoch 80: loss"));
    }
}
