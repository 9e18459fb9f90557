package org.recblend.ui.importwizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.domain.ColumnRole;
import org.recblend.ingest.ErrorPolicy;
import org.recblend.ingest.ProjectFixture;
import org.recblend.ingest.RejectReport;
import org.recblend.ingest.SourceInfo;
import org.recblend.ingest.bench.ImportBenchmark;
import org.recblend.ingest.preset.Presets;
import org.recblend.ingest.read.FileAccess;
import org.recblend.store.ProjectStore;
import org.recblend.testutil.SharedData;
import org.recblend.ui.shell.MainWindowViewModel;
import org.recblend.ui.shell.RecordingDialogService;
import org.recblend.ui.shell.WorkbenchApp;
import org.recblend.ui.task.BackgroundTasks;
import org.recblend.ui.task.CurrentThreadTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The import wizard driven through the main window, headless: real files in, counts checked in the
 * project explorer, a broken file's rejects and errors, a cancelled import. Screenshots go to
 * target/screenshots/wizard-*.png.
 */
@ExtendWith(ApplicationExtension.class)
class ImportWizardFlowTest {
    @TempDir
    Path dir;

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private MainWindowViewModel viewModel;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        viewModel = new MainWindowViewModel(new CurrentThreadTaskExecutor());
        stage.setScene(WorkbenchApp.createScene(viewModel, dialogs));
        stage.show();
    }

    private ProjectStore openProject(FxRobot robot) throws Exception {
        Path project = dir.resolve("wizard");
        ProjectStore.create(project).close();
        robot.interact(() -> viewModel.openProject(project));
        assertThat(dialogs.errors).isEmpty();
        return viewModel.projectProperty().get();
    }

    /** Imports one file through the wizard from the toolbar, optionally with a preset, and closes it. */
    private void importThroughWizard(FxRobot robot, WizardRobot wizard, Path file, String preset, String shots) throws Exception {
        dialogs.importFiles.add(file);
        wizard.click("#importButton");
        wizard.click("#chooseFileButton");
        wizard.waitUntil(() -> !wizard.button("#nextButton").isDisabled(), "the preview of " + file.getFileName());
        wizard.screenshot(shots + "-1-source");
        wizard.click("#nextButton");
        wizard.screenshot(shots + "-2-format");
        assertThat(wizard.text("#detectedFormat")).startsWith("Detected: ");
        wizard.click("#nextButton");
        if (preset != null) {
            @SuppressWarnings("unchecked")
            ComboBox<org.recblend.ingest.preset.Preset> presets = wizard.node("#presetChoice", ComboBox.class);
            robot.interact(() -> presets.setValue(Presets.byId(preset).orElseThrow()));
            wizard.click("#applyPresetButton");
            wizard.waitUntil(() -> wizard.text("#presetMessage").startsWith("Applied"), "the preset");
        }
        wizard.screenshot(shots + "-3-columns");
        wizard.click("#nextButton");
        wizard.waitUntil(() -> !wizard.button("#startImportButton").isDisabled(), "the check of " + file.getFileName());
        wizard.screenshot(shots + "-4-check");
        wizard.click("#startImportButton");
        wizard.waitUntil(() -> wizard.node("#resultHeading", javafx.scene.control.Label.class).getText().startsWith("Imported"),
                "the import of " + file.getFileName());
        wizard.screenshot(shots + "-5-result");
        wizard.click("#closeWizardButton");
    }

    private List<String> explorerSources(FxRobot robot) {
        TreeView<String> explorer = robot.lookup("#projectExplorer").queryAs(TreeView.class);
        return explorer.getRoot().getChildren().get(0).getChildren().stream()
                .flatMap(d -> d.getChildren().stream()).map(TreeItem::getValue).toList();
    }

    private static long lines(Path file) throws IOException {
        try (Stream<String> s = Files.lines(file, StandardCharsets.ISO_8859_1)) {
            return s.filter(l -> !l.isBlank()).count();
        }
    }

    private static long csvRecords(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).stream().count();
        }
    }

    @Test
    void importsMovieLens100kRatingsAndItemsAndTheExplorerShowsTheirCounts(FxRobot robot) throws Exception {
        Path ml = SharedData.root().resolve("ml-100k");
        assumeTrue(Files.isRegularFile(ml.resolve("u.data")) && Files.isRegularFile(ml.resolve("u.item")),
                "Skipped: ML-100K not found at " + ml + " (../shared/data is absent); the sample-project test covers the wizard");
        openProject(robot);
        WizardRobot wizard = new WizardRobot(robot);

        importThroughWizard(robot, wizard, ml.resolve("u.data"), null, "wizard-ml100k-ratings");
        importThroughWizard(robot, wizard, ml.resolve("u.item"), "movielens-100k", "wizard-ml100k-items");

        String ratings = String.format(java.util.Locale.US, "u.data · behaviour · %,d rows", lines(ml.resolve("u.data")));
        String items = String.format(java.util.Locale.US, "items · item content · %,d rows", lines(ml.resolve("u.item")));
        wizard.waitUntil(() -> explorerSources(robot).containsAll(List.of(ratings, items)), "the explorer's counts");
        assertThat(ratings).contains("100,000 rows");
        assertThat(items).contains("1,682 rows");
        wizard.screenshot(stage.getScene(), "wizard-ml100k-explorer");
    }

    @Test
    void importsTheGeneratedSamplesPurchasesAndItems(FxRobot robot) throws Exception {
        Path data = Path.of("sample-projects", "retail", "data").toAbsolutePath();
        openProject(robot);
        WizardRobot wizard = new WizardRobot(robot);

        importThroughWizard(robot, wizard, data.resolve("purchases.csv"), null, "wizard-sample-purchases");
        importThroughWizard(robot, wizard, data.resolve("items.csv"), null, "wizard-sample-items");

        String purchases = String.format(java.util.Locale.US, "purchases · behaviour · %,d rows", csvRecords(data.resolve("purchases.csv")));
        String items = String.format(java.util.Locale.US, "items · item content · %,d rows", csvRecords(data.resolve("items.csv")));
        wizard.waitUntil(() -> explorerSources(robot).containsAll(List.of(purchases, items)), "the explorer's counts");
        wizard.screenshot(stage.getScene(), "wizard-sample-explorer");
    }

    @Test
    void severalFilesOfOneFormatBecomeOneSourceAndTheirRejectsNameTheirFile(FxRobot robot) throws Exception {
        openProject(robot);
        StringBuilder january = new StringBuilder("user_id,item_id,rating\n");
        StringBuilder february = new StringBuilder("user_id,item_id,rating\n");
        for (int i = 1; i <= 30; i++) {
            (i <= 15 ? january : february).append("u").append(i).append(",i").append(i % 9).append(',').append(i % 5 + 1).append('\n');
        }
        february.append("u99,i1,five\n");
        Path first = dir.resolve("clicks-2024-01.csv");
        Path second = dir.resolve("clicks-2024-02.csv");
        Files.writeString(first, january);
        Files.writeString(second, february);
        WizardRobot wizard = new WizardRobot(robot);

        dialogs.importFileGroups.add(List.of(first, second));
        wizard.click("#importButton");
        wizard.click("#chooseFileButton");
        wizard.waitUntil(() -> !wizard.button("#nextButton").isDisabled(), "the preview of the first file");
        assertThat(wizard.text("#moreFiles")).contains("clicks-2024-02.csv");
        wizard.screenshot("wizard-two-files-1-source");
        wizard.click("#nextButton");
        wizard.click("#nextButton");
        wizard.click("#nextButton");
        wizard.waitUntil(() -> !wizard.button("#startImportButton").isDisabled(), "the check of both files");
        assertThat(wizard.text("#checkRead")).isEqualTo("31");
        assertThat(wizard.text("#checkRejected")).isEqualTo("1");
        @SuppressWarnings("unchecked")
        TableView<RejectReport.Reject> rejects = wizard.node("#checkRejects", TableView.class);
        assertThat(rejects.getItems()).extracting(RejectReport.Reject::file, RejectReport.Reject::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("clicks-2024-02.csv", 17L));
        assertThat(rejects.getColumns().get(0).isVisible()).as("the File column, for several files").isTrue();
        wizard.screenshot("wizard-two-files-4-check");
        wizard.click("#startImportButton");
        wizard.waitUntil(() -> wizard.node("#resultHeading", javafx.scene.control.Label.class).getText().startsWith("Imported"),
                "the import of both files");
        assertThat(wizard.text("#resultHeading")).isEqualTo("Imported clicks-2024-01.csv and 1 more file");
        assertThat(wizard.text("#resultStored")).isEqualTo("30");
        wizard.screenshot("wizard-two-files-5-result");
        wizard.click("#closeWizardButton");

        wizard.waitUntil(() -> explorerSources(robot).contains("clicks-2024-01 · behaviour · 30 rows (1 rejected)"),
                "one source with both files in the explorer");
    }

    @Test
    void aBrokenFileShowsItsErrorAndItsRejectsWithFileLineAndColumn(FxRobot robot) throws Exception {
        openProject(robot);
        StringBuilder csv = new StringBuilder("user_id,item_id,rating\n");
        for (int i = 1; i <= 20; i++) {
            csv.append("u").append(i).append(",i").append(i % 7).append(',').append(i % 5 + 1).append('\n');
        }
        csv.append("u21,i3,five\n").append("u22,i4\n").append("u23,i5,4\n");
        Path broken = Files.writeString(dir.resolve("broken.csv"), csv);
        dialogs.importFiles.add(broken);
        WizardRobot wizard = new WizardRobot(robot);
        wizard.click("#importButton");
        wizard.click("#chooseFileButton");
        wizard.click("#nextButton");
        wizard.click("#nextButton");
        @SuppressWarnings("unchecked")
        TableView<ColumnRow> mapping = wizard.node("#mappingTable", TableView.class);
        robot.interact(() -> mapping.getItems().get(2).roleProperty().set(ColumnRole.RATING));
        @SuppressWarnings("unchecked")
        ComboBox<ErrorPolicy> onError = wizard.node("#errorPolicy", ComboBox.class);
        robot.interact(() -> onError.setValue(ErrorPolicy.ABORT));
        wizard.click("#nextButton");
        wizard.waitUntil(() -> wizard.text("#checkError") != null && !wizard.text("#checkError").isEmpty(), "the check's error");
        assertThat(wizard.text("#checkError")).startsWith("File broken.csv, line 22, column 3 (rating)").contains("five");
        assertThat(wizard.button("#startImportButton").isDisabled()).isTrue();
        wizard.screenshot("wizard-broken-abort-error");

        wizard.click("#backButton");
        robot.interact(() -> onError.setValue(ErrorPolicy.SKIP_AND_REPORT));
        wizard.click("#nextButton");
        wizard.waitUntil(() -> !wizard.button("#startImportButton").isDisabled(), "the check");
        assertThat(wizard.text("#checkRejected")).isEqualTo("2");
        @SuppressWarnings("unchecked")
        TableView<RejectReport.Reject> checkRejects = wizard.node("#checkRejects", TableView.class);
        assertThat(checkRejects.getItems()).extracting(RejectReport.Reject::line).containsExactly(22L, 23L);
        wizard.screenshot("wizard-broken-check-rejects");

        wizard.click("#startImportButton");
        wizard.waitUntil(() -> wizard.text("#resultHeading").startsWith("Imported"), "the import");
        assertThat(wizard.text("#resultRejected")).isEqualTo("2");
        assertThat(wizard.text("#resultAccepted")).isEqualTo("21");
        wizard.screenshot("wizard-broken-result");
        wizard.click("#showRejectsButton");
        @SuppressWarnings("unchecked")
        TableView<RejectReport.Reject> report = wizard.node("#rejectReport", TableView.class);
        wizard.waitUntil(() -> report.getItems().size() == 2, "the reject report");
        RejectReport.Reject first = report.getItems().get(0);
        assertThat(first.line()).isEqualTo(22);
        assertThat(first.column()).isEqualTo(3);
        assertThat(first.columnName()).isEqualTo("rating");
        assertThat(first.reason()).contains("five");
        assertThat(report.getItems().get(1).reason()).contains("expected 3 columns, found 2");
        assertThat(report.getColumns().get(0).getText()).isEqualTo("File");
        assertThat(report.getColumns().get(0).getCellData(0)).isEqualTo("broken.csv");
        wizard.screenshot(report.getScene(), "wizard-broken-reject-report");
    }

    @Test
    void aCancelledImportLeavesTheProjectAsItWas(FxRobot robot) throws Exception {
        ProjectStore store = openProject(robot);
        Path earlier = dir.resolve("earlier.csv");
        ImportBenchmark.generate(earlier, 2_000, 1);
        new org.recblend.ingest.Importer(store).run(org.recblend.ingest.ImportSpec.of("shop", "earlier",
                org.recblend.domain.SourceKind.BEHAVIOUR, org.recblend.ingest.read.FileFormat.csv(), List.of(
                        org.recblend.ingest.ColumnMapping.named("user_id", ColumnRole.USER_ID),
                        org.recblend.ingest.ColumnMapping.named("item_id", ColumnRole.ITEM_ID))),
                earlier, org.recblend.task.TaskMonitor.none());
        robot.interact(viewModel::refresh);
        Map<String, String> before = ProjectFixture.fingerprint(store);
        List<SourceInfo> sourcesBefore = SourceInfo.list(store);
        List<String> explorerBefore = explorerSources(robot);

        Path big = dir.resolve("clicks.csv");
        ImportBenchmark.generate(big, 60_000, 2);
        SlowFiles slow = new SlowFiles();
        dialogs.importFiles.add(big);
        BackgroundTasks tasks = new BackgroundTasks();
        robot.interact(() -> new ImportWizardLauncher(dialogs::chooseFilesToImport, slow)
                .open(stage, store, tasks, null, viewModel::refresh));
        WizardRobot wizard = new WizardRobot(robot);
        wizard.click("#chooseFileButton");
        wizard.click("#nextButton");
        wizard.click("#nextButton");
        wizard.click("#nextButton");
        wizard.waitUntil(() -> !wizard.button("#startImportButton").isDisabled(), "the check");

        slow.armed = true;
        wizard.click("#startImportButton");
        javafx.scene.control.ProgressBar bar = wizard.node("#importProgress", javafx.scene.control.ProgressBar.class);
        wizard.waitUntil(() -> bar.getProgress() > 0, "the import's first progress");
        assertThat(tasks.running()).hasSize(1);
        wizard.screenshot("wizard-cancel-progress");
        wizard.click("#cancelImportButton");
        wizard.waitUntil(() -> wizard.text("#resultHeading").equals("Import cancelled"), "the cancel");
        wizard.screenshot("wizard-cancel-result");

        assertThat(ProjectFixture.fingerprint(store)).isEqualTo(before);
        assertThat(SourceInfo.list(store)).isEqualTo(sourcesBefore);
        robot.interact(viewModel::refresh);
        assertThat(explorerSources(robot)).isEqualTo(explorerBefore);
        wizard.waitUntil(() -> tasks.running().isEmpty(), "the task to leave the running jobs");
        tasks.shutdown();
    }

    /** Local files that, once armed, hand out 1 KB per read with a pause: an import that takes seconds. */
    static final class SlowFiles implements FileAccess {
        volatile boolean armed;

        @Override
        public InputStream open(Path file) throws IOException {
            InputStream in = Files.newInputStream(file);
            return new java.io.FilterInputStream(in) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (armed) {
                        try {
                            Thread.sleep(3);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return super.read(b, off, Math.min(len, 1024));
                    }
                    return super.read(b, off, len);
                }
            };
        }

        @Override
        public Stamp stamp(Path file) throws IOException {
            return FileAccess.local().stamp(file);
        }
    }
}
