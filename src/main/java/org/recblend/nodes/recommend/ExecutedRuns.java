package org.recblend.nodes.recommend;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.recblend.store.ProjectStore;

/**
 * Where the stored results of a node in a run live. A node whose outputs came from the cache did not
 * execute in that run, so it stored nothing there: its results are those of the latest run that
 * executed a node with the same cache key (same kind, settings and inputs), found via
 * {@code node_runs}.
 */
public final class ExecutedRuns {
    /** A run and the node id under which it stored results. */
    public record RunNode(int runId, String nodeId) {
    }

    private ExecutedRuns() {
    }

    /**
     * The run and node that stored the results of {@code nodeId} in {@code runId}, given the table
     * the results are in ({@code metrics} or {@code recommendations}).
     */
    public static Optional<RunNode> resolve(ProjectStore store, String table, int runId, String nodeId) {
        if (!table.equals("metrics") && !table.equals("recommendations")) {
            throw new IllegalArgumentException("Unknown results table " + table);
        }
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + table + " WHERE run_id = ? AND node_id = ? LIMIT 1")) {
                ps.setInt(1, runId);
                ps.setString(2, nodeId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return Optional.of(new RunNode(runId, nodeId));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT n2.run_id, n2.node_id FROM node_runs n1"
                    + " JOIN node_runs n2 ON n2.cache_key = n1.cache_key AND n2.executed AND n2.status = 'DONE'"
                    + " WHERE n1.run_id = ? AND n1.node_id = ? AND n1.cache_key IS NOT NULL"
                    + " AND EXISTS (SELECT 1 FROM " + table + " t WHERE t.run_id = n2.run_id AND t.node_id = n2.node_id)"
                    + " ORDER BY n2.run_id DESC LIMIT 1")) {
                ps.setInt(1, runId);
                ps.setString(2, nodeId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new RunNode(rs.getInt(1), rs.getString(2))) : Optional.empty();
                }
            }
        });
    }
}
