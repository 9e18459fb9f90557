package org.recblend.ui.shell;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import javafx.concurrent.Task;
import org.recblend.domain.ColumnRole;
import org.recblend.domain.SourceKind;
import org.recblend.ingest.ColumnMapping;
import org.recblend.ingest.ImportResult;
import org.recblend.ingest.ImportSpec;
import org.recblend.ingest.Importer;
import org.recblend.ingest.read.FileAccess;
import org.recblend.ingest.read.FileFormat;
import org.recblend.store.ProjectStore;
import org.recblend.task.CancellableMonitor;

/**
 * A real import of a generated behaviour file, read through a slow disk so that it is still
 * running when the test closes the window. Cancelling is cooperative: the importer's monitor is
 * cancelled and the thread is not interrupted (an interrupt during H2's file I/O could close the
 * database under the rollback).
 */
final class SlowImportJob extends Task<ImportResult> {
    private final ProjectStore store;
    private final Path file;
    private final int millisPerRead;
    private final CancellableMonitor monitor = new CancellableMonitor((fraction, message) -> {
        updateProgress(fraction < 0 ? -1 : fraction, 1);
        updateMessage(message);
    }, line -> { });

    SlowImportJob(ProjectStore store, Path file, int millisPerRead) {
        this.store = store;
        this.file = file;
        this.millisPerRead = millisPerRead;
        updateTitle("Import " + file.getFileName());
    }

    static ImportSpec spec(String source) {
        return ImportSpec.of("shop", source, SourceKind.BEHAVIOUR, FileFormat.csv(), List.of(
                ColumnMapping.named("user_id", ColumnRole.USER_ID), ColumnMapping.named("item_id", ColumnRole.ITEM_ID),
                ColumnMapping.named("rating", ColumnRole.RATING), ColumnMapping.named("timestamp", ColumnRole.TIMESTAMP)));
    }

    @Override
    protected ImportResult call() throws Exception {
        return new Importer(store, slowDisk()).run(spec("big"), file, monitor);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        monitor.cancel();
        return super.cancel(false);
    }

    private FileAccess slowDisk() {
        FileAccess local = FileAccess.local();
        return new FileAccess() {
            @Override
            public InputStream open(Path path) throws IOException {
                return new FilterInputStream(local.open(path)) {
                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        try {
                            Thread.sleep(millisPerRead);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return super.read(b, off, Math.min(len, 4096));
                    }
                };
            }

            @Override
            public Stamp stamp(Path path) throws IOException {
                return local.stamp(path);
            }
        };
    }
}
