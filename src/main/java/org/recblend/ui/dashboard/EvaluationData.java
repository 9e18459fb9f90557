package org.recblend.ui.dashboard;

import java.util.List;
import java.util.OptionalDouble;
import org.recblend.engine.eval.MetricNames;
import org.recblend.engine.eval.MetricValue;
import org.recblend.results.EvaluationRuns.Evaluation;

/**
 * One stored evaluation as the dashboard holds it: its figures (a few hundred at most) and its NDCG
 * and recall curves over K (empty arrays when it was stored before curves were kept).
 */
public record EvaluationData(Evaluation evaluation, List<MetricValue> metrics, double[] ndcgCurve, double[] recallCurve) {

    public String label() {
        return evaluation.label();
    }

    /** A figure by label ("ndcg@10", "auc") and segment. */
    public OptionalDouble value(String label, String segment) {
        for (MetricValue m : metrics) {
            if (m.label().equals(label) && m.segment().equals(segment)) {
                return OptionalDouble.of(m.value());
            }
        }
        return OptionalDouble.empty();
    }

    /** A figure of segment "all", NaN when there is none. */
    public double value(String label) {
        return value(label, MetricNames.ALL).orElse(Double.NaN);
    }

    /** Whether K = 1…50 curves were stored. */
    public boolean hasCurves() {
        return ndcgCurve.length > 0;
    }
}
