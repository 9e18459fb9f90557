package org.recblend.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.recblend.engine.eval.MetricValue;
import org.recblend.engine.eval.WilcoxonSignedRank;
import org.recblend.nodes.evaluate.EvaluateModel;
import org.recblend.nodes.evaluate.MetricsRepository;
import org.recblend.nodes.recommend.ExecutedRuns;
import org.recblend.store.ProjectStore;

/**
 * Reads stored evaluations for the evaluation dashboard: which evaluate nodes of which runs have
 * figures, the protocol each used (read from the run's pipeline graph), the figures, the K curves,
 * a paired comparison of two evaluations and a run's fusion ablation. Each method returns small,
 * aggregated data (per-user values are reduced here), so a dashboard hands the JavaFX thread
 * nothing that grows with the number of users.
 */
public final class EvaluationRuns {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProjectStore store;
    private final MetricsRepository metrics;

    public EvaluationRuns(ProjectStore store) {
        this.store = store;
        this.metrics = new MetricsRepository(store);
    }

    /**
     * How an evaluation was made.
     *
     * @param split       the split node's kind and settings, e.g. "random split (testShare 0.2, …)"
     * @param target      the part of the split whose items are relevant ("TEST" or "VALIDATION")
     * @param ks          the cut-offs stored
     * @param excludeSeen whether training items were left out of the rankings
     * @param perUser     whether per-user values were stored (needed for a paired comparison)
     */
    public record Protocol(String split, String target, List<Integer> ks, boolean excludeSeen, boolean perUser) {
        /** The candidate set in words. */
        public String candidates() {
            return excludeSeen ? "all items except the user's training items" : "all items";
        }

        /** One line for a table cell or a tooltip. */
        public String summary() {
            return split + "; on " + target.toLowerCase(Locale.ROOT) + "; K = "
                    + String.join(", ", ks.stream().map(String::valueOf).toList()) + "; candidates: " + candidates();
        }
    }

    /**
     * An evaluate node of a run with stored figures.
     *
     * @param modelNode the node whose model it evaluated ("" when the graph does not say)
     * @param modelKind that node's kind, e.g. "train.bpr"
     */
    public record Evaluation(int runId, String nodeId, String pipelineName, OffsetDateTime startedAt, String modelNode,
                             String modelKind, Protocol protocol) {
        /** "Run 2 · bpr", how the dashboard names an evaluation (the model rather than the evaluate node). */
        public String label() {
            return "Run " + runId + " · " + (modelNode.isEmpty() ? nodeId : modelNode);
        }
    }

    /** Every evaluate node that finished in a run and has figures (its own or its cache source's), newest run first. */
    public List<Evaluation> list() {
        record Row(int runId, String nodeId, String pipeline, OffsetDateTime started, String graph, String settings) {
        }
        List<Row> rows = store.read(c -> {
            List<Row> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT n.run_id, n.node_id, r.pipeline_name, r.started_at, r.graph_json,"
                    + " n.settings_json FROM node_runs n JOIN runs r ON r.id = n.run_id WHERE n.node_kind = ? AND n.status = 'DONE'"
                    + " ORDER BY n.run_id DESC, n.node_id")) {
                ps.setString(1, EvaluateModel.ID);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Row(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class),
                                rs.getString(5), rs.getString(6)));
                    }
                }
            }
            return out;
        });
        List<Evaluation> out = new ArrayList<>();
        for (Row r : rows) {
            if (ExecutedRuns.resolve(store, "metrics", r.runId(), r.nodeId()).isEmpty()) {
                continue; // finished outside a recorded evaluation (nothing stored)
            }
            JsonNode graph = parse(r.graph());
            JsonNode settings = r.settings() == null ? node(graph, r.nodeId()).path("settings") : parse(r.settings());
            String modelNode = upstream(graph, r.nodeId(), "model");
            String splitNode = upstream(graph, r.nodeId(), "split");
            out.add(new Evaluation(r.runId(), r.nodeId(), r.pipeline(), r.started(), modelNode,
                    node(graph, modelNode).path("kind").asText(""), protocol(settings, node(graph, splitNode))));
        }
        return out;
    }

    private static Protocol protocol(JsonNode settings, JsonNode split) {
        List<Integer> ks = new ArrayList<>();
        settings.path("ks").forEach(k -> ks.add(k.asInt()));
        return new Protocol(describeSplit(split), settings.path("target").asText("TEST"), ks,
                settings.path("excludeSeen").asBoolean(true), settings.path("perUser").asBoolean(false));
    }

    /** "random split (testShare 0.2, validationShare 0.1, seed 42)" from the split node's kind and settings. */
    static String describeSplit(JsonNode split) {
        String kind = split.path("kind").asText("");
        if (kind.isEmpty()) {
            return "split unknown";
        }
        String name = kind.startsWith("preprocess.split.") ? kind.substring("preprocess.split.".length()) + " split" : kind;
        List<String> parts = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = split.path("settings").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (f.getValue().isValueNode()) {
                parts.add(f.getKey() + " " + f.getValue().asText());
            }
        }
        return parts.isEmpty() ? name : name + " (" + String.join(", ", parts) + ")";
    }

    private static JsonNode parse(String json) {
        try {
            return json == null ? JSON.createObjectNode() : JSON.readTree(json);
        } catch (java.io.IOException e) {
            return JSON.createObjectNode(); // a damaged graph only loses the protocol, not the figures
        }
    }

    private static JsonNode node(JsonNode graph, String id) {
        for (JsonNode n : graph.path("nodes")) {
            if (n.path("id").asText().equals(id)) {
                return n;
            }
        }
        return JSON.createObjectNode();
    }

    private static String upstream(JsonNode graph, String nodeId, String port) {
        for (JsonNode c : graph.path("connections")) {
            if (c.path("to").asText().equals(nodeId) && c.path("toPort").asText().equals(port)) {
                return c.path("from").asText("");
            }
        }
        return "";
    }

    /** The figures of an evaluation (every segment, no per-user rows, no curves). */
    public List<MetricValue> metrics(Evaluation e) {
        return metrics.load(e.runId(), e.nodeId());
    }

    /** The stored curve of "ndcg" or "recall" over K = 1, 2, … (index K − 1); empty for evaluations stored before curves. */
    public double[] curve(Evaluation e, String name) {
        return metrics.curve(e.runId(), e.nodeId(), name);
    }

    /**
     * A paired comparison of two evaluations on a per-user metric.
     *
     * @param users    the users both evaluated
     * @param gainShare share of those users for whom A is better than B
     * @param lossShare share for whom A is worse
     * @param test     the Wilcoxon signed-rank test of A against B (z &gt; 0 when A tends to be better)
     */
    public record Paired(String metric, int users, double meanA, double meanB, double gainShare, double lossShare,
                         WilcoxonSignedRank.Result test) {
        /** Share of paired users with the same value in both. */
        public double tieShare() {
            return users == 0 ? 0 : 1 - gainShare - lossShare;
        }
    }

    /**
     * Compares A with B user by user on a metric (e.g. "ndcg", 10; k ≤ 0 for AUC).
     *
     * @throws IllegalArgumentException when either evaluation kept no per-user values of it
     */
    public Paired compare(Evaluation a, Evaluation b, String name, int k) {
        MetricsRepository.Comparison c = metrics.compare(a.runId(), a.nodeId(), b.runId(), b.nodeId(), name, k);
        Map<String, Double> x = metrics.perUser(a.runId(), a.nodeId(), name, k);
        Map<String, Double> y = metrics.perUser(b.runId(), b.nodeId(), name, k);
        int gain = 0;
        int loss = 0;
        int n = 0;
        for (Map.Entry<String, Double> e : x.entrySet()) {
            Double other = y.get(e.getKey());
            if (other == null) {
                continue;
            }
            n++;
            gain += e.getValue() > other ? 1 : 0;
            loss += e.getValue() < other ? 1 : 0;
        }
        if (n == 0) {
            throw new IllegalArgumentException(a.label() + " and " + b.label() + " evaluated no user in common;"
                    + " compare evaluations on the same data");
        }
        return new Paired(c.metric(), n, c.meanA(), c.meanB(), gain / (double) n, loss / (double) n, c.test());
    }

    /**
     * The fusion ablation of a hybrid training node: NDCG@10 with all sources, and without each.
     *
     * @param side "item" or "user"
     */
    public record AblationRow(String side, String source, double ndcgWithout, double ndcgAll) {
        /** How much NDCG@10 drops when the source is left out (positive: the source helps). */
        public double drop() {
            return ndcgAll - ndcgWithout;
        }
    }

    /** A source's measured share of a hybrid's fused features and scores. */
    public record Contribution(String side, String source, double normShare, double varianceShare) {
    }

    /** What a run's hybrid nodes stored about their sources: ablation and contributions. */
    public record Fusion(int runId, String nodeId, List<AblationRow> ablation, List<Contribution> contributions) {
    }

    /** The fusion figures of every hybrid node of a run that stored any; empty when none did. */
    public List<Fusion> fusion(int runId) {
        List<String> nodes = store.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT node_id FROM node_runs WHERE run_id = ? AND status = 'DONE'"
                    + " AND node_kind = 'train.hybrid' ORDER BY node_id")) {
                ps.setInt(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
        List<Fusion> out = new ArrayList<>();
        for (String node : nodes) {
            var source = ExecutedRuns.resolve(store, "metrics", runId, node);
            if (source.isEmpty()) {
                continue;
            }
            out.add(readFusion(runId, node, source.get()));
        }
        return out;
    }

    private Fusion readFusion(int runId, String node, ExecutedRuns.RunNode source) {
        record Fig(String name, String segment, double value) {
        }
        List<Fig> figs = store.read(c -> {
            List<Fig> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name, segment, metric_value FROM metrics WHERE run_id = ?"
                    + " AND node_id = ? AND (name LIKE 'ablation:%' OR name LIKE 'contribution:%' OR name LIKE 'variance-share:%')"
                    + " ORDER BY segment, name")) {
                ps.setInt(1, source.runId());
                ps.setString(2, source.nodeId());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Fig(rs.getString(1), rs.getString(2), rs.getDouble(3)));
                    }
                }
            }
            return out;
        });
        double all = figs.stream().filter(f -> f.name().equals("ablation:all")).mapToDouble(Fig::value).findFirst().orElse(Double.NaN);
        List<AblationRow> ablation = new ArrayList<>();
        List<Contribution> contributions = new ArrayList<>();
        for (Fig f : figs) {
            if (f.name().startsWith("ablation:without:")) {
                ablation.add(new AblationRow(f.segment(), f.name().substring("ablation:without:".length()), f.value(), all));
            } else if (f.name().startsWith("contribution:")) {
                String src = f.name().substring("contribution:".length());
                double variance = figs.stream().filter(g -> g.name().equals("variance-share:" + src) && g.segment().equals(f.segment()))
                        .mapToDouble(Fig::value).findFirst().orElse(Double.NaN);
                contributions.add(new Contribution(f.segment(), src, f.value(), variance));
            }
        }
        return new Fusion(runId, node, ablation, contributions);
    }
}
