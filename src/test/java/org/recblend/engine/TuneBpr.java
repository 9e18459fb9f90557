package org.recblend.engine;

import org.recblend.domain.Split;
import org.recblend.engine.model.MatrixFactorization;
import org.recblend.engine.train.HoldoutMetrics;
import org.recblend.engine.train.Objective;
import org.recblend.engine.train.SamplerKind;
import org.recblend.engine.train.TrainingLoop;
import org.recblend.engine.train.TrainingOutcome;
import org.recblend.engine.train.TrainingSettings;
import org.recblend.task.TaskMonitor;

/** Scratch tuning of BPR on ML-100K: args dim epochs batch lr reg. */
public final class TuneBpr {
    public static void main(String[] a) throws Exception {
        Split s = Ml100k.split();
        int dim = Integer.parseInt(a[0]);
        TrainingSettings ts = new TrainingSettings(Integer.parseInt(a[1]), Integer.parseInt(a[2]), Double.parseDouble(a[3]),
                Double.parseDouble(a[4]), SamplerKind.UNIFORM, a.length > 5 ? Long.parseLong(a[5]) : 1, 0, Objective.RANKING, 10);
        MatrixFactorization m = new MatrixFactorization("bpr", s.train().users(), s.train().items(), dim, 0);
        TrainingOutcome o = new TrainingLoop(m, ts).optListener(r -> {
            if (r.epoch() % Integer.getInteger("every", 10) == 0) {
                System.out.printf("epoch %d loss %.4f %.3fs%n", r.epoch(), r.trainLoss(), r.seconds());
            }
        }).fit(s.train(), null, TaskMonitor.none());
        HoldoutMetrics.Ranking r = HoldoutMetrics.ranking(o.recommender(), s.train(), s.test(), 10, TaskMonitor.none());
        System.out.printf("NDCG %.4f P %.4f R %.4f  train %.1fs%n", r.ndcg(), r.precision(), r.recall(), o.trainSeconds());
    }
}
