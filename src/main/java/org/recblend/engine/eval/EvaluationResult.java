package org.recblend.engine.eval;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.recblend.domain.IdIndex;

/**
 * What an evaluation found: every figure (name, K, segment, value) and, for the per-user ranking
 * metrics of the segment "all", one value per user index (NaN for users that were not evaluated),
 * so two models can be compared user by user with {@link WilcoxonSignedRank}.
 */
public final class EvaluationResult implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<MetricValue> metrics;
    private final Map<String, double[]> perUser;
    private final IdIndex users;
    private final int evaluatedUsers;
    private final double seconds;
    /** Mean over evaluated users at K = 1, 2, … by metric name; null in results serialised before curves existed. */
    private final Map<String, double[]> curves;

    public EvaluationResult(List<MetricValue> metrics, Map<String, double[]> perUser, IdIndex users,
                            int evaluatedUsers, double seconds) {
        this(metrics, perUser, users, evaluatedUsers, seconds, Map.of());
    }

    /**
     * @param curves mean values at every K from 1 up (index K − 1) by metric name, e.g. "ndcg" and
     *               "recall" for K = 1…50, so a dashboard can draw the curve without re-ranking
     */
    public EvaluationResult(List<MetricValue> metrics, Map<String, double[]> perUser, IdIndex users,
                            int evaluatedUsers, double seconds, Map<String, double[]> curves) {
        Map<String, double[]> curveCopy = new LinkedHashMap<>();
        curves.forEach((key, values) -> curveCopy.put(key, values.clone()));
        this.curves = curveCopy;
        this.metrics = List.copyOf(metrics);
        Map<String, double[]> copy = new LinkedHashMap<>();
        perUser.forEach((key, values) -> copy.put(key, values.clone()));
        this.perUser = copy;
        this.users = Objects.requireNonNull(users, "users");
        this.evaluatedUsers = evaluatedUsers;
        this.seconds = seconds;
    }

    /** Every figure, segment "all" first. */
    public List<MetricValue> metrics() {
        return metrics;
    }

    /** The figures of one segment. */
    public List<MetricValue> metrics(String segment) {
        return metrics.stream().filter(m -> m.segment().equals(segment)).toList();
    }

    /** A figure of the segment "all"; {@code k} is ignored for metrics without a cut-off. */
    public double value(String name, int k) {
        return value(name, k, MetricNames.ALL);
    }

    /**
     * A figure; {@code k} is ignored for metrics without a cut-off.
     *
     * @throws IllegalArgumentException when there is no such figure
     */
    public double value(String name, int k, String segment) {
        return find(name, k, segment).orElseThrow(() -> new IllegalArgumentException(
                "No metric " + name + "@" + k + " in segment " + segment + " (have: " + labels() + ")"));
    }

    /** A figure, when it was computed. */
    public OptionalDouble find(String name, int k, String segment) {
        for (MetricValue m : metrics) {
            if (m.name().equals(name) && m.segment().equals(segment) && (m.k() == null || m.k() == k)) {
                return OptionalDouble.of(m.value());
            }
        }
        return OptionalDouble.empty();
    }

    private String labels() {
        List<String> l = new ArrayList<>();
        for (MetricValue m : metrics) {
            if (m.segment().equals(MetricNames.ALL)) {
                l.add(m.label());
            }
        }
        return String.join(", ", l);
    }

    /** The keys of the per-user values, e.g. "ndcg@10", "auc". */
    public List<String> perUserKeys() {
        return List.copyOf(perUser.keySet());
    }

    /**
     * One value per user index (NaN for users not evaluated) of a per-user metric; a copy.
     *
     * @param key "name@k", or the bare name for AUC
     */
    public double[] perUser(String key) {
        double[] v = perUser.get(key);
        if (v == null) {
            throw new IllegalArgumentException("No per-user values for " + key + " (have: " + perUser.keySet() + ")");
        }
        return v.clone();
    }

    /** Per-user values of a metric at a cut-off. */
    public double[] perUser(String name, int k) {
        return perUser(name + "@" + k);
    }

    /** The metrics with a curve over every K from 1 (see {@link #curve}); empty for older results. */
    public List<String> curveNames() {
        return curves == null ? List.of() : List.copyOf(curves.keySet());
    }

    /**
     * The mean of a metric over the evaluated users at K = 1, 2, … (index K − 1); a copy, empty when
     * the evaluation kept no curve of that metric.
     */
    public double[] curve(String name) {
        double[] c = curves == null ? null : curves.get(name);
        return c == null ? new double[0] : c.clone();
    }

    /** The user id space of the per-user values. */
    public IdIndex users() {
        return users;
    }

    /** Users with at least one held-out item. */
    public int evaluatedUsers() {
        return evaluatedUsers;
    }

    /** Wall-clock seconds the evaluation took. */
    public double seconds() {
        return seconds;
    }

    /**
     * A paired Wilcoxon signed-rank test of this result against another over the users both
     * evaluated, on one per-user metric.
     */
    public WilcoxonSignedRank.Result compareWith(EvaluationResult other, String key) {
        if (!users.equals(other.users)) {
            throw new IllegalArgumentException("The two evaluations are over different users; compare runs on the same split");
        }
        return WilcoxonSignedRank.test(perUser(key), other.perUser(key));
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("EvaluationResult[users=").append(evaluatedUsers);
        for (MetricValue m : metrics(MetricNames.ALL)) {
            b.append(", ").append(m.label()).append('=').append(String.format(java.util.Locale.ROOT, "%.4f", m.value()));
        }
        return b.append(']').toString();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof EvaluationResult r)) {
            return false;
        }
        if (!metrics.equals(r.metrics) || !users.equals(r.users) || !perUser.keySet().equals(r.perUser.keySet())) {
            return false;
        }
        for (Map.Entry<String, double[]> e : perUser.entrySet()) {
            if (!Arrays.equals(e.getValue(), r.perUser.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hash(metrics, users);
    }
}
