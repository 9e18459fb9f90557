package org.recblend.ui.editor.preview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.recblend.engine.eval.EvaluationResult;
import org.recblend.engine.eval.MetricNames;
import org.recblend.engine.eval.MetricValue;

/**
 * An evaluation as a metric-by-segment grid: the overall value first, then each user-activity
 * segment beside it, so "does it help users with few interactions?" is read along a row.
 */
final class MetricPreviews {
    private MetricPreviews() {
    }

    static PortPreview.Metrics of(EvaluationResult result) {
        List<String> segments = new ArrayList<>(List.of(MetricNames.ALL));
        Map<String, Map<String, Double>> byLabel = new LinkedHashMap<>();
        Map<String, MetricValue> firstOf = new LinkedHashMap<>();
        for (MetricValue m : result.metrics()) {
            if (!segments.contains(m.segment())) {
                segments.add(m.segment());
            }
            firstOf.putIfAbsent(m.label(), m);
            byLabel.computeIfAbsent(m.label(), l -> new LinkedHashMap<>()).put(m.segment(), m.value());
        }
        List<PortPreview.MetricRow> rows = new ArrayList<>();
        firstOf.forEach((label, m) -> rows.add(new PortPreview.MetricRow(m.name(), m.k(), byLabel.get(label))));
        String summary = Cells.count(result.evaluatedUsers(), "user") + " evaluated in " + Cells.seconds(result.seconds());
        return new PortPreview.Metrics(summary, segments, rows);
    }
}
