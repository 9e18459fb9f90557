package org.recblend.domain;

import java.io.Serializable;
import java.util.Objects;

/**
 * Directed user-user edges (friend, trust, follow) over a user id space, as columns. An undirected
 * friendship imported as two rows stays two edges.
 */
public final class SocialGraph implements Serializable {
    private static final long serialVersionUID = 1L;

    private final IdIndex users;
    private final int[] src;
    private final int[] dst;
    private final float[] weight;
    private final String[] kind;

    public SocialGraph(IdIndex users, int[] src, int[] dst, float[] weight, String[] kind) {
        this.users = Objects.requireNonNull(users, "users");
        int n = src.length;
        if (dst.length != n || weight.length != n || kind.length != n) {
            throw new IllegalArgumentException("Columns differ in length");
        }
        for (int e = 0; e < n; e++) {
            if (src[e] < 0 || src[e] >= users.size() || dst[e] < 0 || dst[e] >= users.size()) {
                throw new IllegalArgumentException("Edge " + e + " names a user outside 0.." + (users.size() - 1));
            }
        }
        this.src = src.clone();
        this.dst = dst.clone();
        this.weight = weight.clone();
        this.kind = kind.clone();
    }

    public static SocialGraph empty(IdIndex users) {
        return new SocialGraph(users, new int[0], new int[0], new float[0], new String[0]);
    }

    public IdIndex users() {
        return users;
    }

    public int size() {
        return src.length;
    }

    public int src(int edge) {
        return src[edge];
    }

    public int dst(int edge) {
        return dst[edge];
    }

    public float weight(int edge) {
        return weight[edge];
    }

    public String kind(int edge) {
        return kind[edge];
    }

    @Override
    public String toString() {
        return "SocialGraph[" + size() + " edges, " + users.size() + " users]";
    }
}
