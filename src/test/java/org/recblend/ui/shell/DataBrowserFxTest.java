package org.recblend.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.domain.ColumnRole;
import org.recblend.domain.SourceKind;
import org.recblend.ingest.ColumnMapping;
import org.recblend.ingest.ImportResult;
import org.recblend.ingest.ImportSpec;
import org.recblend.ingest.Importer;
import org.recblend.ingest.read.FileFormat;
import org.recblend.sample.SampleProject;
import org.recblend.store.ProjectStore;
import org.recblend.store.browse.BrowsableTable;
import org.recblend.store.browse.RowFilter;
import org.recblend.task.TaskMonitor;
import org.recblend.testutil.Screenshots;
import org.recblend.ui.browser.BrowserRow;
import org.recblend.ui.browser.DataBrowserViewModel;
import org.recblend.ui.browser.PagedRows;
import org.recblend.ui.task.CurrentThreadTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The data browser as a user meets it: the retail sample plus a behaviour file with broken rows,
 * opened from the explorer; paging, filtering, statistics with a histogram and the reject report.
 * Every step saves a screenshot to target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class DataBrowserFxTest {
    @TempDir
    static Path dir;
    private static Path project;

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private MainWindowViewModel viewModel;
    private Stage stage;

    @BeforeAll
    static void buildProject() throws Exception {
        project = dir.resolve("retail");
        SampleProject.build(SampleProject.RETAIL_FOLDER, project, TaskMonitor.none());
        Path returns = dir.resolve("returns.csv");
        Files.writeString(returns, "user_id,item_id,rating\n1,5,4\n2,7,five\n3,9\n4,11,2\n5,13,3.5.1\n");
        try (ProjectStore store = ProjectStore.open(project)) {
            ImportResult result = new Importer(store).run(ImportSpec.of("retail", "returns", SourceKind.BEHAVIOUR, FileFormat.csv(),
                    List.of(ColumnMapping.named("user_id", ColumnRole.USER_ID), ColumnMapping.named("item_id", ColumnRole.ITEM_ID),
                            ColumnMapping.named("rating", ColumnRole.RATING))), returns, TaskMonitor.none());
            assertThat(result.rowsRejected()).isEqualTo(3);
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        viewModel = new MainWindowViewModel(new CurrentThreadTaskExecutor());
        stage.setScene(WorkbenchApp.createScene(viewModel, dialogs));
        stage.show();
    }

    @BeforeEach
    void openProject(FxRobot robot) {
        robot.interact(() -> viewModel.openProject(project));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.errors).isEmpty();
    }

    private DataBrowserViewModel browser(FxRobot robot) {
        TabPane tabs = robot.lookup("#centreTabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("browser:retail");
        return ((org.recblend.ui.browser.DataBrowserView) tabs.getSelectionModel().getSelectedItem().getUserData()).viewModel();
    }

    @SuppressWarnings("unchecked")
    private static TableView<BrowserRow> table(FxRobot robot) {
        return robot.lookup("#browserTable").queryAs(TableView.class);
    }

    private void shoot(FxRobot robot, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(stage.getScene(), name));
    }

    @Test
    void doubleClickingASourceShowsItsRowsPageByPage(FxRobot robot) {
        robot.doubleClickOn("purchases · behaviour · 50,000 rows");
        WaitForAsyncUtils.waitForFxEvents();
        DataBrowserViewModel browser = browser(robot);
        assertThat(browser.tableProperty().get().label()).isEqualTo("purchases · behaviour");
        TableView<BrowserRow> table = table(robot);
        assertThat(table.getItems()).hasSize(50_000);
        assertThat(table.getColumns()).extracting(c -> c.getText())
                .containsExactly("#", "user", "item", "weight", "event type", "time", "context");
        assertThat(table.getItems().get(0).values()).containsExactly("1", "488", 3.0, "purchase", 1705252702L,
                "{\"channel\":\"store\",\"device\":\"till\"}");
        assertThat(robot.lookup("#browserStatus").queryAs(Label.class).getText()).isEqualTo("purchases · behaviour: 50,000 rows");
        clickRow(robot, 0);
        assertThat(robot.lookup("#rowDetail").queryAs(TextArea.class).getText()).startsWith("Row 1\nuser: 1\nitem: 488");
        shoot(robot, "browser-purchases");

        robot.interact(() -> table.scrollTo(30_000));
        WaitForAsyncUtils.waitForFxEvents();
        PagedRows rows = browser.rowsProperty().get();
        assertThat(table.getItems().get(30_000).values()).isNotNull();
        assertThat(robot.lookup("30,001").tryQuery()).as("the row number is on screen").isPresent();
        assertThat(rows.cachedPages()).isLessThanOrEqualTo(DataBrowserViewModel.CACHED_PAGES);
        assertThat(rows.loads()).as("only pages near the viewport were read").isLessThan(10);
        shoot(robot, "browser-scrolled");
    }

    @Test
    void filtersTheRowsAndExplainsAWrongFilter(FxRobot robot) {
        contextMenuOn(robot, "purchases · behaviour · 50,000 rows").clickOn("Browse Data");
        WaitForAsyncUtils.waitForFxEvents();
        DataBrowserViewModel browser = browser(robot);
        robot.interact(() -> {
            comboOf(robot, "#filterColumn").setValue("weight");
            comboOf(robot, "#filterOperator").setValue(RowFilter.Operator.EQUALS);
        });
        robot.clickOn("#filterValue").write("high").clickOn("#applyFilter");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#browserError").queryAs(Label.class).getText())
                .isEqualTo("'high' is not a number; column 'weight' holds numbers.");
        assertThat(table(robot).getItems()).hasSize(50_000);
        shoot(robot, "browser-filter-error");

        robot.interact(() -> comboOf(robot, "#filterOperator").setValue(RowFilter.Operator.BETWEEN));
        robot.doubleClickOn("#filterValue").eraseText(4).write("5");
        robot.clickOn("#searchField").write("app");
        robot.clickOn("#applyFilter");
        WaitForAsyncUtils.waitForFxEvents();
        long matching = browser.totalProperty().get();
        assertThat(matching).isBetween(1L, 49_999L);
        assertThat(robot.lookup("#browserError").queryAs(Label.class).getText()).isNullOrEmpty();
        assertThat(table(robot).getItems()).hasSize((int) matching);
        assertThat(table(robot).getItems().get(0).values()[2]).isEqualTo(5.0);
        assertThat((String) table(robot).getItems().get(0).values()[5]).contains("app");
        assertThat(robot.lookup("#browserStatus").queryAs(Label.class).getText()).endsWith("rows match the filter");
        shoot(robot, "browser-filtered");
    }

    @Test
    void showsAColumnsStatisticsWithAHistogram(FxRobot robot) {
        robot.doubleClickOn("purchases · behaviour · 50,000 rows");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> comboOf(robot, "#statsColumn").setValue("weight"));
        robot.clickOn("#computeStats");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#stat-rows").queryAs(Label.class).getText()).isEqualTo("50,000");
        assertThat(robot.lookup("#stat-min").queryAs(Label.class).getText()).isEqualTo("1");
        assertThat(robot.lookup("#stat-max").queryAs(Label.class).getText()).isEqualTo("5");
        ChartViewer chart = robot.lookup("#histogram").queryAs(ChartViewer.class);
        assertThat(chart.isVisible()).isTrue();
        assertThat(chart.getChart().getTitle().getText()).isEqualTo("Histogram of weight");
        assertThat(chart.getChart().getXYPlot().getDataset().getItemCount(0)).as("ratings 1-5").isEqualTo(5);
        shoot(robot, "browser-histogram");

        robot.interact(() -> comboOf(robot, "#statsColumn").setValue("context"));
        robot.clickOn("#computeStats");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.getChart().getTitle().getText()).isEqualTo("Most frequent values of context");
        assertThat(robot.lookup("#stat-missing").queryAs(Label.class).getText()).isEqualTo("0 (0.0 %)");
        shoot(robot, "browser-top-values");

        robot.interact(() -> comboOf(robot, "#tableSelector").setValue(tableLabelled(robot, "catalogue · items")));
        robot.interact(() -> comboOf(robot, "#statsColumn").setValue("price"));
        robot.clickOn("#computeStats");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table(robot).getColumns()).extracting(c -> c.getText()).contains("item", "brand", "price", "categories", "title");
        assertThat(chart.getChart().getTitle().getText()).isEqualTo("Histogram of price");
        shoot(robot, "browser-items-price");
    }

    @Test
    void showsTheRejectedRowsOfASourceWithTheirReasons(FxRobot robot) {
        contextMenuOn(robot, "returns · behaviour · 2 rows (3 rejected)").clickOn("Show Rejected Rows");
        WaitForAsyncUtils.waitForFxEvents();
        DataBrowserViewModel browser = browser(robot);
        assertThat(browser.tableProperty().get().label()).isEqualTo("returns · rejected rows");
        TableView<BrowserRow> table = table(robot);
        assertThat(table.getItems()).hasSize(3);
        assertThat(table.getColumns()).extracting(c -> c.getText())
                .containsExactly("#", "line", "column", "column name", "reason", "raw text", "file");
        Object[] first = table.getItems().get(0).values();
        assertThat(first[0]).isEqualTo(3L);
        assertThat(first[1]).isEqualTo(3L);
        assertThat(first[3]).isEqualTo("'five' in column 3 (rating) is not a number");
        assertThat(first[4]).isEqualTo("2,7,five");
        assertThat((String) first[5]).endsWith("returns.csv");
        clickRow(robot, 0);
        assertThat(robot.lookup("#rowDetail").queryAs(TextArea.class).getText()).contains("raw text: 2,7,five");
        shoot(robot, "browser-rejects");

        contextMenuOn(robot, "purchases · behaviour · 50,000 rows");
        TreeView<String> explorer = robot.lookup("#projectExplorer").queryAs(TreeView.class);
        assertThat(menuItem(explorer, "Show Rejected Rows").isDisable()).as("purchases has no rejected rows").isTrue();
        assertThat(menuItem(explorer, "Browse Data").isDisable()).isFalse();
        robot.interact(() -> explorer.getContextMenu().hide());
    }

    @Test
    void closingTheProjectClosesItsBrowser(FxRobot robot) {
        robot.doubleClickOn("retail");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(browser(robot).tableProperty().get()).isNotNull();
        robot.interact(viewModel::closeProject);
        TabPane tabs = robot.lookup("#centreTabs").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).extracting(t -> t.getText()).containsExactly("Overview");
    }

    /**
     * Selects the explorer entry and opens the explorer's context menu on it. (Monocle's robot
     * sends no context-menu event for a right click, so the menu is shown as the event would.)
     */
    @SuppressWarnings("unchecked")
    private static FxRobot contextMenuOn(FxRobot robot, String label) {
        robot.clickOn(label);
        TreeView<String> explorer = robot.lookup("#projectExplorer").queryAs(TreeView.class);
        Node cell = robot.lookup(label).queryAs(Node.class);
        var at = cell.localToScreen(cell.getBoundsInLocal());
        robot.interact(() -> explorer.getContextMenu().show(explorer, at.getMinX() + 20, at.getMaxY()));
        return robot;
    }

    private static void clickRow(FxRobot robot, int index) {
        robot.clickOn(robot.lookup(".table-row-cell").match(r -> ((javafx.scene.control.TableRow<?>) r).getIndex() == index)
                .queryAs(Node.class));
    }

    @SuppressWarnings("unchecked")
    private static <T> ComboBox<T> comboOf(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ComboBox.class);
    }

    private static BrowsableTable tableLabelled(FxRobot robot, String label) {
        ComboBox<BrowsableTable> box = comboOf(robot, "#tableSelector");
        return box.getItems().stream().filter(t -> t.label().equals(label)).findFirst().orElseThrow();
    }

    private static javafx.scene.control.MenuItem menuItem(TreeView<String> explorer, String text) {
        return explorer.getContextMenu().getItems().stream().filter(m -> text.equals(m.getText())).findFirst().orElseThrow();
    }
}
