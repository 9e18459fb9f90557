package org.recblend.ui.inspector.items;

import java.util.Locale;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.recblend.pipeline.OutputCache;
import org.recblend.results.ItemMapData;
import org.recblend.results.UserInspectionRuns;
import org.recblend.store.ProjectStore;
import org.recblend.ui.task.TaskExecutor;

/**
 * The item explorer: a 2-D map of a run's item vectors coloured by category (centre), a search
 * that rings the matching items, and for a clicked item its description and nearest neighbours
 * (right), which are also marked on the map. A view over {@link ItemExplorerViewModel}.
 */
public final class ItemExplorerView {
    private final ItemExplorerViewModel vm;
    private final BorderPane root = new BorderPane();
    private final ItemMapChart chart = new ItemMapChart();
    private final ChartViewer viewer = new ChartViewer(chart.chart());
    private final Label itemTitle = new Label("Click an item on the map");
    private final Label itemDetails = new Label();
    private final TableView<ItemMapData.Neighbour> neighbours = new TableView<>();

    /** The item under the pointer of a chart mouse event, if one lies within a few pixels. */
    private ItemMapData.Point pointAt(ChartMouseEventFX e) {
        if (e.getEntity() instanceof XYItemEntity item && item.getDataset() == chart.chart().getXYPlot().getDataset(1)) {
            ItemMapData.Point p = chart.point(item.getSeriesIndex(), item.getItem());
            if (p != null) {
                return p;
            }
        }
        var info = viewer.getCanvas().getRenderingInfo();
        return info == null ? null : chart.at(e.getTrigger().getX(), e.getTrigger().getY(), info.getPlotInfo().getDataArea(), 5);
    }

    public ItemExplorerView(ItemExplorerViewModel vm) {
        this.vm = vm;
        root.setId("itemExplorer");
        root.setTop(toolbar());
        viewer.setId("itemMap");
        viewer.setUserData(chart);
        // the groups' dots carry no chart entities (see ItemMapChart): hover and click find the nearest item
        viewer.getCanvas().setTooltipEnabled(false);
        Tooltip tip = new Tooltip();
        tip.setShowDelay(javafx.util.Duration.millis(200));
        viewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX e) {
                ItemMapData.Point p = pointAt(e);
                if (p != null) {
                    vm.select(p);
                }
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX e) {
                ItemMapData.Point p = pointAt(e);
                if (p == null) {
                    Tooltip.uninstall(viewer.getCanvas(), tip);
                } else {
                    tip.setText(ItemMapChart.tooltip(p));
                    Tooltip.install(viewer.getCanvas(), tip);
                }
            }
        });
        root.setCenter(viewer);
        root.setRight(details());
        Label status = new Label();
        status.setId("itemStatus");
        status.textProperty().bind(vm.statusProperty());
        HBox bar = new HBox(status);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.setStyle("-fx-border-color: #ddd transparent transparent transparent;");
        root.setBottom(bar);
        vm.mapProperty().addListener((o, a, b) -> redraw());
        vm.matches().addListener((ListChangeListener<ItemMapData.Point>) c -> redraw());
        vm.neighbours().addListener((ListChangeListener<ItemMapData.Neighbour>) c -> {
            neighbours.getItems().setAll(vm.neighbours());
            redraw();
        });
        vm.selectedProperty().addListener((o, a, p) -> {
            showItem(p);
            redraw();
        });
    }

    /** The explorer over a project, loading its runs in the background (entry point for the workbench). */
    public static ItemExplorerView open(ProjectStore store, OutputCache cache, TaskExecutor executor) {
        ItemExplorerViewModel vm = new ItemExplorerViewModel(new UserInspectionRuns(store, cache), executor);
        ItemExplorerView view = new ItemExplorerView(vm);
        vm.load();
        return view;
    }

    /** As {@link #open(ProjectStore, OutputCache, TaskExecutor)} with a cache of its own. */
    public static ItemExplorerView open(ProjectStore store, TaskExecutor executor) {
        return open(store, new OutputCache(store), executor);
    }

    public Parent root() {
        return root;
    }

    public ItemExplorerViewModel viewModel() {
        return vm;
    }

    ItemMapChart chart() {
        return chart;
    }

    private HBox toolbar() {
        ComboBox<ItemMapData.VectorChoice> vectors = new ComboBox<>(vm.choices());
        vectors.setId("itemVectors");
        vectors.setPrefWidth(480);
        vm.choiceProperty().addListener((o, a, b) -> vectors.setValue(b));
        vectors.valueProperty().addListener((o, a, b) -> vm.show(b));
        TextField search = new TextField();
        search.setId("itemSearch");
        search.setPromptText("Search title, id or category");
        search.setPrefWidth(260);
        search.setOnAction(e -> vm.search(search.getText()));
        search.textProperty().addListener((o, a, b) -> vm.search(b));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.loadingProperty());
        HBox bar = new HBox(8, new Label("Item vectors"), vectors, new Label("Find"), search, busy);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        return bar;
    }

    private VBox details() {
        itemTitle.setId("itemTitle");
        itemTitle.setWrapText(true);
        itemTitle.setStyle("-fx-font-size: 15px; -fx-font-weight: bold;");
        itemDetails.setId("itemDetails");
        itemDetails.setWrapText(true);
        itemDetails.setStyle("-fx-text-fill: #444;");
        itemDetails.setMaxHeight(110);
        neighbours.setId("itemNeighbours");
        neighbours.setPlaceholder(new Label("The nearest items show here"));
        neighbours.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        TableColumn<ItemMapData.Neighbour, String> item = new TableColumn<>("Nearest items");
        item.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().title()));
        item.setPrefWidth(220);
        TableColumn<ItemMapData.Neighbour, String> cat = new TableColumn<>("Category");
        cat.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().category()));
        cat.setPrefWidth(90);
        TableColumn<ItemMapData.Neighbour, String> cos = new TableColumn<>("Cosine");
        cos.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.format(Locale.ROOT, "%.3f", c.getValue().cosine())));
        cos.setStyle("-fx-alignment: CENTER-RIGHT;");
        cos.setPrefWidth(55);
        neighbours.getColumns().add(item);
        neighbours.getColumns().add(cat);
        neighbours.getColumns().add(cos);
        neighbours.getSelectionModel().selectedItemProperty().addListener((o, a, n) -> {
            if (n != null && vm.mapProperty().get() != null) {
                vm.mapProperty().get().point(n.id()).ifPresent(vm::select);
            }
        });
        VBox.setVgrow(neighbours, Priority.ALWAYS);
        VBox box = new VBox(6, itemTitle, itemDetails, neighbours);
        box.setPadding(new Insets(4, 8, 8, 4));
        box.setPrefWidth(400);
        box.setMinWidth(320);
        return box;
    }

    private void showItem(ItemMapData.Point p) {
        if (p == null) {
            itemTitle.setText("Click an item on the map");
            itemDetails.setText("");
            neighbours.getItems().clear();
            return;
        }
        itemTitle.setText(p.title());
        String text = vm.mapProperty().get() == null ? "" : vm.mapProperty().get().catalogue().item(p.id()).text();
        itemDetails.setText("Item " + p.id() + " · " + String.join(", ", vm.mapProperty().get().catalogue().item(p.id()).categories())
                + (text.isEmpty() ? "" : "\n" + text));
    }

    private void redraw() {
        chart.show(vm.mapProperty().get(), vm.matches(), vm.selectedProperty().get(), vm.neighbours());
    }
}
