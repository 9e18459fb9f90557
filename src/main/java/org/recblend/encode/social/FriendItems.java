package org.recblend.encode.social;

import org.recblend.domain.IdIndex;
import org.recblend.domain.InteractionTable;
import org.recblend.task.TaskMonitor;

/**
 * What each user's friends did: the (weighted) mean of the neighbours' item profiles, a sparse
 * users × items matrix. It is a score in its own right ("items your friends play") and, reduced by a
 * truncated SVD, a dense feature block for a user tower. Strong for users with few interactions of
 * their own, since it needs none.
 */
public final class FriendItems {
    private final IdIndex users;
    private final IdIndex items;
    private final SparseRows matrix;

    private FriendItems(IdIndex users, IdIndex items, SparseRows matrix) {
        this.users = users;
        this.items = items;
        this.matrix = matrix;
    }

    /**
     * The friends' profile of every user: {@code F[u] = sum_v w(u,v) P[v] / sum_v w(u,v)} over the
     * neighbours v with a non-empty profile, P from {@link UserProfiles#of}. Only {@code train} is
     * read, so held-out rows never leak in.
     */
    public static FriendItems of(SocialAdjacency adjacency, InteractionTable train, UserProfiles.Weighting weighting,
                                 TaskMonitor monitor) {
        if (!adjacency.users().equals(train.users())) {
            throw new IllegalArgumentException("The social graph and the interactions have different user id spaces");
        }
        SparseRows profiles = UserProfiles.of(train, weighting, monitor);
        int n = adjacency.size();
        int m = train.items().size();
        SparseRows.Builder b = new SparseRows.Builder(n, m);
        float[] dense = new float[m];
        int[] touched = new int[m];
        for (int u = 0; u < n; u++) {
            if ((u & 0x1FF) == 0) {
                monitor.checkCancelled();
                monitor.progress((double) u / n, "friends' items");
            }
            int count = 0;
            double wsum = 0;
            for (int k = 0; k < adjacency.degree(u); k++) {
                int v = adjacency.neighbour(u, k);
                if (profiles.rowSize(v) == 0) {
                    continue;
                }
                float w = adjacency.weight(u, k);
                wsum += w;
                for (int p = 0; p < profiles.rowSize(v); p++) {
                    int i = profiles.col(v, p);
                    if (dense[i] == 0) {
                        touched[count++] = i;
                    }
                    dense[i] += w * profiles.value(v, p);
                }
            }
            if (wsum > 0) {
                for (int k = 0; k < count; k++) {
                    dense[touched[k]] /= (float) wsum;
                }
            }
            b.row(dense, touched, count);
            for (int k = 0; k < count; k++) {
                dense[touched[k]] = 0;
            }
        }
        return new FriendItems(train.users(), train.items(), b.build());
    }

    public IdIndex users() {
        return users;
    }

    public IdIndex items() {
        return items;
    }

    /** The sparse users × items matrix. */
    public SparseRows matrix() {
        return matrix;
    }

    /** Whether any of the user's neighbours has a profile. */
    public boolean has(int user) {
        return matrix.rowSize(user) > 0;
    }

    /** The user's friends' item scores (summing to 1, or all 0), written into {@code out} (length items). */
    public void scores(int user, float[] out) {
        matrix.denseRow(user, out);
    }

    /** One score. */
    public float score(int user, int item) {
        int lo = 0;
        int hi = matrix.rowSize(user) - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = matrix.col(user, mid);
            if (c < item) {
                lo = mid + 1;
            } else if (c > item) {
                hi = mid - 1;
            } else {
                return matrix.value(user, mid);
            }
        }
        return 0f;
    }

    @Override
    public String toString() {
        return "FriendItems[" + users.size() + " users, " + items.size() + " items, " + matrix.nonZeros() + " entries]";
    }
}
