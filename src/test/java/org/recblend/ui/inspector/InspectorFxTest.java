package org.recblend.ui.inspector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.Split;
import org.recblend.engine.Parallel;
import org.recblend.engine.TrainedModel;
import org.recblend.engine.recommend.BatchRecommender;
import org.recblend.engine.recommend.Recommendations;
import org.recblend.nodes.recommend.RecommendationRepository;
import org.recblend.results.InspectorFixture;
import org.recblend.results.ItemMapData;
import org.recblend.results.UserInspection;
import org.recblend.results.UserInspectionCatalogue;
import org.recblend.results.UserInspectionRuns;
import org.recblend.task.TaskMonitor;
import org.recblend.testutil.Screenshots;
import org.recblend.ui.inspector.items.ItemExplorerView;
import org.recblend.ui.inspector.items.ItemExplorerViewModel;
import org.recblend.ui.inspector.items.ItemMapChart;
import org.recblend.ui.prefs.Theme;
import org.recblend.ui.prefs.ThemeStyles;
import org.recblend.ui.task.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The user inspector and the item explorer opened on a project with two finished runs of the retail
 * sample (a hybrid that stored its lists, a CF baseline that did not), driven as an analyst would:
 * find a user, read their list and hits, compare two models, search and click the item map. The
 * numbers shown are checked against the store and the runs' outputs; screenshots go to
 * target/screenshots/inspector-*.png and items-*.png.
 */
@ExtendWith(ApplicationExtension.class)
class InspectorFxTest {
    static InspectorFixture f;
    static FxTaskExecutor executor = new FxTaskExecutor();
    private Stage stage;

    @BeforeAll
    static void fixture() throws Exception {
        f = InspectorFixture.get();
    }

    @AfterAll
    static void stop() {
        executor.shutdown();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 1280, 800));
        ThemeStyles.apply(stage.getScene(), Theme.LIGHT);
        stage.show();
    }

    private <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }

    /** The inspector on screen: waits also cover its updates, which reach the screen over a few frames. */
    private UserInspectorView current;

    private void await(Callable<Boolean> done) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> done.call() && (current == null || current.settled())).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shoot(FxRobot robot, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(stage.getScene(), name));
    }

    private UserInspectorView openInspector(FxRobot robot) throws Exception {
        UserInspectorView view = fx(() -> {
            UserInspectorView v = UserInspectorView.open(f.store, f.runner.cache(), executor);
            ((StackPane) stage.getScene().getRoot()).getChildren().setAll(v.root());
            return v;
        });
        current = view;
        UserInspectorViewModel vm = view.viewModel();
        await(() -> !vm.loadingProperty().get() && !vm.matches().isEmpty());
        return view;
    }

    /** Types a query into the finder and opens the first user found. */
    private void findAndOpen(FxRobot robot, UserInspectorViewModel vm, String query) throws Exception {
        robot.clickOn("#inspectorSearch").eraseText(30).write(query).clickOn("#inspectorFind");
        await(() -> !vm.matches().isEmpty() && vm.matches().get(0).id().equals(query));
        ListView<?> users = robot.lookup("#inspectorUsers").queryAs(ListView.class);
        robot.clickOn(robot.from(users).lookup(".list-cell").nth(0).queryAs(javafx.scene.Node.class));
        await(() -> query.equals(vm.userProperty().get()) && !vm.loadingProperty().get() && vm.listProperty().get() != null);
    }

    @Test
    void theInspectorShowsAUsersStoredListWithHitsAndWhy(FxRobot robot) throws Exception {
        UserInspectorView view = openInspector(robot);
        UserInspectorViewModel vm = view.viewModel();
        assertThat(vm.modelProperty().get().label()).as("the newest run with stored lists is chosen first")
                .isEqualTo("Run " + f.hybridRun.runId() + " · " + InspectorFixture.HYBRID + " · hybrid");
        String user = f.userWithAHit();
        findAndOpen(robot, vm, user);

        // the list as stored
        StringWriter csv = new StringWriter();
        new RecommendationRepository(f.store).exportCsv(f.hybridRun.runId(), "recommend", csv);
        List<String[]> stored = csv.toString().lines().skip(1).map(l -> l.split(",")).filter(r -> r[0].equals(user)).toList();
        @SuppressWarnings("unchecked")
        TableView<UserInspection.Recommended> table = robot.lookup("#inspectorListTable").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(UserInspection.Recommended::itemId).containsExactlyElementsOf(
                stored.stream().map(r -> r[2]).toList());
        for (int i = 0; i < stored.size(); i++) {
            assertThat(table.getColumns().get(3).getCellData(i)).isEqualTo(String.format(Locale.ROOT, "%.3f", Double.parseDouble(stored.get(i)[3])));
        }
        // the item's tooltip is made on the first hover, for the row under the pointer
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableCell<UserInspection.Recommended, ?> firstItem = robot.from(table).lookup(".table-cell")
                .match(n -> n instanceof javafx.scene.control.TableCell<?, ?> c && c.getIndex() == 0
                        && "Item".equals(c.getTableColumn().getText())).queryAs(javafx.scene.control.TableCell.class);
        assertThat(LazyTooltip.of(firstItem)).isNull();
        robot.moveTo(firstItem);
        assertThat(LazyTooltip.of(firstItem).getText()).startsWith(table.getItems().get(0).itemId() + " · " + table.getItems().get(0).title());
        // hits: the stored list's items among the split's test items of this user
        Split split = f.hybridRun.output(f.hybrid, "split", "split", Split.class);
        Set<String> test = items(split.test(), user);
        Set<String> hits = new HashSet<>(test);
        hits.retainAll(stored.stream().map(r -> r[2]).toList());
        assertThat(table.getItems().stream().filter(UserInspection.Recommended::hit).map(UserInspection.Recommended::itemId))
                .containsExactlyInAnyOrderElementsOf(hits);
        for (int i = 0; i < table.getItems().size(); i++) {
            assertThat(table.getColumns().get(0).getCellData(i).toString().startsWith("✓"))
                    .isEqualTo(hits.contains(table.getItems().get(i).itemId()));
        }
        String subtitle = robot.lookup("#inspectorListSubtitle").queryAs(Label.class).getText();
        assertThat(subtitle).contains("stored top-10").contains(hits.size() + " hit").contains("among " + test.size() + " held-out items");
        assertThat(robot.lookup("#inspectorUser").queryAs(Label.class).getText()).isEqualTo("User " + user);
        @SuppressWarnings("unchecked")
        TableView<UserInspection.HistoryRow> heldOut = robot.lookup("#inspectorHeldOut").queryAs(TableView.class);
        assertThat(heldOut.getItems().stream().filter(r -> r.part().equals(UserInspection.TEST)).map(UserInspection.HistoryRow::itemId))
                .containsExactlyInAnyOrderElementsOf(test);
        for (int i = 0; i < heldOut.getItems().size(); i++) {
            UserInspection.HistoryRow row = heldOut.getItems().get(i);
            int rank = table.getItems().stream().filter(r -> r.itemId().equals(row.itemId())).mapToInt(UserInspection.Recommended::rank)
                    .findFirst().orElse(-1);
            assertThat(heldOut.getColumns().get(6).getCellData(i)).as("a test item recommended back is marked a hit")
                    .isEqualTo(row.part().equals(UserInspection.TEST) && rank > 0 ? "test · hit #" + rank : row.part());
        }
        @SuppressWarnings("unchecked")
        TableView<UserInspection.HistoryRow> history = robot.lookup("#inspectorHistory").queryAs(TableView.class);
        assertThat(history.getItems()).hasSize(f.store.read(c -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM interactions x JOIN users u ON u.id = x.user_id WHERE u.ext_id = ?")) {
                ps.setString(1, user);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        }));
        // every row explains its score: the parts add up to it
        assertThat(table.getItems()).allSatisfy(r -> assertThat(r.contributions().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(r.score(), within(1e-3)));
        shoot(robot, "inspector-user");

        long validation = vm.heldOut().size() - test.size();
        robot.clickOn("Held out (" + test.size() + " test · " + validation + " validation)");
        shoot(robot, "inspector-heldout");
    }

    @Test
    void twoModelsListsAreComparedSideBySide(FxRobot robot) throws Exception {
        UserInspectorView view = openInspector(robot);
        UserInspectorViewModel vm = view.viewModel();
        String user = f.userWithAHit();
        findAndOpen(robot, vm, user);
        UserInspectionRuns.ModelChoice bpr = vm.models().stream().filter(m -> m.runId() == f.cfRun.runId() && m.nodeId().equals("bpr"))
                .findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        ComboBox<UserInspectionRuns.ModelChoice> compare = robot.lookup("#inspectorCompare").queryAs(ComboBox.class);
        robot.interact(() -> compare.setValue(bpr));
        await(() -> vm.compareListProperty().get() != null && !vm.loadingProperty().get());
        TrainedModel m = f.cfRun.output(f.cf, "bpr", "model", TrainedModel.class);
        Split split = f.cfRun.output(f.cf, "split", "split", Split.class);
        Recommendations recs = BatchRecommender.recommend(m.recommender(), split.train(), 10, true, Parallel.defaultThreads(), TaskMonitor.none());
        int u = m.recommender().users().indexOf(user);
        @SuppressWarnings("unchecked")
        TableView<UserInspection.Recommended> b = robot.lookup("#inspectorCompareListTable").queryAs(TableView.class);
        assertThat(b.getItems()).extracting(UserInspection.Recommended::itemId).containsExactlyElementsOf(
                Arrays.stream(recs.itemsOf(u)).mapToObj(i -> m.recommender().items().id(i)).toList());
        assertThat(robot.lookup("#inspectorCompareListSubtitle").queryAs(Label.class).getText()).contains("scored from the run's model");
        // the "Other" column gives each item's rank in the other list
        @SuppressWarnings("unchecked")
        TableView<UserInspection.Recommended> a = robot.lookup("#inspectorListTable").queryAs(TableView.class);
        List<String> bIds = b.getItems().stream().map(UserInspection.Recommended::itemId).toList();
        for (int i = 0; i < a.getItems().size(); i++) {
            int at = bIds.indexOf(a.getItems().get(i).itemId());
            assertThat(a.getColumns().get(6).getCellData(i)).isEqualTo(at < 0 ? "—" : "#" + (at + 1));
        }
        shoot(robot, "inspector-compare");

        // choosing another model in the first chooser reloads the first list
        UserInspectionRuns.ModelChoice itemknn = vm.models().stream().filter(mm -> mm.nodeId().equals("itemknn")).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        ComboBox<UserInspectionRuns.ModelChoice> model = robot.lookup("#inspectorModel").queryAs(ComboBox.class);
        robot.interact(() -> model.setValue(itemknn));
        await(() -> vm.listProperty().get() != null && vm.listProperty().get().choice().equals(itemknn) && !vm.loadingProperty().get());
        assertThat(robot.lookup("#inspectorListTitle").queryAs(Label.class).getText()).isEqualTo(itemknn.label());
        assertThat(a.getItems()).hasSize(10);
    }

    @Test
    void usersAreFoundByAttribute(FxRobot robot) throws Exception {
        UserInspectorView view = openInspector(robot);
        UserInspectorViewModel vm = view.viewModel();
        robot.clickOn("#inspectorSearch").write("region=North, segment=premium").clickOn("#inspectorFind");
        await(() -> vm.statusProperty().get().contains("match"));
        UserInspection inspection = new UserInspection(f.store, UserInspectionCatalogue.load(f.store, "retail"));
        assertThat(vm.matches()).containsExactlyElementsOf(inspection.findUsers("region=North, segment=premium", 200))
                .isNotEmpty().allSatisfy(mm -> assertThat(mm.attributes()).containsEntry("region", "North").containsEntry("segment", "premium"));
        robot.clickOn(robot.from(robot.lookup("#inspectorUsers").queryAs(ListView.class)).lookup(".list-cell").nth(0).queryAs(javafx.scene.Node.class));
        await(() -> vm.listProperty().get() != null && !vm.loadingProperty().get());
        shoot(robot, "inspector-search");

        robot.clickOn("#inspectorSearch").eraseText(40).write("nobody=here").clickOn("#inspectorFind");
        await(() -> vm.statusProperty().get().startsWith("No user matches"));
        assertThat(vm.matches()).isEmpty();
        assertThat(robot.lookup("#inspectorStatus").queryAs(Label.class).getText()).contains("name=value");
    }

    @Test
    void theItemExplorerMapsSearchesAndShowsNeighbours(FxRobot robot) throws Exception {
        ItemExplorerView view = fx(() -> {
            ItemExplorerView v = ItemExplorerView.open(f.store, f.runner.cache(), executor);
            ((StackPane) stage.getScene().getRoot()).getChildren().setAll(v.root());
            return v;
        });
        ItemExplorerViewModel vm = view.viewModel();
        await(() -> vm.mapProperty().get() != null && !vm.loadingProperty().get());
        ItemMapData.ItemMap map = vm.mapProperty().get();
        assertThat(map.choice().label()).isEqualTo("Run " + f.cfRun.runId() + " · " + InspectorFixture.CF + " · bpr item vectors");
        TrainedModel bpr = f.cfRun.output(f.cf, "bpr", "model", TrainedModel.class);
        assertThat(map.points()).hasSize(bpr.recommender().items().size());
        ChartViewer viewer = robot.lookup("#itemMap").queryAs(ChartViewer.class);
        XYPlot plot = viewer.getChart().getXYPlot();
        int drawn = 0;
        for (int s = 0; s < map.groups().size(); s++) {
            drawn += plot.getDataset().getItemCount(s);
        }
        assertThat(drawn).isEqualTo(map.points().size());
        assertThat(robot.lookup("#itemStatus").queryAs(Label.class).getText()).isEqualTo(String.format(Locale.ROOT,
                "%,d items · the two axes keep %.1f %% and %.1f %% of the vectors' variance", map.points().size(),
                100 * map.pca().explained(0), 100 * map.pca().explained(1)));
        shoot(robot, "items-map");

        // the hybrid's text vectors: a map by meaning
        ItemMapData.VectorChoice text = vm.choices().stream().filter(c -> c.runId() == f.hybridRun.runId() && !c.model())
                .findFirst().orElseThrow();
        robot.interact(() -> robot.lookup("#itemVectors").queryAs(ComboBox.class).getSelectionModel().select(text));
        await(() -> vm.mapProperty().get() != null && vm.mapProperty().get().choice().equals(text) && !vm.loadingProperty().get());
        robot.clickOn("#itemSearch").write("headlamp");
        await(() -> !vm.matches().isEmpty());
        ItemMapChart chart = (ItemMapChart) viewer.getUserData();
        assertThat(chart.count(ItemMapChart.MATCHES)).isEqualTo(vm.mapProperty().get().search("headlamp").size());
        shoot(robot, "items-search");

        // click the first match on the map
        ItemMapData.Point target = vm.matches().get(0);
        robot.clickOn("#itemSearch").eraseText(8);
        await(() -> vm.matches().isEmpty());
        Point2D screen = fx(() -> {
            var info = viewer.getCanvas().getRenderingInfo();
            var area = info.getPlotInfo().getDataArea();
            double x = plot.getDomainAxis().valueToJava2D(target.x(), area, plot.getDomainAxisEdge());
            double y = plot.getRangeAxis().valueToJava2D(target.y(), area, plot.getRangeAxisEdge());
            return viewer.getCanvas().localToScreen(x, y);
        });
        robot.clickOn(screen);
        await(() -> vm.selectedProperty().get() != null && vm.neighbours().size() == 10);
        ItemMapData.Point clicked = vm.selectedProperty().get();
        assertThat(Math.hypot(clicked.x() - target.x(), clicked.y() - target.y())).as("the clicked point is the one under the mouse")
                .isLessThan(0.05 * (plot.getDomainAxis().getRange().getLength()));
        List<ItemMapData.Neighbour> expected = vm.mapProperty().get().neighbours(clicked, 10);
        @SuppressWarnings("unchecked")
        TableView<ItemMapData.Neighbour> table = robot.lookup("#itemNeighbours").queryAs(TableView.class);
        assertThat(table.getItems()).containsExactlyElementsOf(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(table.getColumns().get(2).getCellData(i)).isEqualTo(String.format(Locale.ROOT, "%.3f", expected.get(i).cosine()));
        }
        assertThat(expected).extracting(ItemMapData.Neighbour::cosine).isSortedAccordingTo((p, q) -> Double.compare(q, p));
        assertThat(robot.lookup("#itemTitle").queryAs(Label.class).getText()).isEqualTo(clicked.title());
        assertThat(chart.count(ItemMapChart.NEIGHBOURS)).isEqualTo(10);
        shoot(robot, "items-neighbours");
    }

    static Set<String> items(InteractionTable t, String user) {
        int u = t.users().indexOf(user);
        Set<String> out = new HashSet<>();
        for (int r : t.rowsByUser()[u]) {
            out.add(t.items().id(t.item(r)));
        }
        return out;
    }
}
