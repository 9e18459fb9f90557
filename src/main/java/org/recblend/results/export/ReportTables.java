package org.recblend.results.export;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.recblend.engine.eval.MetricValue;
import org.recblend.results.ReportData;

/**
 * The report's tables as rows of strings, shared by the HTML and the PDF writer so both say the
 * same: the runs (pipeline, status, seed, start, duration) and the metrics (one row per metric and
 * K, one column per evaluated run), with the best value of each row marked.
 */
public final class ReportTables {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A table: header, rows, and per cell whether it is the row's best value. */
    public record Table(List<String> header, List<List<String>> rows, List<List<Boolean>> best) {
    }

    private ReportTables() {
    }

    /** "ndcg@10", "auc". */
    public static String metricLabel(String name, Integer k) {
        // metrics without a cut-off (AUC, user count) are stored with k 0 or none
        return k == null || k <= 0 ? name : name + "@" + k;
    }

    public static Table runs(ReportData data) {
        List<List<String>> rows = new ArrayList<>();
        List<List<Boolean>> best = new ArrayList<>();
        for (ReportData.RunReport r : data.runs()) {
            rows.add(List.of(Integer.toString(r.run().id()), r.run().pipelineName(), r.run().status().name(),
                    r.run().seed() == null ? "" : Long.toString(r.run().seed()), WHEN.format(r.run().startedAt()),
                    r.duration().map(ReportTables::duration).orElse("")));
            best.add(List.of(false, false, false, false, false, false));
        }
        return new Table(List.of("Run", "Pipeline", "Status", "Seed", "Started", "Took"), rows, best);
    }

    static String duration(Duration d) {
        long s = Math.max(0, d.getSeconds());
        return s < 60 ? s + " s" : s / 60 + " min " + s % 60 + " s";
    }

    /** Metrics by name and K, one column per run and evaluate node; error metrics (RMSE, MAE) are best when lowest. */
    public static Table metrics(ReportData data) {
        List<String> header = new ArrayList<>();
        header.add("Metric");
        List<ReportData.Evaluation> columns = new ArrayList<>();
        for (ReportData.RunReport r : data.runs()) {
            for (ReportData.Evaluation ev : r.evaluations()) {
                header.add(r.evaluations().size() == 1 ? r.label() : r.label() + " · " + ev.nodeId());
                columns.add(ev);
            }
        }
        Set<String> keys = new LinkedHashSet<>();
        List<MetricValue> all = new ArrayList<>();
        columns.forEach(c -> all.addAll(c.metrics()));
        all.stream().sorted(Comparator.comparing(MetricValue::name).thenComparing(m -> m.k() == null ? 0 : m.k()))
                .forEach(m -> keys.add(m.name() + "\u0000" + (m.k() == null ? "" : m.k())));
        List<List<String>> rows = new ArrayList<>();
        List<List<Boolean>> best = new ArrayList<>();
        for (String key : keys) {
            String name = key.substring(0, key.indexOf('\u0000'));
            String kText = key.substring(key.indexOf('\u0000') + 1);
            Integer k = kText.isEmpty() ? null : Integer.valueOf(kText);
            List<String> row = new ArrayList<>();
            row.add(metricLabel(name, k));
            Double[] values = new Double[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                values[c] = columns.get(c).value(name, k).orElse(null);
                row.add(values[c] == null ? "" : format(values[c]));
            }
            boolean lowerIsBetter = name.equals("rmse") || name.equals("mae") || name.equals("gini");
            // a count of users is not a quality: nothing to mark
            boolean comparable = !name.equals("users");
            Double top = null;
            for (Double v : values) {
                if (v != null && (top == null || (lowerIsBetter ? v < top : v > top))) {
                    top = v;
                }
            }
            List<Boolean> marks = new ArrayList<>();
            marks.add(false);
            for (Double v : values) {
                marks.add(comparable && columns.size() > 1 && v != null && Objects.equals(v, top));
            }
            rows.add(row);
            best.add(marks);
        }
        return new Table(header, rows, best);
    }

    /** Four significant decimals for rates, fewer for counts. */
    public static String format(double v) {
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /** The paired comparison in one sentence, or empty. */
    public static String comparison(ReportData data) {
        return data.comparison().map(c -> String.format(Locale.ROOT,
                "%s per user, %s against %s over %,d users: mean %.4f vs %.4f; %s scores higher for %.0f%% of users and lower"
                        + " for %.0f%%; Wilcoxon signed-rank p = %.3g%s.",
                c.test().metric(), c.labelB(), c.labelA(), c.test().users(), c.test().meanB(), c.test().meanA(), c.labelB(),
                100 * c.gainShare(), 100 * c.lossShare(), c.test().test().pValue(),
                c.test().test().pValue() < 0.05 ? " (a real difference at the 5% level)" : " (no significant difference at the 5% level)"))
                .orElse("");
    }
}
