package org.recblend.ui.dashboard;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.jfree.chart.fx.ChartViewer;
import org.recblend.results.EvaluationRuns.Paired;

/**
 * The paired comparison of two evaluations: choose A, B and a per-user metric, compare, and read
 * the users paired, both means, the Wilcoxon signed-rank p-value and the shares of users for whom
 * A is better, the same, or worse, with the shares drawn as one stacked bar.
 */
final class ComparePane {
    private final EvaluationDashboardViewModel vm;
    private final ComboBox<EvaluationData> a = new ComboBox<>();
    private final ComboBox<EvaluationData> b = new ComboBox<>();
    private final ComboBox<String> metric = new ComboBox<>();
    private final Label users = value("pairedUsers");
    private final Label meanA = value("pairedMeanA");
    private final Label meanB = value("pairedMeanB");
    private final Label p = value("pairedP");
    private final Label verdict = value("pairedVerdict");
    private final Label gain = value("pairedGain");
    private final Label tie = value("pairedTie");
    private final Label loss = value("pairedLoss");
    private final Label message = new Label();
    private EvaluationCharts charts;

    ComparePane(EvaluationDashboardViewModel vm) {
        this.vm = vm;
    }

    private static Label value(String id) {
        Label l = new Label("–");
        l.setId(id);
        l.setStyle("-fx-font-size: 14px; -fx-font-weight: bold;");
        return l;
    }

    Node root(ChartViewer viewer) {
        StringConverter<EvaluationData> names = new StringConverter<>() {
            @Override
            public String toString(EvaluationData d) {
                return d == null ? "" : d.label();
            }

            @Override
            public EvaluationData fromString(String s) {
                return null;
            }
        };
        a.setId("compareA");
        b.setId("compareB");
        metric.setId("compareMetric");
        a.setConverter(names);
        b.setConverter(names);
        Button go = new Button("Compare");
        go.setId("compareButton");
        go.setDefaultButton(true);
        go.disableProperty().bind(vm.comparingProperty());
        go.setOnAction(e -> vm.compare(a.getValue(), b.getValue(), metric.getValue()));
        HBox choose = new HBox(8, new Label("A"), a, new Label("against B"), b, new Label("on"), metric, go);
        choose.setAlignment(Pos.CENTER_LEFT);
        GridPane g = EvaluationDashboardView.grid();
        // three pairs a row, the verdict last with room for its sentence: four pairs a row cut the
        // figures to "0.…" beside the evaluation list at 1280 pixels
        String[] titles = {"Users paired", "Mean of A", "Mean of B", "A better for", "Same for", "B better for",
            "Wilcoxon signed-rank p", "Verdict (5 % level)"};
        Label[] values = {users, meanA, meanB, gain, tie, loss, p, verdict};
        for (int i = 0; i < titles.length; i++) {
            Label title = new Label(titles[i]);
            title.setMinWidth(Region.USE_PREF_SIZE);
            values[i].setMinWidth(Region.USE_PREF_SIZE);
            g.add(title, i % 3 * 2, i / 3);
            if (i == titles.length - 1) {
                g.add(values[i], i % 3 * 2 + 1, i / 3, 3, 1);
            } else {
                g.add(values[i], i % 3 * 2 + 1, i / 3);
            }
        }
        message.setId("compareMessage");
        message.setWrapText(true);
        message.setStyle("-fx-text-fill: #A33;");
        message.textProperty().bind(vm.compareMessageProperty());
        VBox top = new VBox(10, choose, g, message);
        top.setPadding(new Insets(10));
        vm.pairedProperty().addListener((obs, was, now) -> show(now));
        BorderPane pane = new BorderPane(viewer);
        pane.setTop(top);
        return pane;
    }

    void attach(EvaluationCharts charts) {
        this.charts = charts;
    }

    /** Fills the choosers from the chosen evaluations, keeping what was chosen when it is still there. */
    void refresh() {
        EvaluationData keepA = a.getValue();
        EvaluationData keepB = b.getValue();
        String keepMetric = metric.getValue();
        a.getItems().setAll(vm.chosen());
        b.getItems().setAll(vm.chosen());
        metric.getItems().setAll(vm.pairedLabels());
        a.setValue(vm.chosen().contains(keepA) ? keepA : vm.chosen().isEmpty() ? null : vm.chosen().get(0));
        b.setValue(vm.chosen().contains(keepB) ? keepB : vm.chosen().size() < 2 ? null : vm.chosen().get(1));
        metric.setValue(metric.getItems().contains(keepMetric) ? keepMetric
                : metric.getItems().contains("ndcg@10") ? "ndcg@10" : metric.getItems().isEmpty() ? null : metric.getItems().get(0));
    }

    ComboBox<EvaluationData> a() {
        return a;
    }

    ComboBox<EvaluationData> b() {
        return b;
    }

    ComboBox<String> metric() {
        return metric;
    }

    private void show(Paired r) {
        if (r == null) {
            for (Label l : new Label[] {users, meanA, meanB, p, verdict, gain, tie, loss}) {
                l.setText("–");
            }
        } else {
            users.setText(String.format(java.util.Locale.ROOT, "%,d", r.users()));
            meanA.setText(EvaluationDashboardView.format(r.meanA()));
            meanB.setText(EvaluationDashboardView.format(r.meanB()));
            p.setText(EvaluationDashboardView.formatP(r.test().pValue()));
            verdict.setText(r.test().pValue() >= 0.05 ? "no significant difference"
                    : (r.test().z() > 0 ? "A" : "B") + " is significantly better");
            gain.setText(EvaluationDashboardView.percent(r.gainShare()));
            tie.setText(EvaluationDashboardView.percent(r.tieShare()));
            loss.setText(EvaluationDashboardView.percent(r.lossShare()));
        }
        if (charts != null) {
            charts.drawPaired(r, a.getValue() == null ? "A" : a.getValue().label(), b.getValue() == null ? "B" : b.getValue().label());
        }
    }
}
