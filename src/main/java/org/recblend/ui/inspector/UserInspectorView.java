package org.recblend.ui.inspector;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.recblend.pipeline.OutputCache;
import org.recblend.results.UserInspection;
import org.recblend.results.UserInspectionRuns;
import org.recblend.results.UserInspectionRuns.ModelChoice;
import org.recblend.store.ProjectStore;
import org.recblend.ui.task.PulseSteps;
import org.recblend.ui.task.TaskExecutor;

/**
 * The user inspector: find a user (left), see who they are and what they did (profile, history,
 * held-out items, bottom) and what a model recommends them and why (top), next to a second model's
 * list when one is chosen to compare. A view over {@link UserInspectorViewModel}; it never reads
 * the store itself.
 */
public final class UserInspectorView {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final UserInspectorViewModel vm;
    private final BorderPane root = new BorderPane();
    private final RecommendationPane listA = new RecommendationPane("inspectorList");
    /** The second model's list, made when a comparison is first chosen. */
    private RecommendationPane listB;
    private final SplitPane lists = new SplitPane();
    private final Label userTitle = new Label("Choose a user");
    private final FlowPane attributes = new FlowPane(6, 4);
    private final Label counts = new Label();
    /** The shown list's ranks by item id, so the history marks what was recommended back. */
    private java.util.Map<String, Integer> listRanks = java.util.Map.of();
    private final TableView<UserInspection.HistoryRow> history = historyTable("inspectorHistory", true);
    private final TableView<UserInspection.HistoryRow> heldOut = historyTable("inspectorHeldOut", false);
    private final Tab historyTab = new Tab("History", history);
    private final Tab heldOutTab = new Tab("Held-out items", heldOut);
    private final PulseSteps steps = new PulseSteps();

    public UserInspectorView(UserInspectorViewModel vm) {
        this.vm = vm;
        root.setId("userInspector");
        root.setTop(toolbar());
        root.setLeft(finder());
        root.setCenter(centre());
        root.setBottom(statusBar());
        // a user's profile, history, held-out items and lists reach the screen one per frame (see PulseSteps)
        vm.listProperty().addListener((o, a, b) -> steps.add("lists", this::showLists));
        vm.compareListProperty().addListener((o, a, b) -> steps.add("lists", this::showLists));
        vm.profileProperty().addListener((o, a, p) -> steps.add("profile", () -> showProfile(vm.profileProperty().get())));
        vm.history().addListener((javafx.collections.ListChangeListener<UserInspection.HistoryRow>) c -> steps.add("history", () -> {
            history.getItems().setAll(vm.history());
            historyTab.setText("History (" + vm.history().size() + ")");
        }));
        vm.heldOut().addListener((javafx.collections.ListChangeListener<UserInspection.HistoryRow>) c -> steps.add("heldOut", () -> {
            heldOut.getItems().setAll(vm.heldOut());
            long test = vm.heldOut().stream().filter(r -> r.part().equals(UserInspection.TEST)).count();
            heldOutTab.setText("Held out (" + test + " test · " + (vm.heldOut().size() - test) + " validation)");
        }));
    }

    /**
     * The inspector over a project, loading its runs in the background: the entry point for the
     * workbench (reads outputs through {@code cache}, the open project's runner cache, so models
     * already in memory are not read again).
     */
    public static UserInspectorView open(ProjectStore store, OutputCache cache, TaskExecutor executor) {
        UserInspectorViewModel vm = new UserInspectorViewModel(new UserInspectionRuns(store, cache), executor);
        UserInspectorView view = new UserInspectorView(vm);
        vm.load();
        return view;
    }

    /** As {@link #open(ProjectStore, OutputCache, TaskExecutor)} with a cache of its own. */
    public static UserInspectorView open(ProjectStore store, TaskExecutor executor) {
        return open(store, new OutputCache(store), executor);
    }

    public Parent root() {
        return root;
    }

    public UserInspectorViewModel viewModel() {
        return vm;
    }

    /** Whether the view shows the view model's latest data (its updates are spread over a few frames). */
    public boolean settled() {
        return steps.idle();
    }

    private HBox toolbar() {
        ComboBox<ModelChoice> model = new ComboBox<>(vm.models());
        model.setId("inspectorModel");
        model.setConverter(converter("(no model)"));
        model.setPrefWidth(330);
        // not a bidirectional binding: the view model must see the change to reload the lists
        model.setValue(vm.modelProperty().get());
        vm.modelProperty().addListener((o, a, b) -> model.setValue(b));
        model.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.setModel(b);
            }
        });
        ComboBox<ModelChoice> compare = new ComboBox<>(vm.compareChoices());
        compare.setId("inspectorCompare");
        compare.setConverter(converter("(no comparison)"));
        compare.setPrefWidth(330);
        compare.setValue(UserInspectorViewModel.NO_COMPARISON);
        compare.valueProperty().addListener((o, a, b) -> vm.setCompare(b));
        vm.compareProperty().addListener((o, a, b) -> compare.setValue(b));
        Spinner<Integer> k = new Spinner<>(1, 100, vm.kProperty().get());
        k.setId("inspectorK");
        k.setPrefWidth(75);
        k.setEditable(true);
        k.valueProperty().addListener((o, a, b) -> vm.setK(b));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.loadingProperty());
        HBox bar = new HBox(8, new Label("Model"), model, new Label("Compare with"), compare, new Label("Top"), k, busy);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        return bar;
    }

    private static StringConverter<ModelChoice> converter(String none) {
        return new StringConverter<>() {
            @Override
            public String toString(ModelChoice m) {
                return m == null || m.equals(UserInspectorViewModel.NO_COMPARISON) ? none : m.label();
            }

            @Override
            public ModelChoice fromString(String s) {
                return null;
            }
        };
    }

    private VBox finder() {
        TextField search = new TextField();
        search.setId("inspectorSearch");
        search.setPromptText("id, value, or region=North");
        search.setOnAction(e -> vm.search(search.getText()));
        Button find = new Button("Find");
        find.setId("inspectorFind");
        find.setOnAction(e -> vm.search(search.getText()));
        HBox.setHgrow(search, Priority.ALWAYS);
        ListView<UserInspection.UserMatch> users = new ListView<>(vm.matches());
        users.setId("inspectorUsers");
        users.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(UserInspection.UserMatch m, boolean empty) {
                super.updateItem(m, empty);
                setText(empty || m == null ? null : "User " + m.id() + "  ·  " + m.interactions() + " interactions\n" + m.summary());
            }
        });
        users.getSelectionModel().selectedItemProperty().addListener((o, a, m) -> {
            if (m != null && !m.id().equals(vm.userProperty().get())) {
                vm.showUser(m.id());
            }
        });
        VBox.setVgrow(users, Priority.ALWAYS);
        Label hint = new Label("Find a user by id or by a profile value; name=value pairs separated by commas must all match.");
        hint.setWrapText(true);
        hint.setStyle("-fx-text-fill: #666; -fx-font-size: 11px;");
        VBox box = new VBox(6, new HBox(4, search, find), hint, users);
        box.setPadding(new Insets(0, 4, 8, 8));
        box.setPrefWidth(275);
        return box;
    }

    private VBox centre() {
        userTitle.setId("inspectorUser");
        userTitle.setStyle("-fx-font-size: 18px; -fx-font-weight: bold;");
        counts.setId("inspectorCounts");
        counts.setStyle("-fx-text-fill: #555;");
        attributes.setId("inspectorAttributes");
        HBox header = new HBox(14, userTitle, attributes);
        header.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(attributes, Priority.ALWAYS);
        VBox profile = new VBox(2, header, counts);
        profile.setPadding(new Insets(4, 8, 4, 8));
        lists.getItems().add(listA.root());
        TabPane tabs = new TabPane(historyTab, heldOutTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane split = new SplitPane(lists, tabs);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        VBox.setVgrow(split, Priority.ALWAYS);
        return new VBox(profile, split);
    }

    private HBox statusBar() {
        Label status = new Label();
        status.setId("inspectorStatus");
        status.textProperty().bind(vm.statusProperty());
        HBox bar = new HBox(status);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.setStyle("-fx-border-color: #ddd transparent transparent transparent;");
        return bar;
    }

    private void showProfile(UserInspection.Profile p) {
        attributes.getChildren().clear();
        if (p == null) {
            userTitle.setText(vm.userProperty().get() == null ? "Choose a user" : "No user " + vm.userProperty().get());
            counts.setText("");
            return;
        }
        userTitle.setText("User " + p.id());
        p.attributes().forEach((name, value) -> {
            Label chip = new Label(name + ": " + value);
            chip.setStyle("-fx-background-color: #eef2f7; -fx-background-radius: 10; -fx-padding: 2 8 2 8;");
            attributes.getChildren().add(chip);
        });
        counts.setText(count(p.interactions(), "interaction") + " · " + count(p.friends(), "friend") + " · "
                + count(p.reviews(), "review"));
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private void showLists() {
        UserInspection.TopList a = vm.listProperty().get();
        UserInspection.TopList b = vm.compareListProperty().get();
        boolean both = b != null;
        listRanks = UserInspectorViewModel.ranks(a);
        history.refresh();
        heldOut.refresh();
        listA.show(a, b, both);
        if (both && listB == null) {
            listB = new RecommendationPane("inspectorCompareList");
        }
        if (listB != null) {
            listB.show(b, a, both);
        }
        if (both && !lists.getItems().contains(listB.root())) {
            lists.getItems().add(listB.root());
            lists.setDividerPositions(0.5);
        } else if (!both && listB != null) {
            lists.getItems().remove(listB.root());
        }
    }

    private TableView<UserInspection.HistoryRow> historyTable(String id, boolean withPart) {
        TableView<UserInspection.HistoryRow> t = new TableView<>();
        t.setId(id);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        // one line per row: a fixed height spares the JavaFX thread measuring every cell of a long history
        t.setFixedCellSize(24);
        t.setPlaceholder(new Label(withPart ? "No interactions" : "No held-out items: the model saw all of this user's rows"));
        t.getColumns().add(column("Item", 260, r -> r.title()));
        t.getColumns().add(column("Id", 60, r -> r.itemId()));
        t.getColumns().add(column("Category", 140, r -> r.category()));
        t.getColumns().add(column("Rating", 60, r -> Double.isNaN(r.rating()) ? "" : String.format(Locale.ROOT, "%.0f", r.rating())));
        t.getColumns().add(column("Date", 90, r -> r.time() == null ? "" : DAY.format(Instant.ofEpochSecond(r.time()))));
        t.getColumns().add(column("Context", 160, r -> r.context() == null ? "" : r.context().replaceAll("[{}\"]", "").replace(",", ", ")));
        t.getColumns().add(column("Part", 110, r -> {
            Integer rank = listRanks.get(r.itemId());
            return r.part().equals(UserInspection.TEST) && rank != null ? "test · hit #" + rank : r.part();
        }));
        t.setRowFactory(v -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(UserInspection.HistoryRow r, boolean empty) {
                super.updateItem(r, empty);
                boolean test = !empty && r != null && r.part().equals(UserInspection.TEST);
                setStyle(!test ? "" : listRanks.containsKey(r.itemId()) ? "-fx-background-color: #dff3e1;" : "-fx-background-color: #fff6dd;");
            }
        });
        return t;
    }

    private static TableColumn<UserInspection.HistoryRow, String> column(String name, double width,
                                                                        java.util.function.Function<UserInspection.HistoryRow, String> f) {
        TableColumn<UserInspection.HistoryRow, String> c = new TableColumn<>(name);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
