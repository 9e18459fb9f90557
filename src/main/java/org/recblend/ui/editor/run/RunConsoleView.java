package org.recblend.ui.editor.run;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;
import org.recblend.pipeline.NodeState;

/**
 * The run console under the canvas: the live learning curve (loss and validation metric per
 * epoch), the run log, and the selected node's error and log.
 */
public final class RunConsoleView {
    static final String NO_CURVE = "Learning curve: run a training node to see its loss per epoch";

    private final RunConsoleViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TrainingCurveChart chart = new TrainingCurveChart(NO_CURVE);
    private final ListView<String> runLog = new ListView<>();
    private final ListView<String> nodeLog = new ListView<>();
    private final Label nodeError = new Label();
    private final TabPane logs = new TabPane();

    public RunConsoleView(RunConsoleViewModel vm) {
        this.vm = vm;
        build();
        vm.curve().addListener((ListChangeListener<MetricPoint>) c -> {
            List<MetricPoint> added = new ArrayList<>();
            boolean restart = false;
            while (c.next()) {
                restart |= c.wasRemoved();
                added.addAll(c.getAddedSubList());
            }
            if (restart) {
                redraw();
            } else {
                chart.add(added);
            }
        });
        vm.curveNodeProperty().addListener((obs, old, id) -> redraw());
        vm.selectedStatusProperty().addListener((obs, old, status) -> showNode(status));
        showNode(vm.selectedStatusProperty().get());
        redraw();
    }

    public Node root() {
        return root;
    }

    public RunConsoleViewModel viewModel() {
        return vm;
    }

    /** Adds a tab beside the logs (the node's output preview), first and selected. */
    public void addTab(String id, String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        logs.getTabs().add(0, tab);
        logs.getSelectionModel().select(tab);
    }

    public TrainingCurveChart chart() {
        return chart;
    }

    private void build() {
        root.setId("runConsole");
        Label status = new Label();
        status.setId("runStatus");
        status.textProperty().bind(Bindings.when(vm.statusTextProperty().isEmpty())
                .then("Not run in this session: ▶ Run All runs every node, Run to Selected what one node needs")
                .otherwise(vm.statusTextProperty()));
        Label latest = new Label();
        latest.setId("runLatest");
        latest.textProperty().bind(vm.latestProperty());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox top = new HBox(12, status, spring, latest);
        top.setPadding(new Insets(4, 8, 4, 8));
        top.getStyleClass().add("run-console-header");
        root.setTop(top);

        ChartViewer viewer = new ChartViewer(chart.chart());
        viewer.setId("learningCurve");
        viewer.setMinSize(200, 120);

        runLog.setId("runLog");
        runLog.setItems(vm.runLog());
        runLog.setPlaceholder(new Label("The log of the runs of this session appears here"));
        vm.runLog().addListener((ListChangeListener<String>) c -> runLog.scrollTo(vm.runLog().size() - 1));
        nodeLog.setId("nodeLog");
        nodeLog.setPlaceholder(new Label("Select a node to see its log"));
        nodeError.setId("nodeError");
        nodeError.setWrapText(true);
        nodeError.getStyleClass().add("node-error");
        nodeError.managedProperty().bind(nodeError.visibleProperty());
        VBox.setVgrow(nodeLog, Priority.ALWAYS);
        VBox nodePane = new VBox(4, nodeError, nodeLog);
        nodePane.setPadding(new Insets(4));
        Tab runTab = new Tab("Run Log", runLog);
        Tab nodeTab = new Tab("Node Log", nodePane);
        logs.getTabs().setAll(runTab, nodeTab);
        logs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        logs.setId("consoleTabs");

        SplitPane split = new SplitPane(viewer, logs);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.55);
        root.setCenter(split);
    }

    private void redraw() {
        String node = vm.curveNodeProperty().get();
        chart.chart().setTitle(node == null ? NO_CURVE : "Learning curve of " + node);
        chart.setPoints(vm.curve());
    }

    private void showNode(NodeStatus status) {
        nodeError.textProperty().unbind();
        nodeError.visibleProperty().unbind();
        if (status == null) {
            nodeLog.setItems(null);
            nodeError.setVisible(false);
            return;
        }
        nodeLog.setItems(status.log());
        nodeError.textProperty().bind(Bindings.createStringBinding(() -> status.errorProperty().get() == null ? ""
                : (status.state() == NodeState.FAILED ? "Failed: " : "Cannot run: ") + status.errorProperty().get(),
                status.errorProperty(), status.stateProperty()));
        nodeError.visibleProperty().bind(status.errorProperty().isNotNull());
    }
}
