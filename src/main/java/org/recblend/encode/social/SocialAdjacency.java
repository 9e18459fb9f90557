package org.recblend.encode.social;

import java.util.Arrays;
import org.recblend.domain.IdIndex;
import org.recblend.domain.SocialGraph;

/**
 * The neighbours of every user of a social graph, in compressed rows: self loops dropped, an edge
 * given twice (an undirected friendship stored both ways, a repeated trust statement) kept once
 * with its largest weight. Unweighted adjacency gives every edge weight 1; weighted adjacency
 * keeps the graph's weights and drops edges whose weight is not positive (a distrust edge is no
 * neighbour to average over).
 */
public final class SocialAdjacency {
    /** Which edges make {@code v} a neighbour of {@code u}. */
    public enum Direction {
        /** Edges u → v: whom u befriends, trusts or follows. */
        OUT,
        /** Edges v → u: who befriends, trusts or follows u. */
        IN,
        /** Either: the graph taken as undirected. */
        BOTH
    }

    private final IdIndex users;
    private final int[] offsets;
    private final int[] neighbours;
    private final float[] weights;
    private final int dropped;

    private SocialAdjacency(IdIndex users, int[] offsets, int[] neighbours, float[] weights, int dropped) {
        this.users = users;
        this.offsets = offsets;
        this.neighbours = neighbours;
        this.weights = weights;
        this.dropped = dropped;
    }

    /** The adjacency of a graph seen in a direction, with or without its weights. */
    public static SocialAdjacency of(SocialGraph graph, Direction direction, boolean weighted) {
        int n = graph.users().size();
        int m = graph.size();
        int copies = direction == Direction.BOTH ? 2 : 1;
        long[] packed = new long[m * copies];
        float[] w = new float[m * copies];
        int k = 0;
        int dropped = 0;
        for (int e = 0; e < m; e++) {
            int s = graph.src(e);
            int d = graph.dst(e);
            float weight = weighted ? graph.weight(e) : 1f;
            if (s == d || !(weight > 0) || Float.isInfinite(weight)) {
                dropped += s == d ? 0 : 1;
                continue;
            }
            if (direction != Direction.IN) {
                packed[k] = pack(s, d);
                w[k++] = weight;
            }
            if (direction != Direction.OUT) {
                packed[k] = pack(d, s);
                w[k++] = weight;
            }
        }
        // sort edges by (row, neighbour), carrying weights along through an index sort
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        long[] keys = packed;
        Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
        int[] offsets = new int[n + 1];
        int[] nb = new int[k];
        float[] nw = new float[k];
        int size = 0;
        long last = -1;
        for (int i = 0; i < k; i++) {
            int e = order[i];
            if (packed[e] == last) {
                nw[size - 1] = Math.max(nw[size - 1], w[e]);
                continue;
            }
            last = packed[e];
            int row = (int) (packed[e] >>> 32);
            nb[size] = (int) packed[e];
            nw[size] = w[e];
            offsets[row + 1]++;
            size++;
        }
        for (int u = 0; u < n; u++) {
            offsets[u + 1] += offsets[u];
        }
        return new SocialAdjacency(graph.users(), offsets, Arrays.copyOf(nb, size), Arrays.copyOf(nw, size), dropped);
    }

    private static long pack(int row, int col) {
        return ((long) row << 32) | (col & 0xFFFFFFFFL);
    }

    public IdIndex users() {
        return users;
    }

    /** The number of users (rows). */
    public int size() {
        return users.size();
    }

    /** Distinct neighbour pairs over all rows. */
    public int edges() {
        return neighbours.length;
    }

    /** Edges left out because their weight was not a positive number. */
    public int dropped() {
        return dropped;
    }

    public int degree(int user) {
        return offsets[user + 1] - offsets[user];
    }

    /** The sum of the user's edge weights (the degree when unweighted). */
    public double weightSum(int user) {
        double s = 0;
        for (int p = offsets[user]; p < offsets[user + 1]; p++) {
            s += weights[p];
        }
        return s;
    }

    /** The k-th neighbour of a user, k in 0..degree-1, in increasing index order. */
    public int neighbour(int user, int k) {
        return neighbours[offsets[user] + k];
    }

    public float weight(int user, int k) {
        return weights[offsets[user] + k];
    }
}
