package org.recblend.nodes.recommend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.apache.commons.csv.CSVPrinter;
import org.recblend.engine.recommend.Recommendations;
import org.recblend.engine.recommend.RecommendationsCsv;
import org.recblend.store.ProjectStore;
import org.recblend.task.TaskMonitor;

/**
 * Stores recommendation lists in table {@code recommendations} (database user and item ids, rank
 * from 1) and exports stored lists as CSV with external ids.
 */
public final class RecommendationRepository {
    private static final int BATCH = 10_000;

    private final ProjectStore store;

    public RecommendationRepository(ProjectStore store) {
        this.store = store;
    }

    /**
     * Replaces the lists of one node of one run, in one transaction: a cancel or a failure leaves
     * the table as it was.
     */
    public void save(int runId, String nodeId, Recommendations recs, TaskMonitor monitor) {
        StoredIds ids = StoredIds.resolve(store, recs.users(), recs.items());
        store.inTransaction(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM recommendations WHERE run_id = ? AND node_id = ?")) {
                del.setInt(1, runId);
                del.setString(2, nodeId);
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO recommendations (run_id, node_id, user_id, rank_no,"
                    + " item_id, score) VALUES (?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                for (int p = 0; p < recs.userCount(); p++) {
                    for (Recommendations.Entry e : recs.list(p)) {
                        ps.setInt(1, runId);
                        ps.setString(2, nodeId);
                        ps.setInt(3, ids.userIds()[e.user()]);
                        ps.setInt(4, e.rank());
                        ps.setInt(5, ids.itemIds()[e.item()]);
                        ps.setDouble(6, e.score());
                        ps.addBatch();
                        if (++n % BATCH == 0) {
                            ps.executeBatch();
                            monitor.checkCancelled();
                            monitor.progress(n / (double) recs.size(), "storing recommendations");
                        }
                    }
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Stored entries of one node of one run. */
    public int count(int runId, String nodeId) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM recommendations WHERE run_id = ? AND node_id = ?")) {
                ps.setInt(1, runId);
                ps.setString(2, nodeId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /**
     * Writes the stored lists of one node of one run as CSV ({@code user_id,rank,item_id,score} with
     * external ids), users in database id order. When the node's outputs came from the cache in that
     * run, the lists of the run that computed them are written.
     *
     * @return the rows written
     */
    public int exportCsv(int runId, String nodeId, Writer out) throws IOException {
        ExecutedRuns.RunNode source = ExecutedRuns.resolve(store, "recommendations", runId, nodeId)
                .orElse(new ExecutedRuns.RunNode(runId, nodeId));
        try {
            return store.read(c -> {
                int n = 0;
                try (PreparedStatement ps = c.prepareStatement("SELECT u.ext_id, r.rank_no, i.ext_id, r.score FROM recommendations r"
                        + " JOIN users u ON u.id = r.user_id JOIN items i ON i.id = r.item_id"
                        + " WHERE r.run_id = ? AND r.node_id = ? ORDER BY r.user_id, r.rank_no")) {
                    // not closed: the caller owns the writer
                    CSVPrinter csv = RecommendationsCsv.printer(out);
                    ps.setInt(1, source.runId());
                    ps.setString(2, source.nodeId());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            csv.printRecord(rs.getString(1), rs.getInt(2), rs.getString(3), (float) rs.getDouble(4));
                            n++;
                        }
                    }
                    csv.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return n;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
