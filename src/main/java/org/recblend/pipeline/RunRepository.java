package org.recblend.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.recblend.store.ProjectStore;

/** Reads and writes run records ({@code runs}, {@code node_runs}). Each write commits on its own. */
public final class RunRepository {
    private static final int MESSAGE_MAX = 4000;

    private final ProjectStore store;

    public RunRepository(ProjectStore store) {
        this.store = store;
    }

    /** Inserts a RUNNING run and returns its id. */
    int start(String pipelineName, String graphJson, Long seed, OffsetDateTime startedAt) {
        return store.inTransaction(c -> {
            Integer pipelineId = pipelineId(c, pipelineName);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO runs (pipeline_id, pipeline_name, graph_json, seed,"
                    + " status, started_at) VALUES (?, ?, ?, ?, ?, ?)", new String[] {"ID"})) {
                if (pipelineId == null) {
                    ps.setNull(1, Types.INTEGER);
                } else {
                    ps.setInt(1, pipelineId);
                }
                ps.setString(2, pipelineName);
                ps.setString(3, graphJson);
                if (seed == null) {
                    ps.setNull(4, Types.BIGINT);
                } else {
                    ps.setLong(4, seed);
                }
                ps.setString(5, RunStatus.RUNNING.name());
                ps.setObject(6, startedAt);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getInt(1);
                }
            }
        });
    }

    private static Integer pipelineId(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM pipelines WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : null;
            }
        }
    }

    void recordNode(int runId, NodeRunResult r, String settingsJson) {
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO node_runs (run_id, node_id, node_kind, cache_key,"
                    + " status, executed, started_at, millis, message, settings_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setInt(1, runId);
                ps.setString(2, r.nodeId());
                ps.setString(3, r.kindId());
                ps.setString(4, r.cacheKey());
                ps.setString(5, r.status().name());
                ps.setBoolean(6, r.executed());
                ps.setObject(7, r.startedAt());
                ps.setLong(8, r.millis());
                ps.setString(9, clip(r.message()));
                ps.setString(10, settingsJson);
                return ps.executeUpdate();
            }
        });
    }

    void finish(int runId, RunStatus status, String message, String log, OffsetDateTime finishedAt) {
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE runs SET status = ?, finished_at = ?, message = ?, log = ? WHERE id = ?")) {
                ps.setString(1, status.name());
                ps.setObject(2, finishedAt);
                ps.setString(3, clip(message));
                ps.setString(4, log);
                ps.setInt(5, runId);
                return ps.executeUpdate();
            }
        });
    }

    private static String clip(String s) {
        return s == null || s.length() <= MESSAGE_MAX ? s : s.substring(0, MESSAGE_MAX - 1) + "…";
    }

    public Optional<RunRecord> find(int runId) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(RUN_COLUMNS + " WHERE id = ?")) {
                ps.setInt(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(run(rs)) : Optional.<RunRecord>empty();
                }
            }
        });
    }

    /** The runs of a pipeline, newest first. */
    public List<RunRecord> list(String pipelineName) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(RUN_COLUMNS + " WHERE pipeline_name = ? ORDER BY id DESC")) {
                ps.setString(1, pipelineName);
                List<RunRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(run(rs));
                    }
                }
                return out;
            }
        });
    }

    /** The node rows of a run, in the order the nodes ran. */
    public List<NodeRunRecord> nodeRuns(int runId) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT run_id, node_id, node_kind, cache_key, status, executed,"
                    + " started_at, millis, message, settings_json FROM node_runs WHERE run_id = ? ORDER BY started_at, node_id")) {
                ps.setInt(1, runId);
                List<NodeRunRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long millis = rs.getLong(8);
                        out.add(new NodeRunRecord(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                NodeRunStatus.valueOf(rs.getString(5)), rs.getBoolean(6), rs.getObject(7, OffsetDateTime.class),
                                rs.wasNull() ? null : millis, rs.getString(9), rs.getString(10)));
                    }
                }
                return out;
            }
        });
    }

    /** The cache key of the node's last DONE result in a run of this pipeline, if any. */
    Optional<String> lastDoneKey(String pipelineName, String nodeId) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT nr.cache_key FROM node_runs nr JOIN runs r ON nr.run_id = r.id"
                    + " WHERE r.pipeline_name = ? AND nr.node_id = ? AND nr.status = 'DONE' ORDER BY r.id DESC LIMIT 1")) {
                ps.setString(1, pipelineName);
                ps.setString(2, nodeId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    private static final String RUN_COLUMNS = "SELECT id, pipeline_name, seed, status, started_at, finished_at, message, log,"
            + " graph_json FROM runs";

    private static RunRecord run(ResultSet rs) throws SQLException {
        long seed = rs.getLong(3);
        Long seedOrNull = rs.wasNull() ? null : seed;
        return new RunRecord(rs.getInt(1), rs.getString(2), seedOrNull, RunStatus.valueOf(rs.getString(4)),
                rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class), rs.getString(7),
                rs.getString(8), rs.getString(9));
    }
}
