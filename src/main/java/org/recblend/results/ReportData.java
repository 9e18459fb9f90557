package org.recblend.results;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.recblend.engine.eval.MetricNames;
import org.recblend.engine.eval.MetricValue;
import org.recblend.nodes.evaluate.EvaluateModel;
import org.recblend.nodes.evaluate.MetricsRepository;
import org.recblend.pipeline.RunRecord;
import org.recblend.pipeline.RunRepository;
import org.recblend.store.ProjectStore;

/**
 * What a report of one run, or a comparison of two, shows, read from the project store: each run's
 * record, the figures of its evaluate nodes (segment "all"), the learning curve of each trained
 * model, and for two runs a paired comparison of NDCG@10 user by user when both kept per-user
 * values. Nodes whose outputs came from the cache report the figures of the run that computed them.
 */
public record ReportData(List<RunReport> runs, Optional<PairedComparison> comparison) {
    /** The metric a two-run report compares user by user. */
    public static final String PAIRED_METRIC = MetricNames.NDCG;
    public static final int PAIRED_K = 10;

    /** One evaluate node's figures in a run. */
    public record Evaluation(String nodeId, List<MetricValue> metrics) {
        /** The value of a metric at k (k null for metrics without a cut-off), if evaluated. */
        public Optional<Double> value(String name, Integer k) {
            return metrics.stream().filter(m -> m.name().equals(name) && java.util.Objects.equals(m.k(), k))
                    .map(MetricValue::value).findFirst();
        }
    }

    /** One epoch of a trained model's curve; a missing figure is NaN. */
    public record CurvePoint(int epoch, double trainLoss, double validMetric, String validMetricName) {
    }

    /** A run: its record, evaluations and learning curves (train node id → epochs). */
    public record RunReport(RunRecord run, List<Evaluation> evaluations, Map<String, List<CurvePoint>> curves) {
        /** "Hybrid gated · run 3". */
        public String label() {
            return run.pipelineName() + " · run " + run.id();
        }

        /** The run's wall-clock time, or empty while it has not finished. */
        public Optional<Duration> duration() {
            return run.finishedAt() == null ? Optional.empty() : Optional.of(Duration.between(run.startedAt(), run.finishedAt()));
        }
    }

    /**
     * Two runs compared user by user.
     *
     * @param gainShare share of paired users for whom B scores higher than A
     * @param lossShare share for whom B scores lower
     */
    public record PairedComparison(String labelA, String labelB, MetricsRepository.Comparison test, double gainShare,
                                   double lossShare) {
    }

    /**
     * Reads the runs in the order given.
     *
     * @throws IllegalArgumentException when a run id is unknown or the list is empty
     */
    public static ReportData load(ProjectStore store, List<Integer> runIds) {
        if (runIds == null || runIds.isEmpty()) {
            throw new IllegalArgumentException("Choose one run, or two to compare");
        }
        RunRepository repo = new RunRepository(store);
        MetricsRepository metrics = new MetricsRepository(store);
        List<RunReport> runs = new ArrayList<>();
        for (int id : runIds) {
            RunRecord record = repo.find(id).orElseThrow(() -> new IllegalArgumentException("The project has no run " + id));
            List<Evaluation> evaluations = new ArrayList<>();
            Map<String, List<CurvePoint>> curves = new LinkedHashMap<>();
            for (String[] node : nodes(store, id)) {
                if (EvaluateModel.ID.equals(node[1])) {
                    List<MetricValue> all = metrics.load(id, node[0]).stream().filter(m -> MetricNames.ALL.equals(m.segment())).toList();
                    if (!all.isEmpty()) {
                        evaluations.add(new Evaluation(node[0], all));
                    }
                } else if (node[1].startsWith("train.")) {
                    List<CurvePoint> curve = curve(store, id, node[0]);
                    if (!curve.isEmpty()) {
                        curves.put(node[0], curve);
                    }
                }
            }
            runs.add(new RunReport(record, evaluations, curves));
        }
        Optional<PairedComparison> comparison = runs.size() == 2 ? compare(metrics, runs.get(0), runs.get(1)) : Optional.empty();
        return new ReportData(List.copyOf(runs), comparison);
    }

    /** (node id, node kind) of the run's nodes that finished. */
    private static List<String[]> nodes(ProjectStore store, int runId) {
        return store.read(c -> {
            List<String[]> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT node_id, node_kind FROM node_runs WHERE run_id = ? AND status = 'DONE'"
                    + " ORDER BY node_id")) {
                ps.setInt(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
            }
            return out;
        });
    }

    /** The node's curve in this run, or that of the latest run that executed the same cached node. */
    static List<CurvePoint> curve(ProjectStore store, int runId, String nodeId) {
        return store.read(c -> {
            int[] source = {runId};
            String[] node = {nodeId};
            try (PreparedStatement ps = c.prepareStatement("SELECT n2.run_id, n2.node_id FROM node_runs n1 JOIN node_runs n2"
                    + " ON n2.cache_key = n1.cache_key AND n2.executed AND n2.status = 'DONE' WHERE n1.run_id = ? AND n1.node_id = ?"
                    + " AND NOT n1.executed AND EXISTS (SELECT 1 FROM training_curves t WHERE t.run_id = n2.run_id AND t.node_id = n2.node_id)"
                    + " ORDER BY n2.run_id DESC LIMIT 1")) {
                ps.setInt(1, runId);
                ps.setString(2, nodeId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        source[0] = rs.getInt(1);
                        node[0] = rs.getString(2);
                    }
                }
            }
            List<CurvePoint> points = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT epoch, train_loss, valid_metric, valid_metric_name FROM training_curves"
                    + " WHERE run_id = ? AND node_id = ? ORDER BY epoch")) {
                ps.setInt(1, source[0]);
                ps.setString(2, node[0]);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        double loss = rs.getDouble(2);
                        loss = rs.wasNull() ? Double.NaN : loss;
                        double valid = rs.getDouble(3);
                        valid = rs.wasNull() ? Double.NaN : valid;
                        points.add(new CurvePoint(rs.getInt(1), loss, valid, rs.getString(4)));
                    }
                }
            }
            return points;
        });
    }

    private static Optional<PairedComparison> compare(MetricsRepository metrics, RunReport a, RunReport b) {
        if (a.evaluations().isEmpty() || b.evaluations().isEmpty()) {
            return Optional.empty();
        }
        String nodeA = a.evaluations().get(0).nodeId();
        String nodeB = b.evaluations().get(0).nodeId();
        Map<String, Double> perA = metrics.perUser(a.run().id(), nodeA, PAIRED_METRIC, PAIRED_K);
        Map<String, Double> perB = metrics.perUser(b.run().id(), nodeB, PAIRED_METRIC, PAIRED_K);
        if (perA.isEmpty() || perB.isEmpty()) {
            return Optional.empty();
        }
        MetricsRepository.Comparison test = metrics.compare(a.run().id(), nodeA, b.run().id(), nodeB, PAIRED_METRIC, PAIRED_K);
        int gain = 0;
        int loss = 0;
        int pairs = 0;
        for (Map.Entry<String, Double> e : perA.entrySet()) {
            Double other = perB.get(e.getKey());
            if (other == null) {
                continue;
            }
            pairs++;
            gain += other > e.getValue() ? 1 : 0;
            loss += other < e.getValue() ? 1 : 0;
        }
        return Optional.of(new PairedComparison(a.label(), b.label(), test, pairs == 0 ? 0 : gain / (double) pairs,
                pairs == 0 ? 0 : loss / (double) pairs));
    }
}
