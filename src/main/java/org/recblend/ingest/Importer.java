package org.recblend.ingest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.recblend.ingest.read.FileAccess;
import org.recblend.store.ProjectStore;
import org.recblend.store.StoreException;
import org.recblend.task.CancelledException;
import org.recblend.task.TaskMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports files into a project as sources of a dataset.
 *
 * <p>One call is one database transaction: when the import fails, is aborted by a bad row,
 * is cancelled or the process dies, the project stays exactly as it was. A cancel ends the call
 * with {@link CancelledException} after the rollback (the same exception every long task of the
 * workbench uses, so callers handle cancellation in one place); bad input ends it with
 * {@link ImportException}; a failure of the project database with {@link StoreException}.
 *
 * <p>Imports into one project run one after another.
 */
public final class Importer {
    private static final Logger LOG = LoggerFactory.getLogger(Importer.class);
    private static final Map<ProjectStore, Object> LOCKS = new WeakHashMap<>();

    private final ProjectStore store;
    private final FileAccess files;

    public Importer(ProjectStore store) {
        this(store, FileAccess.local());
    }

    /** An importer reading through the given byte source (tests simulate failing disks with it). */
    public Importer(ProjectStore store, FileAccess files) {
        this.store = store;
        this.files = files;
    }

    /**
     * Imports one file.
     *
     * @throws ImportException     bad spec or bad input; nothing was stored
     * @throws CancelledException  the monitor was cancelled; nothing was stored
     */
    public ImportResult run(ImportSpec spec, Path file, TaskMonitor monitor) throws ImportException {
        return runAll(List.of(new ImportJob(spec, file)), monitor).get(0);
    }

    /**
     * Checks a spec against a file without writing anything: the problems that would stop the
     * import before its first row (spec, encoding, header, missing columns, lookup tables).
     *
     * @return the problems, each a sentence for the user; empty when the import can start
     */
    public List<String> check(ImportSpec spec, Path file) {
        return ImportRun.check(files, spec, file);
    }

    /**
     * Runs the whole import of one file and rolls it back: what the import would store, and its
     * first rejected rows, with the project left untouched (the wizard's validation step).
     *
     * @param maxRejects how many rejected rows to return at most
     * @throws ImportException    what the import itself would throw (bad spec, unreadable file, abort)
     * @throws CancelledException the monitor was cancelled
     */
    public DryRun dryRun(ImportSpec spec, Path file, int maxRejects, TaskMonitor monitor) throws ImportException {
        return dryRun(List.of(new ImportJob(spec, file)), maxRejects, monitor);
    }

    /**
     * {@link #runAll} rolled back: what importing these files in one transaction would store, and
     * the first rejected rows of all of them, with the project left untouched.
     */
    public DryRun dryRun(List<ImportJob> jobs, int maxRejects, TaskMonitor monitor) throws ImportException {
        synchronized (lockOf(store)) {
            try (Connection c = store.connection()) {
                c.setAutoCommit(false);
                try {
                    List<ImportResult> results = importEach(c, jobs, monitor, false);
                    int sourceId = results.get(results.size() - 1).sourceId();
                    return new DryRun(results, RejectReport.page(c, sourceId, 0, maxRejects));
                } finally {
                    c.rollback(); // a dry run never stores anything, whatever happened
                    c.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new StoreException("Project " + store.name() + ": the check could not run: " + e.getMessage(), e);
            }
        }
    }

    /**
     * What an import would do, found by a {@link #dryRun}.
     *
     * @param results what each file's import would report (their ids are not valid after the rollback)
     * @param rejects the first rejected rows, by line
     */
    public record DryRun(List<ImportResult> results, List<RejectReport.Reject> rejects) {
        public DryRun {
            results = List.copyOf(results);
            rejects = List.copyOf(rejects);
        }

        /** The counts of all the files together. */
        public ImportResult result() {
            return ImportResult.combine(results);
        }
    }

    /**
     * Imports several files in one transaction: all are stored or none. Progress is shared out by
     * file size.
     */
    public List<ImportResult> runAll(List<ImportJob> jobs, TaskMonitor monitor) throws ImportException {
        synchronized (lockOf(store)) {
            try (Connection c = store.connection()) {
                c.setAutoCommit(false);
                try {
                    List<ImportResult> results = importEach(c, jobs, monitor, true);
                    monitor.checkCancelled();
                    c.commit();
                    return List.copyOf(results);
                } catch (ImportException | SQLException | RuntimeException | Error e) {
                    rollback(c, e);
                    if (e instanceof CancelledException) {
                        monitor.log("Import cancelled; nothing was stored");
                    }
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new StoreException("Project " + store.name() + ": the import could not be written: " + e.getMessage(), e);
            }
        }
    }

    /** Runs the jobs one after the other on one connection; progress is shared out by file size. */
    private List<ImportResult> importEach(Connection c, List<ImportJob> jobs, TaskMonitor monitor, boolean logEach)
            throws ImportException, SQLException {
        long[] sizes = jobs.stream().mapToLong(j -> sizeOf(j.file())).toArray();
        long totalBytes = Math.max(1, java.util.Arrays.stream(sizes).sum());
        List<ImportResult> results = new ArrayList<>();
        long done = 0;
        for (int i = 0; i < sizes.length; i++) {
            ImportJob job = jobs.get(i);
            TaskMonitor part = jobs.size() == 1 ? monitor
                    : new ScaledMonitor(monitor, (double) done / totalBytes, (double) sizes[i] / totalBytes);
            ImportResult r = new ImportRun(c, files, job.spec(), job.file(), part).execute();
            results.add(r);
            done += sizes[i];
            if (logEach) {
                monitor.log(r.summary());
                LOG.info("Imported {}", r.summary());
            }
        }
        return results;
    }

    private static void rollback(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private long sizeOf(Path file) {
        try {
            return files.stamp(file).size();
        } catch (Exception e) {
            return 0; // reported by the import itself
        }
    }

    /** One lock per project: new ids are max(id) + 1, so two imports must not interleave. */
    private static Object lockOf(ProjectStore store) {
        synchronized (LOCKS) {
            return LOCKS.computeIfAbsent(store, s -> new Object());
        }
    }
}
