package org.recblend.nodes.train;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.OptionalInt;
import org.recblend.engine.model.Fusion;
import org.recblend.engine.model.SourceContribution;
import org.recblend.pipeline.ExecutionContext;
import org.recblend.store.ProjectStore;

/**
 * Writes what every feature source contributed to a Hybrid run into the run's {@code metrics}
 * rows, segment = the side ("item" or "user"):
 * <ul>
 * <li>{@code contribution:SOURCE}: the source's share of the norm of the fused feature vectors;</li>
 * <li>{@code variance-share:SOURCE}: its share of the score variance;</li>
 * <li>{@code gate:SOURCE}, {@code attention:SOURCE} or {@code weight:SOURCE}: its learned gate, mean
 * attention weight or fixed weight (concatenation: weight 1);</li>
 * <li>with ablation, {@code ablation:all} (segment "all") and {@code ablation:without:SOURCE}: NDCG@10
 * (k = 10) with all sources and without that one.</li>
 * </ul>
 * Nothing is written when the node runs outside a recorded run.
 */
final class ContributionMetrics {
    static final String CONTRIBUTION = "contribution:";
    static final String VARIANCE = "variance-share:";
    static final String ABLATION_ALL = "ablation:all";
    static final String ABLATION_WITHOUT = "ablation:without:";

    private final ProjectStore store;
    private final OptionalInt runId;
    private final String nodeId;

    ContributionMetrics(ExecutionContext ctx) {
        this.store = ctx.store();
        this.runId = ctx.runId();
        this.nodeId = ctx.nodeId();
    }

    /** One ablation result. */
    record Ablation(String side, String source, double ndcgWithout) {
    }

    static String coefficientName(Fusion.Mode mode) {
        return switch (mode) {
            case GATED -> "gate";
            case ATTENTION -> "attention";
            default -> "weight";
        };
    }

    void saveContributions(List<SourceContribution> contributions) {
        if (store == null || runId.isEmpty() || contributions.isEmpty()) {
            return;
        }
        store.inTransaction(c -> {
            try (PreparedStatement ps = insert(c)) {
                for (SourceContribution s : contributions) {
                    add(ps, CONTRIBUTION + s.source(), null, s.side(), s.normShare());
                    add(ps, VARIANCE + s.source(), null, s.side(), s.varianceShare());
                    add(ps, coefficientName(s.mode()) + ":" + s.source(), null, s.side(), s.coefficient());
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    void saveAblation(double all, List<Ablation> results) {
        if (store == null || runId.isEmpty()) {
            return;
        }
        store.inTransaction(c -> {
            try (PreparedStatement ps = insert(c)) {
                add(ps, ABLATION_ALL, 10, "all", all);
                for (Ablation a : results) {
                    add(ps, ABLATION_WITHOUT + a.source(), 10, a.side(), a.ndcgWithout());
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    private static PreparedStatement insert(java.sql.Connection c) throws java.sql.SQLException {
        return c.prepareStatement("INSERT INTO metrics (run_id, node_id, name, k, segment, metric_value) VALUES (?, ?, ?, ?, ?, ?)");
    }

    private void add(PreparedStatement ps, String name, Integer k, String segment, double value) throws java.sql.SQLException {
        ps.setInt(1, runId.getAsInt());
        ps.setString(2, nodeId);
        ps.setString(3, name.length() > 100 ? name.substring(0, 100) : name);
        if (k == null) {
            ps.setNull(4, java.sql.Types.INTEGER);
        } else {
            ps.setInt(4, k);
        }
        ps.setString(5, segment);
        ps.setDouble(6, Double.isFinite(value) ? value : 0);
        ps.addBatch();
    }
}
