package org.recblend.ui.importwizard;

import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.recblend.ingest.ImportResult;
import org.recblend.ingest.ImportJob;
import org.recblend.ingest.Importer;
import org.recblend.ingest.read.FileAccess;
import org.recblend.store.ProjectStore;
import org.recblend.task.TaskMonitor;
import org.recblend.ui.task.CooperativeTask;

/**
 * One file, or several for one source, imported in the background in one transaction. A cancel stops the importer at its next row, which then
 * rolls back; {@link #unwoundProperty()} turns true only when that rollback is done, so the wizard
 * says "nothing was stored" only when it is true.
 */
final class ImportTask extends CooperativeTask<ImportResult> {
    /** Progress reaches the JavaFX thread at most this often: the importer reports every 10,000 rows. */
    static final long MIN_UPDATE_NANOS = 50_000_000L;

    private final ProjectStore store;
    private final FileAccess files;
    private final List<ImportJob> jobs;
    private final Executor uiThread;
    private final ReadOnlyBooleanWrapper unwound = new ReadOnlyBooleanWrapper();

    /** @param label the files as the user reads them ("u1.base and 1 more file") */
    ImportTask(ProjectStore store, FileAccess files, List<ImportJob> jobs, String label, Executor uiThread) {
        this.store = store;
        this.files = files;
        this.jobs = List.copyOf(jobs);
        this.uiThread = uiThread;
        updateTitle("Import " + label + " into " + jobs.get(0).spec().dataset());
        updateMessage("Waiting to start");
    }


    @Override
    protected void afterWorker() {
        uiThread.execute(() -> unwound.set(true));
    }

    @Override
    protected ImportResult call() throws Exception {
        ImportResult result = ImportResult.combine(new Importer(store, files).runAll(jobs, new Monitor()));
        // the job's last message is what its notification says
        updateMessage(String.format("%,d rows stored in %s / %s (%,d rejected)", result.rowsStored(),
                result.dataset(), result.sourceName(), result.rowsRejected()));
        return result;
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
