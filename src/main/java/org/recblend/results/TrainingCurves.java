package org.recblend.results;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.recblend.engine.EpochRecord;
import org.recblend.store.ProjectStore;

/**
 * Reads the stored learning curves (table {@code training_curves}, written per epoch by the deep
 * training nodes) for the training dashboard. Everything it returns is small: one row per trained
 * node, one record per epoch, whatever the size of the data the model was trained on.
 */
public final class TrainingCurves {
    private final ProjectStore store;

    public TrainingCurves(ProjectStore store) {
        this.store = store;
    }

    /**
     * A training node of a run that stored a curve.
     *
     * @param validMetric the validation metric's name (e.g. "ndcg@10"), null when none was tracked
     * @param bestLoss    the lowest training loss over the epochs
     * @param bestValid   the best validation value (NaN when none; lowest for rmse/mae, else highest)
     */
    public record CurveRun(int runId, String nodeId, String nodeKind, String pipelineName, OffsetDateTime startedAt,
                           String validMetric, int epochs, double bestLoss, double bestValid) {
        /** "Run 3 · hybrid", how the dashboard names a curve. */
        public String label() {
            return "Run " + runId + " · " + nodeId;
        }
    }

    /** Every stored curve, newest run first; per run, in node id order. */
    public List<CurveRun> list() {
        return store.read(c -> {
            List<CurveRun> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT t.run_id, t.node_id, COALESCE(n.node_kind, ''), r.pipeline_name,"
                    + " r.started_at, MAX(t.valid_metric_name), COUNT(*), MIN(t.train_loss), MIN(t.valid_metric), MAX(t.valid_metric)"
                    + " FROM training_curves t JOIN runs r ON r.id = t.run_id"
                    + " LEFT JOIN node_runs n ON n.run_id = t.run_id AND n.node_id = t.node_id"
                    + " GROUP BY t.run_id, t.node_id, n.node_kind, r.pipeline_name, r.started_at"
                    + " ORDER BY t.run_id DESC, t.node_id")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String metric = rs.getString(6);
                        double low = rs.getDouble(9);
                        boolean none = rs.wasNull();
                        double high = rs.getDouble(10);
                        double best = none ? Double.NaN : lowerIsBetter(metric) ? low : high;
                        out.add(new CurveRun(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getObject(5, OffsetDateTime.class), metric, rs.getInt(7), rs.getDouble(8), best));
                    }
                }
            }
            return out;
        });
    }

    /** Whether smaller values of a validation metric are better (rating errors). */
    public static boolean lowerIsBetter(String metric) {
        return metric != null && (metric.startsWith("rmse") || metric.startsWith("mae"));
    }

    /**
     * The epochs of one node's curve in a run, in order; empty when it stored none.
     * A missing validation value reads as NaN.
     */
    public List<EpochRecord> curve(int runId, String nodeId) {
        return store.read(c -> {
            List<EpochRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT epoch, train_loss, valid_metric_name, valid_metric, seconds"
                    + " FROM training_curves WHERE run_id = ? AND node_id = ? ORDER BY epoch")) {
                ps.setInt(1, runId);
                ps.setString(2, nodeId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        double loss = rs.getDouble(2);
                        if (rs.wasNull()) {
                            loss = Double.NaN;
                        }
                        double valid = rs.getDouble(4);
                        if (rs.wasNull()) {
                            valid = Double.NaN;
                        }
                        out.add(new EpochRecord(rs.getInt(1), loss, rs.getString(3), valid, rs.getDouble(5)));
                    }
                }
            }
            return out;
        });
    }
}
