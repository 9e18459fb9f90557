package org.recblend.engine.classic;

import org.recblend.domain.Split;
import org.recblend.engine.eval.EvalOptions;
import org.recblend.engine.eval.EvaluationResult;
import org.recblend.engine.eval.Evaluator;
import org.recblend.task.TaskMonitor;
import org.recblend.testutil.Ml100k;

/** Prints EASE's training phases and the evaluation time on ML-100K (run by hand: a benchmark, not a test). */
public final class EaseBenchmark {
    public static void main(String[] args) throws Exception {
        Split split = Ml100k.split(42);
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            String[] last = {""};
            long[] since = {t0};
            TaskMonitor phases = new TaskMonitor() {
                public void progress(double f, String m) {
                    if (!m.equals(last[0])) {
                        long now = System.nanoTime();
                        System.out.printf("  %-22s %.3f s%n", last[0], (now - since[0]) / 1e9);
                        last[0] = m;
                        since[0] = now;
                    }
                }

                public boolean isCancelled() {
                    return false;
                }

                public void log(String m) {
                }
            };
            EaseRecommender ease = EaseRecommender.train(split.train(), 500, phases);
            System.out.printf("EASE train %.3f s%n", (System.nanoTime() - t0) / 1e9);
            EvaluationResult r = Evaluator.evaluate(ease, split, EvalOptions.defaults().withKs(10));
            System.out.printf("evaluate %.3f s ndcg@10 %.4f%n", r.seconds(), r.value("ndcg", 10));
        }
    }
}
