package org.recblend.ui.editor.preview;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.recblend.engine.EpochRecord;
import org.recblend.engine.TrainedModel;
import org.recblend.ui.editor.run.TrainingCurveChart;

/** A trained model as its stored learning curve (the chart the run console drew live) and its settings. */
final class ModelPreviews {
    private ModelPreviews() {
    }

    static PortPreview.Model of(String nodeId, TrainedModel m) {
        Map<String, String> settings = new TreeMap<>();
        m.settings().forEach((k, v) -> settings.put(k, v == null ? "" : String.valueOf(v)));
        if (m.curve().isEmpty()) {
            String why = "No loss curve: the " + m.kind() + " model is fitted in one pass over the training interactions,"
                    + " not trained epoch by epoch.";
            return new PortPreview.Model(m.kind() + " · fitted in " + Cells.seconds(m.trainSeconds()), m.kind(), settings,
                    m.trainSeconds(), List.of(), Optional.of(why));
        }
        String summary = m.kind() + " · " + Cells.count(m.curve().size(), "epoch") + " in " + Cells.seconds(m.trainSeconds())
                + best(m).map(b -> " · best " + b).orElse("");
        return new PortPreview.Model(summary, m.kind(), settings, m.trainSeconds(), TrainingCurveChart.points(nodeId, m.curve()),
                Optional.empty());
    }

    /** "validation ndcg@10 0.0712 at epoch 3", when a validation metric was measured. */
    private static Optional<String> best(TrainedModel m) {
        EpochRecord best = null;
        for (EpochRecord r : m.curve()) {
            if (r.validMetricName() == null || !Double.isFinite(r.validMetric())) {
                continue;
            }
            // an error (rmse, the rating objective's metric) is best low, a ranking metric high
            boolean lowIsBetter = r.validMetricName().equals("rmse") || r.validMetricName().equals("mae");
            if (best == null || (lowIsBetter ? r.validMetric() < best.validMetric() : r.validMetric() > best.validMetric())) {
                best = r;
            }
        }
        return best == null ? Optional.empty() : Optional.of(String.format(Locale.ROOT, "validation %s %.4f at epoch %d",
                best.validMetricName(), best.validMetric(), best.epoch()));
    }
}
