package org.recblend.engine.eval;

import java.util.Locale;
import org.recblend.domain.Split;
import org.recblend.engine.Recommender;
import org.recblend.engine.classic.EaseRecommender;
import org.recblend.engine.classic.ItemKnnRecommender;
import org.recblend.engine.classic.PopularityRecommender;
import org.recblend.task.TaskMonitor;
import org.recblend.testutil.Ml100k;

/**
 * Prints how long a full evaluation of all ML-100K users takes (K = 1, 5, 10, 20, every metric and
 * segment), five rounds per model, the first one cold. A benchmark run by hand, not a test:
 * {@code java -cp ... org.recblend.engine.eval.EvaluatorBenchmark}.
 */
public final class EvaluatorBenchmark {
    public static void main(String[] args) throws Exception {
        Split split = Ml100k.split(42);
        Recommender[] models = {
            PopularityRecommender.train(split.train(), PopularityRecommender.Measure.USERS),
            ItemKnnRecommender.train(split.train(), 100, 10, 2, TaskMonitor.none()),
            EaseRecommender.train(split.train(), 500, TaskMonitor.none())};
        for (Recommender m : models) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-10s", m.kind()));
            for (int round = 0; round < 5; round++) {
                EvaluationResult r = Evaluator.evaluate(m, split, EvalOptions.defaults());
                line.append(String.format(Locale.ROOT, " %.3f s", r.seconds()));
            }
            System.out.println(line);
        }
    }
}
