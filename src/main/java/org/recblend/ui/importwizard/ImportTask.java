package org.recblend.ui.importwizard;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.concurrent.Task;
import org.recblend.ingest.ImportResult;
import org.recblend.ingest.ImportSpec;
import org.recblend.ingest.Importer;
import org.recblend.ingest.read.FileAccess;
import org.recblend.store.ProjectStore;
import org.recblend.task.TaskMonitor;

/**
 * One file imported in the background. A cancel stops the importer at its next row, which then
 * rolls back; {@link #unwoundProperty()} turns true only when that rollback is done, so the wizard
 * says "nothing was stored" only when it is true.
 */
final class ImportTask extends Task<ImportResult> {
    /** Progress reaches the JavaFX thread at most this often: the importer reports every 10,000 rows. */
    static final long MIN_UPDATE_NANOS = 50_000_000L;

    private final ProjectStore store;
    private final FileAccess files;
    private final ImportSpec spec;
    private final Path file;
    private final Executor uiThread;
    private final ReadOnlyBooleanWrapper unwound = new ReadOnlyBooleanWrapper();

    ImportTask(ProjectStore store, FileAccess files, ImportSpec spec, Path file, Executor uiThread) {
        this.store = store;
        this.files = files;
        this.spec = spec;
        this.file = file;
        this.uiThread = uiThread;
        updateTitle("Import " + file.getFileName() + " into " + spec.dataset());
        updateMessage("Waiting to start");
    }

    /**
     * Cancels without interrupting the worker: H2 closes its file when a thread is interrupted
     * during a write, which would break the project instead of rolling back. The importer checks
     * the cancel flag on every row, so a plain flag stops it as quickly.
     */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return super.cancel(false);
    }

    @Override
    public void run() {
        try {
            super.run();
        } finally {
            uiThread.execute(() -> unwound.set(true));
        }
    }

    @Override
    protected ImportResult call() throws Exception {
        return new Importer(store, files).run(spec, file, new Monitor());
    }

    /** True once the worker thread has left the importer (after its commit or rollback), or never started. */
    ReadOnlyBooleanProperty unwoundProperty() {
        return unwound.getReadOnlyProperty();
    }

    /** The importer's view of this task: throttled progress, the task's cancel flag. */
    private final class Monitor implements TaskMonitor {
        private long lastUpdate;

        @Override
        public void progress(double fraction, String message) {
            long now = System.nanoTime();
            if (now - lastUpdate >= MIN_UPDATE_NANOS || fraction >= 1) {
                lastUpdate = now;
                updateProgress(Math.max(0, fraction), 1);
                updateMessage(message);
            }
        }

        @Override
        public boolean isCancelled() {
            return ImportTask.this.isCancelled();
        }

        @Override
        public void log(String message) {
            // the result page shows the summary; the log line adds nothing for the user here
        }
    }
}
