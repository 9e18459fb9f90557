package org.recblend.encode.social;

import java.util.List;
import org.recblend.domain.Embeddings;
import org.recblend.domain.IdIndex;
import org.recblend.domain.SocialGraph;
import org.recblend.encode.EncodedFeatures;
import org.recblend.task.TaskMonitor;

/**
 * Per-user features from a friend or trust graph: structural counts, and any user vectors averaged
 * over neighbours and propagated over several hops.
 */
public final class SocialEncoders {
    /** The columns of {@link #degrees}. */
    public static final List<String> DEGREE_COLUMNS = List.of("out_degree", "in_degree", "degree", "log1p_out_degree",
            "log1p_in_degree", "log1p_degree");

    private SocialEncoders() {
    }

    /**
     * Out-degree, in-degree and undirected degree (distinct neighbours either way), raw and as
     * log(1 + d). Every user has a row (a degree of 0 is a value, not a gap).
     */
    public static EncodedFeatures degrees(SocialGraph graph) {
        SocialAdjacency out = SocialAdjacency.of(graph, SocialAdjacency.Direction.OUT, false);
        SocialAdjacency in = SocialAdjacency.of(graph, SocialAdjacency.Direction.IN, false);
        SocialAdjacency both = SocialAdjacency.of(graph, SocialAdjacency.Direction.BOTH, false);
        int n = graph.users().size();
        int d = DEGREE_COLUMNS.size();
        float[] v = new float[n * d];
        boolean[] present = new boolean[n];
        for (int u = 0; u < n; u++) {
            int[] counts = {out.degree(u), in.degree(u), both.degree(u)};
            for (int c = 0; c < 3; c++) {
                v[u * d + c] = counts[c];
                v[u * d + 3 + c] = (float) Math.log1p(counts[c]);
            }
            present[u] = true;
        }
        return new EncodedFeatures(new Embeddings("social:degree", Embeddings.Side.USER, graph.users(), d, v, present),
                DEGREE_COLUMNS);
    }

    /**
     * The (weighted) mean of each user's neighbours' vectors: one hop, no restart. A user none of
     * whose neighbours has a vector gets none.
     */
    public static Embeddings neighbourMean(SocialAdjacency adjacency, Embeddings vectors, TaskMonitor monitor) {
        return propagate(adjacency, vectors, 1, 0, monitor);
    }

    /**
     * Diffuses user vectors over the graph, personalised-PageRank style:
     * {@code h(k+1)[u] = (1 - restart) * mean_v h(k)[v] + restart * x[u]}, where the mean runs over
     * the neighbours v that have a vector (weighted by edge weight when the adjacency is) and x are
     * the input vectors. With restart 0 and one hop this is the neighbours' mean; more hops reach
     * friends of friends. A user with no neighbour vector keeps its own vector when restart is
     * above 0, and gets none otherwise.
     *
     * @param vectors user vectors, matched to the graph's users by external id
     */
    public static Embeddings propagate(SocialAdjacency adjacency, Embeddings vectors, int hops, double restart,
                                       TaskMonitor monitor) {
        if (vectors.side() != Embeddings.Side.USER) {
            throw new IllegalArgumentException("Social propagation needs user vectors, not " + vectors.side() + " vectors ("
                    + vectors.source() + ")");
        }
        if (hops < 1 || !(restart >= 0 && restart < 1)) {
            throw new IllegalArgumentException("hops must be at least 1 and restart in [0, 1): " + hops + ", " + restart);
        }
        IdIndex users = adjacency.users();
        Embeddings x = alignTo(vectors, users);
        int n = users.size();
        int d = x.dim();
        float[] h = x.values().clone();
        boolean[] hp = x.present().clone();
        float a = (float) restart;
        for (int hop = 0; hop < hops; hop++) {
            float[] next = new float[n * d];
            boolean[] np = new boolean[n];
            double[] acc = new double[d];
            for (int u = 0; u < n; u++) {
                if ((u & 0x3FF) == 0) {
                    monitor.checkCancelled();
                    monitor.progress((hop + (double) u / n) / hops, "social propagation, hop " + (hop + 1) + " of " + hops);
                }
                java.util.Arrays.fill(acc, 0);
                double wsum = 0;
                int deg = adjacency.degree(u);
                for (int k = 0; k < deg; k++) {
                    int v = adjacency.neighbour(u, k);
                    if (!hp[v]) {
                        continue;
                    }
                    float w = adjacency.weight(u, k);
                    wsum += w;
                    for (int c = 0; c < d; c++) {
                        acc[c] += w * h[v * d + c];
                    }
                }
                boolean own = a > 0 && x.present(u);
                if (wsum > 0) {
                    float keep = own ? 1 - a : 1;
                    for (int c = 0; c < d; c++) {
                        next[u * d + c] = (float) (keep * acc[c] / wsum) + (own ? a * x.values()[u * d + c] : 0);
                    }
                    np[u] = true;
                } else if (own) {
                    System.arraycopy(x.values(), u * d, next, u * d, d);
                    np[u] = true;
                }
            }
            h = next;
            hp = np;
        }
        String source = "social:" + (hops == 1 && restart == 0 ? "neighbour-mean" : "propagate-" + hops + "hop"
                + (restart > 0 ? "-restart" + restart : "")) + "(" + vectors.source() + ")";
        return new Embeddings(source, Embeddings.Side.USER, users, d, h, hp);
    }

    /**
     * Shrinks each user's vector towards the mean of the neighbours' vectors, the more the less
     * evidence the user has: {@code x'[u] = (1 - b) x[u] + b * mean_v x[v]} with
     * {@code b = strength / (strength + evidence[u])}. Applied to the user factors of a trained
     * factor model (BPR, the Hybrid's user tower), it lends users with few interactions their
     * friends' tastes while leaving heavy users almost as they are. A user without a neighbour
     * vector keeps its own; a user without a vector of its own takes the neighbours' mean.
     *
     * @param evidence per user of the graph, e.g. training interactions
     * @param strength the evidence at which own and friends' vectors weigh equally (e.g. 5)
     */
    public static Embeddings shrinkTowardsNeighbours(SocialAdjacency adjacency, Embeddings vectors, int[] evidence,
                                                     double strength, TaskMonitor monitor) {
        if (!(strength >= 0) || Double.isInfinite(strength)) {
            throw new IllegalArgumentException("strength must be a number >= 0, not " + strength);
        }
        if (evidence.length != adjacency.size()) {
            throw new IllegalArgumentException("Expected evidence for " + adjacency.size() + " users, got " + evidence.length);
        }
        Embeddings own = alignTo(vectors, adjacency.users());
        Embeddings friends = neighbourMean(adjacency, own, monitor);
        int n = own.size();
        int d = own.dim();
        float[] out = own.values().clone();
        boolean[] present = own.present().clone();
        for (int u = 0; u < n; u++) {
            if (!friends.present(u)) {
                continue;
            }
            double b = own.present(u) ? (strength == 0 ? 0 : strength / (strength + Math.max(0, evidence[u]))) : 1;
            for (int c = 0; c < d; c++) {
                out[u * d + c] = (float) ((1 - b) * out[u * d + c] + b * friends.values()[u * d + c]);
            }
            present[u] = true;
        }
        return new Embeddings("social:shrunk" + strength + "(" + vectors.source() + ")", Embeddings.Side.USER, own.ids(), d, out,
                present);
    }

    /** The rows of {@code e} re-ordered to follow {@code target} (matched by external id; unknown ids absent). */
    static Embeddings alignTo(Embeddings e, IdIndex target) {
        if (e.ids().equals(target)) {
            return e;
        }
        int d = e.dim();
        float[] v = new float[target.size() * d];
        boolean[] p = new boolean[target.size()];
        for (int t = 0; t < target.size(); t++) {
            int r = e.ids().indexOf(target.id(t));
            if (r >= 0) {
                System.arraycopy(e.values(), r * d, v, t * d, d);
                p[t] = e.present(r);
            }
        }
        return new Embeddings(e.source(), e.side(), target, d, v, p);
    }
}
