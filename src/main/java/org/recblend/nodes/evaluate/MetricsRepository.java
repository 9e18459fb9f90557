package org.recblend.nodes.evaluate;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.recblend.engine.eval.EvaluationResult;
import org.recblend.engine.eval.MetricValue;
import org.recblend.engine.eval.WilcoxonSignedRank;
import org.recblend.nodes.recommend.ExecutedRuns;
import org.recblend.nodes.recommend.ExecutedRuns.RunNode;
import org.recblend.store.ProjectStore;
import org.recblend.task.TaskMonitor;

/**
 * Stores evaluation figures in table {@code metrics} and compares stored runs. Every figure is one
 * row (name, k, segment, value). Per-user values are rows too, under the segment
 * {@code user:<external user id>} with the metric's name and K (AUC with no K), so two runs can be
 * compared user by user later without keeping any file beside the project.
 */
public final class MetricsRepository {
    /** The segment prefix of per-user rows. */
    public static final String USER_PREFIX = "user:";
    /**
     * The segment of the mean NDCG and recall at every K = 1…50 (rows name, k, value), kept apart
     * from the figures at the chosen cut-offs so tables of figures do not list fifty rows.
     */
    public static final String CURVE_SEGMENT = "curve:all";
    private static final int BATCH = 10_000;

    private final ProjectStore store;

    public MetricsRepository(ProjectStore store) {
        this.store = store;
    }

    /**
     * Replaces the figures of one node of one run in one transaction (a cancel or failure leaves the
     * table as it was).
     *
     * @param perUser whether to store the per-user values as well
     */
    public void save(int runId, String nodeId, EvaluationResult result, boolean perUser, TaskMonitor monitor) {
        store.inTransaction(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM metrics WHERE run_id = ? AND node_id = ?")) {
                del.setInt(1, runId);
                del.setString(2, nodeId);
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO metrics (run_id, node_id, name, k, segment, metric_value) VALUES (?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                for (MetricValue m : result.metrics()) {
                    if (!Double.isNaN(m.value())) {
                        add(ps, runId, nodeId, m.name(), m.k(), m.segment(), m.value());
                        n++;
                    }
                }
                for (String name : result.curveNames()) {
                    double[] curve = result.curve(name);
                    for (int k = 1; k <= curve.length; k++) {
                        if (!Double.isNaN(curve[k - 1])) {
                            add(ps, runId, nodeId, name, k, CURVE_SEGMENT, curve[k - 1]);
                        }
                    }
                }
                if (perUser) {
                    for (String key : result.perUserKeys()) {
                        int at = key.indexOf('@');
                        String name = at < 0 ? key : key.substring(0, at);
                        Integer k = at < 0 ? null : Integer.valueOf(key.substring(at + 1));
                        double[] values = result.perUser(key);
                        for (int u = 0; u < values.length; u++) {
                            if (!Double.isNaN(values[u])) {
                                add(ps, runId, nodeId, name, k, USER_PREFIX + result.users().id(u), values[u]);
                                if (++n % BATCH == 0) {
                                    ps.executeBatch();
                                    monitor.checkCancelled();
                                }
                            }
                        }
                    }
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    private static void add(PreparedStatement ps, int runId, String nodeId, String name, Integer k, String segment, double value)
            throws java.sql.SQLException {
        ps.setInt(1, runId);
        ps.setString(2, nodeId);
        ps.setString(3, name);
        if (k == null) {
            ps.setNull(4, Types.INTEGER);
        } else {
            ps.setInt(4, k);
        }
        ps.setString(5, segment);
        ps.setDouble(6, value);
        ps.addBatch();
    }

    /**
     * The figures (all segments except per-user rows) of an evaluate node in a run; when the node's
     * outputs came from the cache in that run, those of the run that computed them.
     */
    public List<MetricValue> load(int runId, String nodeId) {
        RunNode source = ExecutedRuns.resolve(store, "metrics", runId, nodeId).orElse(null);
        if (source == null) {
            return List.of();
        }
        return store.read(c -> {
            List<MetricValue> list = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name, k, segment, metric_value FROM metrics"
                    + " WHERE run_id = ? AND node_id = ? AND segment NOT LIKE 'user:%' AND segment NOT LIKE 'curve:%' ORDER BY CASE WHEN segment = 'all' THEN 0"
                    + " ELSE 1 END, segment, name, k")) {
                ps.setInt(1, source.runId());
                ps.setString(2, source.nodeId());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int k = rs.getInt(2);
                        Integer kOrNull = rs.wasNull() ? null : k; // asked right after the K column, not after the name
                        list.add(new MetricValue(rs.getString(1), kOrNull, rs.getString(3), rs.getDouble(4)));
                    }
                }
            }
            return list;
        });
    }

    /**
     * The stored curve of a metric ("ndcg" or "recall") over K = 1, 2, … (index K − 1) of an
     * evaluate node in a run; empty when the evaluation stored none (it ran before curves were kept).
     */
    public double[] curve(int runId, String nodeId, String name) {
        RunNode source = ExecutedRuns.resolve(store, "metrics", runId, nodeId).orElse(null);
        if (source == null) {
            return new double[0];
        }
        return store.read(c -> {
            List<Double> values = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT k, metric_value FROM metrics WHERE run_id = ? AND node_id = ?"
                    + " AND name = ? AND segment = ? ORDER BY k")) {
                ps.setInt(1, source.runId());
                ps.setString(2, source.nodeId());
                ps.setString(3, name);
                ps.setString(4, CURVE_SEGMENT);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getInt(1) != values.size() + 1) {
                            break; // a gap (a NaN left out): the curve stops there
                        }
                        values.add(rs.getDouble(2));
                    }
                }
            }
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        });
    }

    /**
     * Per-user values of one metric (e.g. "ndcg", 10; k ≤ 0 for AUC) of an evaluate node in a run,
     * keyed by external user id.
     */
    public Map<String, Double> perUser(int runId, String nodeId, String name, int k) {
        RunNode source = ExecutedRuns.resolve(store, "metrics", runId, nodeId).orElseThrow(() ->
                new IllegalArgumentException("Run " + runId + " has no stored metrics of node " + nodeId));
        return store.read(c -> {
            Map<String, Double> values = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT segment, metric_value FROM metrics WHERE run_id = ?"
                    + " AND node_id = ? AND name = ? AND " + (k > 0 ? "k = ?" : "k IS NULL") + " AND segment LIKE 'user:%'")) {
                ps.setInt(1, source.runId());
                ps.setString(2, source.nodeId());
                ps.setString(3, name);
                if (k > 0) {
                    ps.setInt(4, k);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        values.put(rs.getString(1).substring(USER_PREFIX.length()), rs.getDouble(2));
                    }
                }
            }
            return values;
        });
    }

    /**
     * A paired comparison of two stored evaluations over the users both evaluated.
     *
     * @param meanA  mean of A over the paired users
     * @param meanB  mean of B over the paired users
     * @param test   the Wilcoxon signed-rank test of A against B (z &gt; 0 when A tends to be better)
     */
    public record Comparison(String metric, int users, double meanA, double meanB, WilcoxonSignedRank.Result test) {
    }

    /**
     * Compares a metric (default use: "ndcg", 10) of two stored runs user by user.
     *
     * @throws IllegalArgumentException when either run has no per-user values of that metric
     */
    public Comparison compare(int runA, String nodeA, int runB, String nodeB, String name, int k) {
        Map<String, Double> a = perUser(runA, nodeA, name, k);
        Map<String, Double> b = perUser(runB, nodeB, name, k);
        String label = k > 0 ? name + "@" + k : name;
        if (a.isEmpty() || b.isEmpty()) {
            throw new IllegalArgumentException("No per-user values of " + label + " stored for run " + (a.isEmpty() ? runA : runB)
                    + "; evaluate with per-user values kept");
        }
        List<double[]> pairs = new ArrayList<>();
        for (Map.Entry<String, Double> e : a.entrySet()) {
            Double other = b.get(e.getKey());
            if (other != null) {
                pairs.add(new double[] {e.getValue(), other});
            }
        }
        double[] x = new double[pairs.size()];
        double[] y = new double[pairs.size()];
        double sa = 0;
        double sb = 0;
        for (int i = 0; i < x.length; i++) {
            x[i] = pairs.get(i)[0];
            y[i] = pairs.get(i)[1];
            sa += x[i];
            sb += y[i];
        }
        return new Comparison(label, x.length, sa / Math.max(1, x.length), sb / Math.max(1, x.length),
                WilcoxonSignedRank.test(x, y));
    }
}
