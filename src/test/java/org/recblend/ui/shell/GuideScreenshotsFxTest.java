package org.recblend.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.ingest.preset.Presets;
import org.recblend.nodes.templates.PipelineTemplates;
import org.recblend.results.DashboardFixture;
import org.recblend.testutil.GuideShots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The user guide's screenshots (README.md, decision 0031), taken from the real main window on the
 * retail sample with two finished runs, as a newcomer meets it: the "LLM hybrid" (MiniLM text,
 * fusion ablation on) and the "CF baseline". Each test walks one section of the guide and checks
 * that the screen shows what the guide says before it takes the picture, so a picture of an empty
 * or broken view fails the build instead of reaching the README.
 *
 * <p>Writes target/screenshots/guide/*.png; {@code mvn -o test -Dtest=GuideScreenshotsFxTest
 * -Dguide.update=true} also replaces docs/guide/img/*.png. {@link #SHOTS} names every picture;
 * ReadmeImagesTest checks the README shows only these, and that each is committed.
 */
@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GuideScreenshotsFxTest {
    /** Every picture this test takes, in the order of the guide. */
    static final List<String> SHOTS = List.of("main-window", "import-1-source", "import-2-format", "import-3-columns",
            "import-3-columns-preset", "import-4-check", "import-explorer", "pipeline-editor", "pipeline-output",
            "training-dashboard", "evaluation-table", "evaluation-bars", "evaluation-curves", "evaluation-segments",
            "evaluation-compare", "evaluation-ablation", "user-inspector", "item-explorer", "demo", "export-menu");

    @TempDir
    static Path dir;
    private static Path project;
    private static int hybridRun;
    private static int baselineRun;
    private static String userWithAHit;
    private ShellWindow window;

    /** The sample with two runs, built on first use: the import walk-through does without it. */
    private static synchronized Path project() throws Exception {
        if (project == null) {
            long start = System.nanoTime();
            try (DashboardFixture f = DashboardFixture.create(dir, "guide", true)) {
                project = f.store.databaseFile();
                hybridRun = f.hybridRun.runId();
                baselineRun = f.baselineRun.runId();
                userWithAHit = userWithAHit(f);
            }
            System.out.printf("guide fixture: the sample with two runs built in %.0f s%n", (System.nanoTime() - start) / 1e9);
        }
        return project;
    }

    @Start
    void start(Stage stage) {
        stage.setWidth(1280); // the headless screen is 1280 × 800
        stage.setHeight(800);
        window = new ShellWindow(stage, dir.resolve("settings"));
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private void shoot(FxRobot robot, String name) {
        assertThat(SHOTS).as("a shot the guide lists").contains(name);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> GuideShots.save(window.stage, name));
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> {
                try {
                    return fx(condition);
                } catch (Exception e) {
                    return false; // the nodes looked at are not there yet
                }
            });
        } catch (TimeoutException e) {
            // what the screen showed, to see why
            WaitForAsyncUtils.asyncFx(() -> javafx.stage.Window.getWindows().stream().filter(javafx.stage.Window::isShowing)
                    .reduce((a, b) -> b).map(w -> GuideShots.saveForDiagnosis(w, "timeout")).orElse(null)).get();
            throw new AssertionError("Timed out waiting for " + what + " (screen: target/screenshots/guide/timeout.png)", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Clicks a button once it can be clicked (the wizard's pages work in the background). */
    private static void click(FxRobot robot, String id) throws Exception {
        await(id + " enabled", () -> robot.lookup(id).tryQuery().isPresent() && !robot.lookup(id).queryButton().isDisabled()
                && robot.lookup(id).query().isVisible());
        robot.clickOn(id);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The import wizard's own window, as the guide shows it. */
    private static void shootWizard(FxRobot robot, String name) {
        assertThat(SHOTS).contains(name);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> GuideShots.saveAlone(robot.lookup("#importWizard").query().getScene().getWindow(), name));
    }

    /**
     * Moves the divider between the explorer and the tabs, as a user drags it: wide enough for the
     * explorer's labels on the first picture, out of the way for the views that need the room.
     */
    private static void explorerWidth(FxRobot robot, double share) {
        robot.interact(() -> {
            Node n = robot.lookup("#projectExplorer").query();
            while (n != null && !(n instanceof javafx.scene.control.SplitPane)) {
                n = n.getParent();
            }
            ((javafx.scene.control.SplitPane) n).setDividerPositions(share);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void openSample(FxRobot robot) throws Exception {
        Path sample = project();
        robot.interact(() -> window.viewModel.openProject(sample));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.dialogs.errors).isEmpty();
    }

    private static <T extends Node> T node(FxRobot robot, String id, Class<T> type) {
        return robot.lookup("#" + id).queryAs(type);
    }

    /** A label's text, or "" while it is not on the screen (conditions poll before it appears). */
    private static String text(FxRobot robot, String id) {
        return robot.lookup("#" + id).tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }

    @SuppressWarnings("unchecked")
    private static TreeView<String> explorer(FxRobot robot) {
        return robot.lookup("#projectExplorer").queryAs(TreeView.class);
    }

    private static TreeItem<String> folder(FxRobot robot, String prefix) {
        return explorer(robot).getRoot().getChildren().stream().filter(i -> i.getValue().startsWith(prefix)).findFirst().orElseThrow();
    }

    /** Opens a Results view from the menu, as a user does, and waits until its tab is shown. */
    private static void results(FxRobot robot, String view) {
        explorerWidth(robot, 0.0);
        robot.clickOn("#resultsMenu").clickOn("#" + view + "Menu");
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = robot.lookup("#centreTabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo(ResultsMenu.TAB_PREFIX + view);
    }

    // ---- the guide, section by section -----------------------------------------------------------

    @Test
    @Order(1)
    void firstStart(FxRobot robot) throws Exception {
        openSample(robot);
        List<String> folders = explorer(robot).getRoot().getChildren().stream().map(TreeItem::getValue).toList();
        assertThat(folders).anySatisfy(f -> assertThat(f).startsWith("Pipelines"))
                .anySatisfy(f -> assertThat(f).startsWith("Runs"));
        assertThat(folder(robot, "Pipelines").getChildren()).extracting(TreeItem::getValue)
                .anySatisfy(v -> assertThat(v).contains(PipelineTemplates.LLM_HYBRID))
                .anySatisfy(v -> assertThat(v).contains(PipelineTemplates.CF_BASELINE));
        assertThat(folder(robot, "Runs").getChildren()).hasSize(2);
        explorerWidth(robot, 0.3);
        shoot(robot, "main-window");
    }

    @Test
    @Order(2)
    void importingMovieLensShapedFiles(FxRobot robot) throws Exception {
        // a new, empty project, as the guide's walk-through starts
        Path movies = dir.resolve("movies");
        robot.interact(() -> window.viewModel.newProject(movies)); // as File > New Project… does
        WaitForAsyncUtils.waitForFxEvents();
        Path ml = Files.createDirectories(dir.resolve("ml-100k"));
        Path ratings = writeRatings(ml.resolve("u.data"));
        Path items = writeItems(ml.resolve("u.item"));
        writeUsers(ml.resolve("u.user")); // the preset reads the folder as published: all three files

        // u.data: tab-separated, no header; the wizard suggests every role itself
        window.dialogs.importFiles.add(ratings);
        click(robot, "#importButton");
        click(robot, "#chooseFileButton");
        await("the preview of u.data", () -> !robot.lookup("#nextButton").queryButton().isDisabled());
        shootWizard(robot, "import-1-source");
        click(robot, "#nextButton");
        await("the detected format", () -> text(robot, "detectedFormat").startsWith("Detected: TAB-separated, no header"));
        shootWizard(robot, "import-2-format");
        click(robot, "#nextButton");
        await("the suggested roles", () -> robot.lookup("#presetChoice").query().isVisible());
        shootWizard(robot, "import-3-columns");
        click(robot, "#nextButton");
        await("the check of u.data", () -> !robot.lookup("#startImportButton").queryButton().isDisabled());
        assertThat(robot.lookup("100,000").tryQuery()).as("the check read every row").isPresent();
        shootWizard(robot, "import-4-check");
        click(robot, "#startImportButton");
        await("the import of u.data", () -> text(robot, "resultHeading").startsWith("Imported"));
        click(robot, "#closeWizardButton");

        // u.item: pipe-separated with 19 genre flags; the MovieLens 100K preset names them
        window.dialogs.importFiles.add(items);
        click(robot, "#importButton");
        click(robot, "#chooseFileButton");
        await("the preview of u.item", () -> !robot.lookup("#nextButton").queryButton().isDisabled());
        click(robot, "#nextButton");
        await("the detected format", () -> text(robot, "detectedFormat").startsWith("Detected: "));
        click(robot, "#nextButton");
        await("the columns page", () -> robot.lookup("#presetChoice").query().isVisible());
        @SuppressWarnings("unchecked")
        ComboBox<org.recblend.ingest.preset.Preset> presets = robot.lookup("#presetChoice").queryAs(ComboBox.class);
        robot.interact(() -> presets.setValue(Presets.byId("movielens-100k").orElseThrow()));
        click(robot, "#applyPresetButton");
        await("the preset", () -> text(robot, "presetMessage").startsWith("Applied"));
        shootWizard(robot, "import-3-columns-preset");
        click(robot, "#nextButton");
        await("the check of u.item", () -> !robot.lookup("#startImportButton").queryButton().isDisabled());
        click(robot, "#startImportButton");
        await("the import of u.item", () -> text(robot, "resultHeading").startsWith("Imported"));
        click(robot, "#closeWizardButton");
        explorerWidth(robot, 0.3);
        await("the explorer's counts", () -> explorer(robot).getRoot().getChildren().get(0).getChildren().stream()
                .flatMap(d -> d.getChildren().stream()).map(TreeItem::getValue)
                .anyMatch(v -> v.contains("u.data") && v.contains("100,000 rows")));
        shoot(robot, "import-explorer");
        robot.interact(window.viewModel::closeProject);
    }

    @Test
    @Order(3)
    void thePipelineAfterItsRun(FxRobot robot) throws Exception {
        openSample(robot);
        TreeItem<String> hybrid = folder(robot, "Pipelines").getChildren().stream()
                .filter(i -> i.getValue().startsWith(PipelineTemplates.LLM_HYBRID)).findFirst().orElseThrow();
        Node cell = robot.lookup(".tree-cell").match((TreeCell<?> c) -> c.getTreeItem() == hybrid).query();
        robot.doubleClickOn(cell);
        await("the editor", () -> robot.lookup("#canvas").tryQuery().isPresent());
        explorerWidth(robot, 0.0);
        robot.clickOn("#fitButton");
        // the badges come from the run's cached outputs: every node done
        await("the done badges", () -> EditorRobot.selectedTab(robot).runs().nodes().values().stream()
                .allMatch(s -> s.state() == org.recblend.pipeline.NodeState.DONE));
        robot.clickOn(EditorRobot.header(robot, "hybrid"));
        await("the hybrid's output", () -> robot.lookup("#previewContent").tryQuery().isPresent()
                && !text(robot, "previewSummary").isBlank());
        shoot(robot, "pipeline-editor");
        robot.clickOn(EditorRobot.header(robot, "evaluate"));
        await("the evaluation's metrics", () -> robot.lookup("#previewMetrics").tryQuery().isPresent());
        shoot(robot, "pipeline-output");
    }

    @Test
    @Order(4)
    void theTrainingDashboard(FxRobot robot) throws Exception {
        openSample(robot);
        results(robot, "trainingDashboard");
        await("the runs", () -> robot.lookup("#trainingRuns .check-box").queryAll().size() >= 2);
        // tick every run's model: the hybrid and BPR curves overlaid
        for (Node box : robot.lookup("#trainingRuns .check-box").queryAll()) {
            if (!((CheckBox) box).isSelected()) {
                robot.clickOn(box);
            }
        }
        await("both curves", () -> robot.lookup("#trainingRuns .check-box").queryAll().stream()
                .allMatch(b -> ((CheckBox) b).isSelected()));
        Thread.sleep(500); // the chart redraws off the FX thread
        shoot(robot, "training-dashboard");
    }

    @Test
    @Order(5)
    void theEvaluationDashboard(FxRobot robot) throws Exception {
        openSample(robot);
        results(robot, "evaluationDashboard");
        @SuppressWarnings("unchecked")
        TableView<Object> table = robot.lookup("#metricsTable").queryAs(TableView.class);
        await("the evaluations", () -> table.getItems().size() == 4);
        shoot(robot, "evaluation-table");
        TabPane tabs = robot.lookup("#evaluationTabs").queryAs(TabPane.class);
        String[] names = {"evaluation-bars", "evaluation-curves", "evaluation-segments"};
        for (int i = 0; i < names.length; i++) {
            int tab = i + 1;
            robot.interact(() -> tabs.getSelectionModel().select(tab));
            Thread.sleep(700);
            shoot(robot, names[i]);
        }
        robot.interact(() -> tabs.getSelectionModel().select(4));
        await("the compare pane", () -> robot.lookup("#compareA").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<Object> a = robot.lookup("#compareA").queryAs(ComboBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<Object> b = robot.lookup("#compareB").queryAs(ComboBox.class);
        robot.interact(() -> {
            a.setValue(a.getItems().stream().filter(e -> e.toString().contains("hybrid")).findFirst().orElse(a.getItems().get(0)));
            b.setValue(b.getItems().stream().filter(e -> e.toString().contains("bpr")).findFirst().orElse(b.getItems().get(1)));
        });
        robot.clickOn("#compareButton");
        await("the paired comparison", () -> !text(robot, "pairedP").isBlank());
        Thread.sleep(500);
        shoot(robot, "evaluation-compare");
        robot.interact(() -> tabs.getSelectionModel().select(5));
        await("the ablation", () -> !robot.lookup("#ablationTable").queryAs(TableView.class).getItems().isEmpty());
        Thread.sleep(500);
        shoot(robot, "evaluation-ablation");
    }

    @Test
    @Order(6)
    void theUserInspector(FxRobot robot) throws Exception {
        openSample(robot);
        results(robot, "userInspector");
        ListView<?> users = robot.lookup("#inspectorUsers").queryAs(ListView.class);
        await("the users", () -> !users.getItems().isEmpty());
        // a customer with a hit, so the picture shows a ✓ and the parts of each score
        robot.clickOn("#inspectorSearch").write(userWithAHit).clickOn("#inspectorFind");
        await("the user found", () -> String.valueOf(robot.from(users).lookup(".list-cell").nth(0)
                .queryAs(javafx.scene.control.ListCell.class).getText()).startsWith("User " + userWithAHit + " "));
        robot.clickOn(robot.from(users).lookup(".list-cell").nth(0).queryAs(Node.class));
        await("the user's list", () -> text(robot, "inspectorUser").equals("User " + userWithAHit)
                && !robot.lookup("#inspectorListTable").queryAs(TableView.class).getItems().isEmpty());
        assertThat(robot.lookup("#inspectorListTable").queryAs(TableView.class).getItems()).hasSize(10);
        shoot(robot, "user-inspector");
    }

    @Test
    @Order(7)
    void theItemExplorer(FxRobot robot) throws Exception {
        openSample(robot);
        results(robot, "itemExplorer");
        @SuppressWarnings("unchecked")
        ComboBox<Object> vectors = robot.lookup("#itemVectors").queryAs(ComboBox.class);
        await("the vector choices", () -> !vectors.getItems().isEmpty());
        // the hybrid run's MiniLM item vectors: a map by meaning
        robot.interact(() -> vectors.getSelectionModel().select(vectors.getItems().stream()
                .filter(v -> v.toString().contains("Run " + hybridRun) && v.toString().contains("text")).findFirst()
                .orElse(vectors.getItems().get(0))));
        await("the map", () -> text(robot, "itemStatus").contains("items ·"));
        robot.clickOn("#itemSearch").write("jacket");
        Thread.sleep(800);
        // click the first item of the neighbours' source: a ringed match on the map
        Point2D centre = fx(() -> {
            var viewer = robot.lookup("#itemMap").queryAs(org.jfree.chart.fx.ChartViewer.class);
            var info = viewer.getCanvas().getRenderingInfo();
            var area = info.getPlotInfo().getDataArea();
            var plot = viewer.getChart().getXYPlot();
            var data = plot.getDataset();
            // the first point of the matches' series when there is one, else the first point drawn
            int series = data.getSeriesCount() - 1;
            while (series > 0 && data.getItemCount(series) == 0) {
                series--;
            }
            double x = plot.getDomainAxis().valueToJava2D(data.getXValue(series, 0), area, plot.getDomainAxisEdge());
            double y = plot.getRangeAxis().valueToJava2D(data.getYValue(series, 0), area, plot.getRangeAxisEdge());
            return viewer.getCanvas().localToScreen(x, y);
        });
        robot.clickOn(centre);
        await("the neighbours", () -> !robot.lookup("#itemNeighbours").queryAs(TableView.class).getItems().isEmpty());
        shoot(robot, "item-explorer");
    }

    @Test
    @Order(8)
    void theDemo(FxRobot robot) throws Exception {
        openSample(robot);
        results(robot, "demo");
        TextField id = robot.lookup("#demoCustomer").queryAs(TextField.class);
        await("the demo", () -> !text(robot, "demoCustomerName").isBlank());
        robot.clickOn(id).eraseText(id.getText().length()).write("42").type(KeyCode.ENTER);
        await("customer 42", () -> text(robot, "demoCustomerName").equals("Customer 42"));
        TextArea box = robot.lookup("#demoNewItem").queryAs(TextArea.class);
        robot.clickOn(box).write("A light waterproof jacket for hill walking, packs into its own pocket");
        await("the new product's answer", () -> text(robot, "demoNewItemMessage").startsWith("Answered in"));
        shoot(robot, "demo");
    }

    @Test
    @Order(9)
    void theExportMenu(FxRobot robot) throws Exception {
        openSample(robot);
        TreeView<String> tree = explorer(robot);
        TreeItem<String> run = folder(robot, "Runs").getChildren().stream()
                .filter(i -> ((ExplorerTree.RunEntry) i).runId() == hybridRun).findFirst().orElseThrow();
        robot.interact(() -> tree.getSelectionModel().select(run));
        robot.clickOn("_File").clickOn("#exportMenu");
        await("the export entries", () -> robot.lookup("#fileExportReport").tryQuery().isPresent());
        robot.moveTo("#fileExportReport");
        WaitForAsyncUtils.waitForFxEvents();
        shoot(robot, "export-menu");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        assertThat(baselineRun).isNotEqualTo(hybridRun);
    }

    /** The first user of the hybrid run's test part whose stored top 10 holds one of their test items. */
    private static String userWithAHit(DashboardFixture f) {
        return org.recblend.results.InspectorFixture.userWithAHit(f.hybridRun, f.hybrid);
    }

    // ---- MovieLens-shaped files: the guide's walk-through without the real data set ---------------

    /** 100,000 ratings of 943 users and 1,682 items in u.data's layout: user, item, rating, time; TAB, no header. */
    private static Path writeRatings(Path file) throws IOException {
        Random random = new Random(42);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            for (int i = 0; i < 100_000; i++) {
                out.write(String.format(Locale.ROOT, "%d\t%d\t%d\t%d%n", 1 + random.nextInt(943), 1 + random.nextInt(1682),
                        1 + random.nextInt(5), 874_724_710 + random.nextInt(18_561_928)));
            }
        }
        return file;
    }

    /** 943 users in u.user's layout: id|age|gender|occupation|zip code. */
    private static void writeUsers(Path file) throws IOException {
        Random random = new Random(11);
        String[] jobs = {"student", "engineer", "writer", "educator", "programmer", "artist", "other"};
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            for (int u = 1; u <= 943; u++) {
                out.write(String.format(Locale.ROOT, "%d|%d|%s|%s|%05d%n", u, 15 + random.nextInt(55), random.nextBoolean() ? "M" : "F",
                        jobs[random.nextInt(jobs.length)], random.nextInt(99_999)));
            }
        }
    }

    /** 1,682 items in u.item's layout: id|title|release date|video release|IMDb URL|19 genre flags, Latin-1. */
    private static Path writeItems(Path file) throws IOException {
        Random random = new Random(7);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            for (int i = 1; i <= 1682; i++) {
                StringBuilder line = new StringBuilder();
                int year = 1930 + random.nextInt(68);
                line.append(i).append('|').append("Film ").append(i).append(" (").append(year).append(")|01-Jan-").append(year)
                        .append("||http://example.org/film/").append(i);
                int genre = random.nextInt(19);
                for (int g = 0; g < 19; g++) {
                    line.append('|').append(g == genre || random.nextInt(12) == 0 ? 1 : 0);
                }
                out.write(line.append('\n').toString());
            }
        }
        return file;
    }
}
