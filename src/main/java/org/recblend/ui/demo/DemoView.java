package org.recblend.ui.demo;

import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.recblend.results.DemoNewItem;
import org.recblend.results.DemoRun;
import org.recblend.store.ProjectStore;
import org.recblend.ui.task.PulseSteps;
import org.recblend.ui.task.TaskExecutor;

/**
 * The stakeholder demo: large type, few controls. Left, a customer (typed, or "Surprise me") and
 * the chosen run's list for them, each recommendation with the purchase it resembles most and a
 * bar of how much. Right, a box to describe a product that does not exist yet; while typing, the
 * catalogue items it resembles and the customers most likely to want it appear.
 */
public final class DemoView extends BorderPane {
    private final DemoViewModel vm;
    private final VBox recommendations = new VBox(2);
    private final VBox similar = new VBox(2);
    private final VBox buyers = new VBox(2);
    private final Label customerName = new Label();
    private final Label customerLine = new Label();
    private final Label recent = new Label();
    private final Button fullScreen = new Button("Full screen");
    private final javafx.scene.layout.FlowPane sources = new javafx.scene.layout.FlowPane(14, 4);
    private final PulseSteps steps = new PulseSteps();

    public DemoView(DemoViewModel vm) {
        this.vm = vm;
        getStyleClass().add("demo");
        getStylesheets().add(DemoView.class.getResource("/org/recblend/ui/demo/demo.css").toExternalForm());
        setTop(header());
        HBox panels = new HBox(18, customerPanel(), newItemPanel());
        panels.setPadding(new Insets(18));
        HBox.setHgrow(panels.getChildren().get(0), Priority.ALWAYS);
        HBox.setHgrow(panels.getChildren().get(1), Priority.ALWAYS);
        setCenter(panels);
        // a customer's cards and the model's sources reach the screen in separate frames (see PulseSteps)
        vm.customerProperty().addListener((obs, old, now) -> steps.add("customer", () -> showCustomer(vm.customerProperty().get())));
        vm.newItemAnswerProperty().addListener((obs, old, now) -> showAnswer(now));
    }

    /**
     * The demo as a node for a tab of the main window; starts reading the project's runs. Its
     * "Full screen" button opens the demo in a window of its own, full screen.
     */
    public static DemoView open(ProjectStore store, TaskExecutor executor) {
        DemoViewModel vm = new DemoViewModel(store, executor, Debouncer.of(Debouncer.DEFAULT_MILLIS, Platform::runLater));
        DemoView view = new DemoView(vm);
        view.fullScreen.setOnAction(e -> show(store, executor, view.getScene() == null ? null : view.getScene().getWindow()));
        vm.refreshRuns();
        return view;
    }

    /** The demo in a window of its own, full screen (Esc leaves full screen, F11 toggles it). */
    public static Stage show(ProjectStore store, TaskExecutor executor, Window owner) {
        DemoViewModel vm = new DemoViewModel(store, executor, Debouncer.of(Debouncer.DEFAULT_MILLIS, Platform::runLater));
        DemoView view = new DemoView(vm);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("RecBlend demo");
        stage.setScene(new Scene(view, 1280, 800));
        view.fullScreen.setOnAction(e -> stage.setFullScreen(!stage.isFullScreen()));
        stage.getScene().setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.F11) {
                stage.setFullScreen(!stage.isFullScreen());
            }
        });
        stage.setFullScreenExitKeyCombination(KeyCombination.keyCombination("Esc"));
        stage.setOnHidden(e -> vm.dispose());
        vm.refreshRuns();
        stage.show();
        stage.setFullScreen(true);
        return stage;
    }

    public DemoViewModel viewModel() {
        return vm;
    }

    /** Whether the view shows the view model's latest customer and run (its updates are spread over a few frames). */
    public boolean settled() {
        return steps.idle();
    }

    private Node header() {
        Label title = new Label("What would they like?");
        title.getStyleClass().add("demo-title");
        ComboBox<org.recblend.results.DemoRunChoice> runs = new ComboBox<>(vm.runs());
        runs.setId("demoRun");
        runs.valueProperty().bindBidirectional(vm.selectedRunProperty());
        runs.setPromptText("Choose a run");
        Label model = new Label("Model:");
        Label status = new Label();
        status.getStyleClass().add("demo-status");
        status.setId("demoStatus");
        status.textProperty().bind(vm.statusProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(28, 28);
        busy.visibleProperty().bind(vm.loadingProperty());
        fullScreen.setId("demoFullScreen");
        VBox titles = new VBox(2, title, status);
        // the status line gives way first: the controls on the right keep their whole labels
        titles.setMinWidth(0);
        for (javafx.scene.layout.Region r : new javafx.scene.layout.Region[] {model, runs, fullScreen}) {
            r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(titles, DemoBars.grow(), busy, model, runs, fullScreen);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("demo-header");
        return bar;
    }

    private Node customerPanel() {
        Label title = new Label("For a customer");
        title.getStyleClass().add("demo-panel-title");
        TextField id = new TextField();
        id.setId("demoCustomer");
        id.setPromptText("Customer id");
        id.setPrefColumnCount(9);
        id.textProperty().bindBidirectional(vm.customerQueryProperty());
        id.setOnAction(e -> vm.showTypedCustomer());
        Button show = new Button("Show");
        show.setId("demoShow");
        show.setDefaultButton(false);
        show.setOnAction(e -> vm.showTypedCustomer());
        Button surprise = new Button("Surprise me");
        surprise.setId("demoSurprise");
        surprise.setOnAction(e -> vm.showRandomCustomer());
        HBox ask = new HBox(10, id, show, surprise);
        ask.setAlignment(Pos.CENTER_LEFT);
        ask.disableProperty().bind(vm.runProperty().isNull());
        customerName.getStyleClass().add("demo-customer");
        customerName.setId("demoCustomerName");
        customerLine.getStyleClass().add("demo-muted");
        recent.getStyleClass().add("demo-muted");
        recent.setWrapText(true);
        recent.setMinHeight(Region.USE_PREF_SIZE);
        Label message = new Label();
        message.getStyleClass().add("demo-message");
        message.textProperty().bind(vm.customerMessageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        Label section = new Label("RECOMMENDED FOR THEM, AND WHY");
        section.getStyleClass().add("demo-section");
        sources.setId("demoSources");
        sources.setAlignment(Pos.CENTER_LEFT);
        sources.setPrefWrapLength(560);
        sources.managedProperty().bind(sources.visibleProperty());
        vm.runProperty().addListener((obs, old, now) -> steps.add("sources", () -> showSources(vm.runProperty().get())));
        recommendations.setId("demoRecommendations");
        ScrollPane scroll = new ScrollPane(recommendations);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox panel = new VBox(title, ask, message, new VBox(2, customerName, customerLine, recent), section, sources, scroll);
        panel.getStyleClass().add("demo-panel");
        panel.setPrefWidth(640);
        return panel;
    }

    private Node newItemPanel() {
        Label title = new Label("A new product");
        title.getStyleClass().add("demo-panel-title");
        TextArea text = new TextArea();
        text.setId("demoNewItem");
        text.setPromptText("Describe a product that is not in the shop yet, e.g. \"a light waterproof jacket for hill walking\"");
        text.setWrapText(true);
        text.setPrefRowCount(3);
        text.textProperty().bindBidirectional(vm.newItemTextProperty());
        text.disableProperty().bind(vm.newItemAvailableProperty().not());
        Label message = new Label();
        message.setId("demoNewItemMessage");
        message.getStyleClass().add("demo-muted");
        message.setWrapText(true);
        message.textProperty().bind(vm.newItemMessageProperty());
        Label resembles = new Label("IT RESEMBLES");
        resembles.getStyleClass().add("demo-section");
        similar.setId("demoSimilar");
        Label likely = new Label("MOST LIKELY BUYERS");
        likely.getStyleClass().add("demo-section");
        buyers.setId("demoBuyers");
        VBox content = new VBox(6, resembles, similar, likely, buyers);
        // before the first answer the panel explains itself instead of showing two empty headings
        Label hint = new Label("Type a few words about a product: the products it resembles and the customers most"
                + " likely to buy it appear here as you type.");
        hint.getStyleClass().add("demo-muted");
        hint.setWrapText(true);
        hint.setId("demoNewItemHint");
        content.visibleProperty().bind(vm.newItemAnswerProperty().isNotNull());
        content.managedProperty().bind(content.visibleProperty());
        hint.visibleProperty().bind(vm.newItemAnswerProperty().isNull());
        hint.managedProperty().bind(hint.visibleProperty());
        content = new VBox(6, hint, content);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox panel = new VBox(title, text, message, scroll);
        panel.getStyleClass().add("demo-panel");
        panel.setPrefWidth(560);
        return panel;
    }

    /** One line of small bars: what the run's model draws on for a product (hybrid models only). */
    private void showSources(DemoRun run) {
        sources.getChildren().clear();
        sources.setVisible(run != null && !run.sources().isEmpty());
        if (run == null || run.sources().isEmpty()) {
            return;
        }
        Label lead = new Label("The model weighs:");
        lead.getStyleClass().add("demo-muted");
        lead.setMinWidth(Region.USE_PREF_SIZE);
        sources.getChildren().add(lead);
        for (DemoRun.SourceShare share : run.sources().subList(0, Math.min(3, run.sources().size()))) {
            HBox bar = DemoBars.bar(share.share(), "demo-bar-fill-source", 40);
            Label name = new Label(share.label());
            name.getStyleClass().add("demo-muted");
            name.setMinWidth(Region.USE_PREF_SIZE);
            HBox one = new HBox(4, bar, name);
            one.setAlignment(Pos.CENTER_LEFT);
            one.setUserData(share);
            sources.getChildren().add(one);
        }
    }

    private void showCustomer(DemoRun.User u) {
        recommendations.getChildren().clear();
        if (u == null) {
            customerName.setText("");
            customerLine.setText("");
            recent.setText("");
            return;
        }
        customerName.setText("Customer " + u.id());
        customerLine.setText((u.description().isBlank() ? "" : u.description() + " · ") + u.purchases()
                + (u.purchases() == 1 ? " purchase" : " purchases"));
        recent.setText(u.recent().isEmpty() ? "No purchases yet" : "Recently bought: "
                + String.join(" · ", u.recent().stream().map(DemoRun.Item::label).toList()));
        for (DemoRun.Recommendation r : u.recommendations()) {
            recommendations.getChildren().add(recommendationRow(r));
        }
    }

    private Node recommendationRow(DemoRun.Recommendation r) {
        Label rank = new Label(Integer.toString(r.rank()));
        rank.getStyleClass().add("demo-rank");
        Label name = new Label(r.item().label());
        name.getStyleClass().add("demo-item-title");
        Label categories = new Label(r.item().categories());
        categories.getStyleClass().add("demo-muted");
        VBox text = new VBox(2, name, categories);
        if (r.because() != null) {
            Label why = new Label("like their " + r.because().label());
            why.getStyleClass().add("demo-muted");
            why.setWrapText(true);
            why.setMinHeight(Region.USE_PREF_SIZE);
            HBox reason = new HBox(10, DemoBars.bar(r.becauseSimilarity(), "demo-bar-fill"), why);
            reason.setAlignment(Pos.CENTER_LEFT);
            text.getChildren().add(reason);
        }
        HBox row = new HBox(14, rank, text);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("demo-row");
        row.setUserData(r);
        return row;
    }

    private void showAnswer(DemoNewItem.Answer a) {
        similar.getChildren().clear();
        buyers.getChildren().clear();
        if (a == null) {
            return;
        }
        for (DemoNewItem.Similar s : a.items()) {
            Label name = new Label(s.item().label());
            name.getStyleClass().add("demo-item-title");
            name.setStyle("-fx-font-size: 17px;");
            Label cats = new Label(s.item().categories());
            cats.getStyleClass().add("demo-muted");
            HBox line = new HBox(10, DemoBars.bar(s.similarity(), "demo-bar-fill"), cats);
            line.setAlignment(Pos.CENTER_LEFT);
            VBox row = new VBox(2, name, line);
            row.getStyleClass().add("demo-row");
            row.setUserData(s);
            similar.getChildren().add(row);
        }
        for (DemoNewItem.Buyer b : a.buyers()) {
            Label who = new Label("Customer " + b.userId() + (b.description().isBlank() ? "" : " · " + b.description()));
            who.setStyle("-fx-font-size: 17px; -fx-font-weight: bold;");
            Label bought = new Label(b.closest() == null ? "" : "bought " + b.closest().label());
            bought.getStyleClass().add("demo-muted");
            HBox line = new HBox(10, DemoBars.bar(b.similarity(), "demo-bar-fill-buyer"), bought);
            line.setAlignment(Pos.CENTER_LEFT);
            VBox row = new VBox(2, who, line);
            row.getStyleClass().add("demo-row");
            row.setUserData(b);
            buyers.getChildren().add(row);
        }
    }

    /** The rows now shown for the customer, for tests. */
    List<Node> recommendationRows() {
        return List.copyOf(recommendations.getChildren());
    }

    List<Node> similarRows() {
        return List.copyOf(similar.getChildren());
    }

    List<Node> buyerRows() {
        return List.copyOf(buyers.getChildren());
    }
}
