package org.recblend.ui.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.engine.bundle.ModelBundle;
import org.recblend.results.DemoFixture;
import org.recblend.results.export.ReportExporter;
import org.recblend.ui.shell.DialogService;
import org.recblend.ui.task.CurrentThreadTaskExecutor;

/** The export commands without a screen: fixed answers to "where?", work on the calling thread, messages recorded. */
class ExportActionsTest {
    static DemoFixture fx;
    @TempDir
    Path dir;
    final List<String> infos = new ArrayList<>();
    final List<String> errors = new ArrayList<>();
    Path chosen;

    @BeforeAll
    static void fixture() throws Exception {
        fx = DemoFixture.get();
    }

    private ExportActions actions() {
        ExportFiles files = new ExportFiles() {
            @Override
            public Optional<Path> chooseFolder(String title) {
                return Optional.ofNullable(chosen);
            }

            @Override
            public Optional<Path> chooseFile(String title, String suggestedName, String description, String extension) {
                return Optional.ofNullable(chosen).map(d -> d.resolve(suggestedName));
            }
        };
        return new ExportActions(fx.store, new CurrentThreadTaskExecutor(), files, new RecordingDialogs());
    }

    @Test
    void aComparisonReportWritesHtmlChartsAndPdfIntoTheChosenFolder() {
        chosen = dir.resolve("report");
        actions().exportReport(List.of(fx.gatedRun, fx.concatRun));
        assertThat(errors).isEmpty();
        assertThat(infos).singleElement().asString().contains("runs " + fx.gatedRun + " and " + fx.concatRun);
        assertThat(chosen.resolve(ReportExporter.HTML)).exists();
        assertThat(chosen.resolve(ReportExporter.CURVE_PNG)).exists();
        assertThat(chosen.resolve(ReportExporter.BARS_PNG)).exists();
        assertThat(chosen.resolve(ExportActions.PDF)).exists();
    }

    @Test
    void threeRunsAreRefusedAndACancelWritesNothing() throws Exception {
        chosen = dir;
        actions().exportReport(List.of(1, 2, 3));
        assertThat(errors).singleElement().asString().contains("one run for a report, or two to compare");
        chosen = null;
        actions().exportRecommendations(fx.gatedRun);
        actions().exportModelBundle(fx.gatedRun, "hybrid");
        assertThat(infos).isEmpty();
        try (var list = Files.list(dir)) {
            assertThat(list).isEmpty();
        }
    }

    @Test
    void recommendationsAndTheModelBundleAreWritten() throws Exception {
        chosen = dir;
        actions().exportRecommendations(fx.gatedRun);
        actions().exportModelBundle(fx.gatedRun);
        assertThat(errors).isEmpty();
        Path csv = dir.resolve("recommendations-run" + fx.gatedRun + ".csv");
        assertThat(Files.readAllLines(csv)).hasSize(2000 * 10 + 1);
        Path zip = dir.resolve("hybrid-run" + fx.gatedRun + ".zip");
        assertThat(ModelBundle.read(zip).card().kind()).isEqualTo("hybrid");
        assertThat(infos).hasSize(2);
    }

    @Test
    void aFailedExportSaysWhy() {
        chosen = dir;
        actions().exportRecommendations(9999);
        assertThat(errors).singleElement().asString().contains("Run 9999 has no finished Recommend node");
    }

    private final class RecordingDialogs implements DialogService {
        @Override
        public Optional<Path> chooseProjectToOpen() {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseNewProjectLocation() {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseSaveAsLocation(String currentName) {
            return Optional.empty();
        }

        @Override
        public boolean confirm(String title, String message, String yes, String no) {
            return false;
        }

        @Override
        public List<Path> chooseFilesToImport() {
            return List.of();
        }

        @Override
        public Optional<String> askText(String title, String message, String initial) {
            return Optional.empty();
        }

        @Override
        public void showError(String title, String message) {
            errors.add(message);
        }

        @Override
        public void showInformation(String title, String message) {
            infos.add(message);
        }
    }
}
