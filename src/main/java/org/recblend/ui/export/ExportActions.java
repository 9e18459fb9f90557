package org.recblend.ui.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.stage.Window;
import org.recblend.results.export.ModelBundleExport;
import org.recblend.results.export.RecommendationsExport;
import org.recblend.results.export.ReportExporter;
import org.recblend.store.ProjectStore;
import org.recblend.ui.shell.DialogService;
import org.recblend.ui.task.TaskExecutor;

/**
 * The export commands of the workbench: a report of one run or a comparison of two (HTML with its
 * chart images, and PDF, into one folder), a run's recommendations as CSV, and a trained model as
 * a model bundle. Each asks where, writes in the background and says what it wrote or why it
 * could not; the writing itself is in {@code org.recblend.results.export}.
 */
public final class ExportActions {
    public static final String PDF = "report.pdf";

    private final ProjectStore store;
    private final TaskExecutor executor;
    private final ExportFiles files;
    private final DialogService dialogs;

    public ExportActions(ProjectStore store, TaskExecutor executor, ExportFiles files, DialogService dialogs) {
        this.store = store;
        this.executor = executor;
        this.files = files;
        this.dialogs = dialogs;
    }

    /** The actions with the platform's file dialogs owned by {@code owner}. */
    public static ExportActions withDialogs(ProjectStore store, TaskExecutor executor, Window owner, DialogService dialogs) {
        return new ExportActions(store, executor, ExportFiles.dialogs(owner), dialogs);
    }

    /** Asks for a folder and writes report.html, its charts and report.pdf for these runs (one, or two to compare). */
    public void exportReport(List<Integer> runIds) {
        if (runIds.isEmpty() || runIds.size() > 2) {
            dialogs.showError("Export report", "Choose one run for a report, or two to compare; " + runIds.size() + " are selected.");
            return;
        }
        String what = runIds.size() == 1 ? "run " + runIds.get(0)
                : "runs " + runIds.stream().map(String::valueOf).collect(Collectors.joining(" and "));
        Optional<Path> dir = files.chooseFolder("Folder for the report of " + what);
        if (dir.isEmpty()) {
            return;
        }
        executor.execute(() -> {
            Path html = ReportExporter.writeHtml(store, runIds, dir.get());
            ReportExporter.writePdf(store, runIds, dir.get().resolve(PDF));
            return html;
        }, html -> dialogs.showInformation("Report written", "The report of " + what + " is in " + dir.get()
                + ":\n" + html.getFileName() + " (open it in a browser), its chart images, and " + PDF + "."),
                e -> dialogs.showError("Export report", "Could not write the report: " + e.getMessage()));
    }

    /** Asks for a file and writes the run's recommendation lists as CSV. */
    public void exportRecommendations(int runId) {
        Optional<Path> file = files.chooseFile("Export the recommendations of run " + runId, "recommendations-run" + runId + ".csv",
                "CSV files", "csv");
        if (file.isEmpty()) {
            return;
        }
        executor.execute(() -> RecommendationsExport.writeCsv(store, runId, file.get()),
                rows -> dialogs.showInformation("Recommendations exported", String.format("%,d rows written to %s", rows, file.get())),
                e -> dialogs.showError("Export recommendations", e.getMessage()));
    }

    /** Exports the run's trained model (the first, when the run trained several) as a model bundle. */
    public void exportModelBundle(int runId) {
        executor.execute(() -> ModelBundleExport.modelNodes(store, runId), nodes -> {
            if (nodes.isEmpty()) {
                dialogs.showError("Export model", "Run " + runId + " trained no model.");
            } else {
                exportModelBundle(runId, nodes.get(0));
            }
        }, e -> dialogs.showError("Export model", e.getMessage()));
    }

    /** Asks for a file and exports model node {@code nodeId} of the run as a model bundle (.zip). */
    public void exportModelBundle(int runId, String nodeId) {
        Optional<Path> file = files.chooseFile("Export the model " + nodeId + " of run " + runId, nodeId + "-run" + runId + ".zip",
                "RecBlend model bundles", "zip");
        if (file.isEmpty()) {
            return;
        }
        executor.execute(() -> ModelBundleExport.export(store, runId, nodeId, file.get()),
                card -> dialogs.showInformation("Model exported", "The " + card.kind() + " model of run " + runId
                        + " is in " + file.get() + "."),
                e -> dialogs.showError("Export model", e.getMessage()));
    }
}
