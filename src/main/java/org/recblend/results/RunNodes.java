package org.recblend.results;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.recblend.pipeline.OutputCache;
import org.recblend.pipeline.PortData;
import org.recblend.store.ProjectStore;

/** The nodes a run recorded in {@code node_runs}, and their outputs as kept in the project's output cache. */
public final class RunNodes {
    private RunNodes() {
    }

    /** Ids of the run's nodes that finished, of one kind (null for any), in id order. */
    public static List<String> done(ProjectStore store, int runId, String kind) {
        return store.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT node_id FROM node_runs WHERE run_id = ? AND status = 'DONE'"
                    + (kind == null ? "" : " AND node_kind = ?") + " ORDER BY node_id")) {
                ps.setInt(1, runId);
                if (kind != null) {
                    ps.setString(2, kind);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    /** Node id → node kind of the run's nodes that finished, in id order. */
    public static java.util.Map<String, String> kinds(ProjectStore store, int runId) {
        return store.read(c -> {
            java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT node_id, node_kind FROM node_runs WHERE run_id = ?"
                    + " AND status = 'DONE' ORDER BY node_id")) {
                ps.setInt(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return out;
        });
    }

    /** The node's outputs in that run, if the cache still holds them under the key the run recorded. */
    public static Optional<List<PortData>> outputs(ProjectStore store, int runId, String nodeId) {
        String key = store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT cache_key FROM node_runs WHERE run_id = ? AND node_id = ?")) {
                ps.setInt(1, runId);
                ps.setString(2, nodeId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        return key == null ? Optional.empty() : new OutputCache(store).get(key);
    }
}
