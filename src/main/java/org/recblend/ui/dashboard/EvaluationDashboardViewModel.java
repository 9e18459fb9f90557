package org.recblend.ui.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.recblend.engine.eval.MetricNames;
import org.recblend.engine.eval.MetricValue;
import org.recblend.results.EvaluationRuns;
import org.recblend.results.EvaluationRuns.Fusion;
import org.recblend.results.EvaluationRuns.Paired;
import org.recblend.ui.task.TaskExecutor;

/**
 * State of the evaluation dashboard: the stored evaluations with their figures and K curves, which
 * are chosen for the table and charts, the metric the bar charts show, a paired comparison and the
 * runs' fusion ablations. Everything is read in one background task when the dashboard opens; the
 * per-user values a comparison needs are read and reduced in the background too, so the JavaFX
 * thread only receives figures, never per-user rows. Used from the JavaFX thread only.
 */
public final class EvaluationDashboardViewModel {
    /** The segments of the per-segment view, in display order, with the words a reader understands. */
    public static final Map<String, String> SEGMENTS = segments();

    private static Map<String, String> segments() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(MetricNames.ALL, "all users");
        m.put(MetricNames.USERS_LT5, "sparse users (< 5 interactions)");
        m.put(MetricNames.USERS_5_20, "users with 5–20");
        m.put(MetricNames.USERS_GT20, "dense users (> 20)");
        m.put(MetricNames.COLD_ITEMS, "cold items only");
        return m;
    }

    private record Loaded(List<EvaluationData> evaluations, List<Fusion> fusion) {
    }

    private final EvaluationRuns runs;
    private final TaskExecutor executor;
    private final ObservableList<EvaluationData> evaluations = FXCollections.observableArrayList();
    private final ObservableList<EvaluationData> chosen = FXCollections.observableArrayList();
    private final ObservableList<String> metricLabels = FXCollections.observableArrayList();
    private final ObservableList<Fusion> fusion = FXCollections.observableArrayList();
    private final Set<EvaluationData> chosenSet = new LinkedHashSet<>();
    private final ObjectProperty<String> barMetric = new SimpleObjectProperty<>("");
    private final ObjectProperty<String> segmentMetric = new SimpleObjectProperty<>("");
    private final ReadOnlyObjectWrapper<Paired> paired = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper compareMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper comparing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private List<Fusion> allFusion = List.of();

    public EvaluationDashboardViewModel(EvaluationRuns runs, TaskExecutor executor) {
        this.runs = runs;
        this.executor = executor;
    }

    /** Reads every evaluation's figures and curves and every hybrid run's fusion figures; chooses them all. */
    public void load() {
        loading.set(true);
        message.set("Reading the evaluations…");
        executor.execute(() -> {
            List<EvaluationData> data = new ArrayList<>();
            Set<Integer> runIds = new LinkedHashSet<>();
            for (EvaluationRuns.Evaluation e : runs.list()) {
                data.add(new EvaluationData(e, runs.metrics(e), runs.curve(e, MetricNames.NDCG), runs.curve(e, MetricNames.RECALL)));
                runIds.add(e.runId());
            }
            List<Fusion> f = new ArrayList<>();
            for (int id : runIds) {
                f.addAll(runs.fusion(id));
            }
            return new Loaded(data, f);
        }, this::loaded, t -> {
            loading.set(false);
            message.set("Could not read the evaluations: " + t.getMessage());
        });
    }

    private void loaded(Loaded l) {
        loading.set(false);
        evaluations.setAll(l.evaluations());
        allFusion = l.fusion();
        chosenSet.clear();
        chosenSet.addAll(l.evaluations());
        metricLabels.setAll(labels(l.evaluations()));
        if (!metricNames().contains(barMetric.get())) {
            barMetric.set(metricNames().contains(MetricNames.NDCG) ? MetricNames.NDCG : metricNames().isEmpty() ? "" : metricNames().get(0));
        }
        if (!metricLabels.contains(segmentMetric.get())) {
            segmentMetric.set(preferred(metricLabels));
        }
        message.set(l.evaluations().isEmpty()
                ? "No evaluations stored yet: run a pipeline with a Ranking evaluation node." : "");
        refreshChosen();
    }

    /** NDCG@10 when there is one (the figure most comparisons quote), else the first. */
    private static String preferred(List<String> labels) {
        return labels.contains("ndcg@10") ? "ndcg@10" : labels.isEmpty() ? "" : labels.get(0);
    }

    /** The labels of segment "all", ranking metrics first by K, the rest after, "users" last. */
    private static List<String> labels(List<EvaluationData> data) {
        Set<String> ranking = new java.util.TreeSet<>(java.util.Comparator
                .comparing((String s) -> order(s.substring(0, s.indexOf('@'))))
                .thenComparingInt(s -> Integer.parseInt(s.substring(s.indexOf('@') + 1))));
        Set<String> others = new LinkedHashSet<>();
        for (EvaluationData d : data) {
            for (MetricValue m : d.metrics()) {
                if (!m.segment().equals(MetricNames.ALL) || m.name().equals(MetricNames.USERS)) {
                    continue;
                }
                if (m.k() != null && order(m.name()) < 6) {
                    ranking.add(m.label());
                } else {
                    others.add(m.label());
                }
            }
        }
        List<String> out = new ArrayList<>(ranking);
        out.addAll(others);
        return out;
    }

    private static int order(String name) {
        int i = List.of(MetricNames.NDCG, MetricNames.RECALL, MetricNames.PRECISION, MetricNames.MAP, MetricNames.MRR,
                MetricNames.HIT_RATE).indexOf(name);
        return i < 0 ? 6 : i;
    }

    /** Every stored evaluation, newest run first. */
    public ObservableList<EvaluationData> evaluations() {
        return evaluations;
    }

    /** The chosen evaluations, in list order: the table's rows and the charts' series. */
    public ObservableList<EvaluationData> chosen() {
        return chosen;
    }

    /** The figure labels of segment "all" over every evaluation, e.g. "ndcg@10", "auc". */
    public ObservableList<String> metricLabels() {
        return metricLabels;
    }

    /** The fusion figures of the chosen evaluations' runs (hybrid nodes only). */
    public ObservableList<Fusion> fusion() {
        return fusion;
    }

    public boolean isChosen(EvaluationData d) {
        return chosenSet.contains(d);
    }

    public void setChosen(EvaluationData d, boolean on) {
        if (on ? chosenSet.add(d) : chosenSet.remove(d)) {
            refreshChosen();
        }
    }

    private void refreshChosen() {
        List<EvaluationData> now = evaluations.stream().filter(chosenSet::contains).toList();
        Set<Integer> runIds = new LinkedHashSet<>();
        now.forEach(d -> runIds.add(d.evaluation().runId()));
        // fusion first: views redraw everything when the chosen list changes
        fusion.setAll(allFusion.stream().filter(f -> runIds.contains(f.runId())).toList());
        chosen.setAll(now);
    }

    /** The metric names ("ndcg", "auc"…) of the labels, in label order: the bar chart's choices. */
    public List<String> metricNames() {
        List<String> out = new ArrayList<>();
        for (String l : metricLabels) {
            String name = l.contains("@") ? l.substring(0, l.indexOf('@')) : l;
            if (!out.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    /** The labels of one metric name, e.g. "ndcg" → ndcg@5, ndcg@10, ndcg@20; "auc" → auc. */
    public List<String> labelsOf(String name) {
        return metricLabels.stream().filter(l -> l.equals(name) || l.startsWith(name + "@")).toList();
    }

    /** The metric name (all its cut-offs side by side) of the bar chart across runs. */
    public ObjectProperty<String> barMetricProperty() {
        return barMetric;
    }

    /** The metric of the per-segment view. */
    public ObjectProperty<String> segmentMetricProperty() {
        return segmentMetric;
    }

    /** The labels a paired comparison can use: the per-user ones (ranking metrics at a K, and AUC). */
    public List<String> pairedLabels() {
        return metricLabels.stream().filter(l -> l.contains("@") && order(l.substring(0, l.indexOf('@'))) < 6
                || l.equals(MetricNames.AUC)).toList();
    }

    /**
     * Compares evaluation A with B user by user on a metric label ("ndcg@10", "auc") in the
     * background; the result (or why there is none) lands in {@link #pairedProperty()} and
     * {@link #compareMessageProperty()}.
     */
    public void compare(EvaluationData a, EvaluationData b, String label) {
        paired.set(null);
        if (a == null || b == null || label == null || label.isEmpty()) {
            compareMessage.set("Choose two evaluations and a metric.");
            return;
        }
        if (a.equals(b)) {
            compareMessage.set("Choose two different evaluations.");
            return;
        }
        if (!a.evaluation().protocol().perUser() || !b.evaluation().protocol().perUser()) {
            EvaluationData without = a.evaluation().protocol().perUser() ? b : a;
            compareMessage.set(without.label() + " kept no per-user values: tick “Store per-user values” in its evaluation"
                    + " node and run it again.");
            return;
        }
        int at = label.indexOf('@');
        String name = at < 0 ? label : label.substring(0, at);
        int k = at < 0 ? 0 : Integer.parseInt(label.substring(at + 1));
        comparing.set(true);
        compareMessage.set("Comparing…");
        executor.execute(() -> runs.compare(a.evaluation(), b.evaluation(), name, k), p -> {
            comparing.set(false);
            paired.set(p);
            compareMessage.set("");
        }, t -> {
            comparing.set(false);
            compareMessage.set(t.getMessage());
        });
    }

    public ReadOnlyObjectProperty<Paired> pairedProperty() {
        return paired.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty compareMessageProperty() {
        return compareMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty comparingProperty() {
        return comparing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** What the dashboard says when it has nothing to show or a read failed; empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
