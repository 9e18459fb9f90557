package org.recblend.domain;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * User-item interactions as an immutable columnar table: one primitive array per column, so a
 * million rows take about 20 MB and copy fast. Users and items are dense indices into the shared
 * {@link IdIndex} spaces; filtering keeps those spaces, so derived tables stay comparable.
 *
 * <p>Immutable by contract: the arrays are never handed out, and the constructors copy what
 * callers pass in.
 */
public final class InteractionTable implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The timestamp of a row whose time is unknown. */
    public static final long NO_TIME = Long.MIN_VALUE;

    private final IdIndex users;
    private final IdIndex items;
    private final int[] user;
    private final int[] item;
    private final float[] weight;
    private final long[] ts;

    private InteractionTable(IdIndex users, IdIndex items, int[] user, int[] item, float[] weight, long[] ts) {
        this.users = users;
        this.items = items;
        this.user = user;
        this.item = item;
        this.weight = weight;
        this.ts = ts;
    }

    /** A table with no rows over the given id spaces. */
    public static InteractionTable empty(IdIndex users, IdIndex items) {
        return new InteractionTable(users, items, new int[0], new int[0], new float[0], new long[0]);
    }

    /** A table of copies of the given columns; {@code ts} may be null when times are unknown. */
    public static InteractionTable of(IdIndex users, IdIndex items, int[] user, int[] item, float[] weight, long[] ts) {
        int n = user.length;
        if (item.length != n || weight.length != n || (ts != null && ts.length != n)) {
            throw new IllegalArgumentException("Columns differ in length");
        }
        long[] times = ts != null ? ts.clone() : filledTimes(n);
        return checked(users, items, user.clone(), item.clone(), weight.clone(), times);
    }

    private static long[] filledTimes(int n) {
        long[] times = new long[n];
        Arrays.fill(times, NO_TIME);
        return times;
    }

    private static InteractionTable checked(IdIndex users, IdIndex items, int[] user, int[] item, float[] weight, long[] ts) {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(items, "items");
        for (int r = 0; r < user.length; r++) {
            if (user[r] < 0 || user[r] >= users.size()) {
                throw new IllegalArgumentException("Row " + r + ": user index " + user[r] + " outside 0.." + (users.size() - 1));
            }
            if (item[r] < 0 || item[r] >= items.size()) {
                throw new IllegalArgumentException("Row " + r + ": item index " + item[r] + " outside 0.." + (items.size() - 1));
            }
        }
        return new InteractionTable(users, items, user, item, weight, ts);
    }

    public static Builder builder(IdIndex users, IdIndex items) {
        return new Builder(users, items, 16);
    }

    public static Builder builder(IdIndex users, IdIndex items, int expectedRows) {
        return new Builder(users, items, expectedRows);
    }

    public int size() {
        return user.length;
    }

    public IdIndex users() {
        return users;
    }

    public IdIndex items() {
        return items;
    }

    public int user(int row) {
        return user[row];
    }

    public int item(int row) {
        return item[row];
    }

    public float weight(int row) {
        return weight[row];
    }

    /** Epoch seconds, or {@link #NO_TIME}. */
    public long ts(int row) {
        return ts[row];
    }

    /** Whether every row has a timestamp (and there is at least one row). */
    public boolean hasTimestamps() {
        if (ts.length == 0) {
            return false;
        }
        for (long t : ts) {
            if (t == NO_TIME) {
                return false;
            }
        }
        return true;
    }

    /** The rows at these positions, in this order. */
    public InteractionTable select(int[] rows) {
        int n = rows.length;
        int[] u = new int[n];
        int[] i = new int[n];
        float[] w = new float[n];
        long[] t = new long[n];
        for (int k = 0; k < n; k++) {
            int r = rows[k];
            u[k] = user[r];
            i[k] = item[r];
            w[k] = weight[r];
            t[k] = ts[r];
        }
        return new InteractionTable(users, items, u, i, w, t);
    }

    /** The rows whose position passes the test, in their order. */
    public InteractionTable filter(IntPredicate keepRow) {
        int[] keep = new int[user.length];
        int n = 0;
        for (int r = 0; r < user.length; r++) {
            if (keepRow.test(r)) {
                keep[n++] = r;
            }
        }
        return n == user.length ? this : select(Arrays.copyOf(keep, n));
    }

    /** The same rows with new weights. */
    public InteractionTable withWeights(float[] weights) {
        if (weights.length != user.length) {
            throw new IllegalArgumentException("Expected " + user.length + " weights, got " + weights.length);
        }
        return new InteractionTable(users, items, user, item, weights.clone(), ts);
    }

    /** Rows per user index (length {@code users().size()}). */
    public int[] userCounts() {
        int[] counts = new int[users.size()];
        for (int u : user) {
            counts[u]++;
        }
        return counts;
    }

    /** Rows per item index (length {@code items().size()}). */
    public int[] itemCounts() {
        int[] counts = new int[items.size()];
        for (int i : item) {
            counts[i]++;
        }
        return counts;
    }

    /** How many users have at least one row. */
    public int distinctUsers() {
        return nonZero(userCounts());
    }

    /** How many items have at least one row. */
    public int distinctItems() {
        return nonZero(itemCounts());
    }

    private static int nonZero(int[] counts) {
        int n = 0;
        for (int c : counts) {
            if (c > 0) {
                n++;
            }
        }
        return n;
    }

    /** The row positions of each user, in row order: {@code result[u]} lists user u's rows. */
    public int[][] rowsByUser() {
        return group(user, users.size());
    }

    /** The row positions of each item, in row order. */
    public int[][] rowsByItem() {
        return group(item, items.size());
    }

    private static int[][] group(int[] keys, int size) {
        int[] counts = new int[size];
        for (int k : keys) {
            counts[k]++;
        }
        int[][] groups = new int[size][];
        for (int g = 0; g < size; g++) {
            groups[g] = new int[counts[g]];
        }
        int[] fill = new int[size];
        for (int r = 0; r < keys.length; r++) {
            groups[keys[r]][fill[keys[r]]++] = r;
        }
        return groups;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof InteractionTable t
                && Arrays.equals(user, t.user) && Arrays.equals(item, t.item)
                && Arrays.equals(weight, t.weight) && Arrays.equals(ts, t.ts)
                && users.equals(t.users) && items.equals(t.items));
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(user), Arrays.hashCode(item), Arrays.hashCode(weight), Arrays.hashCode(ts));
    }

    @Override
    public String toString() {
        return "InteractionTable[" + size() + " rows, " + users.size() + " users, " + items.size() + " items]";
    }

    /** Collects rows into growing arrays; {@link #build()} trims them to size for the table. */
    public static final class Builder {
        private final IdIndex users;
        private final IdIndex items;
        private int[] user;
        private int[] item;
        private float[] weight;
        private long[] ts;
        private int size;
        private boolean built;

        private Builder(IdIndex users, IdIndex items, int capacity) {
            this.users = users;
            this.items = items;
            int c = Math.max(capacity, 4);
            user = new int[c];
            item = new int[c];
            weight = new float[c];
            ts = new long[c];
        }

        /** Adds a row; pass {@link #NO_TIME} when the time is unknown. */
        public Builder add(int u, int i, float w, long t) {
            if (built) {
                throw new IllegalStateException("Already built");
            }
            if (size == user.length) {
                int c = Math.max(8, size + (size >> 1));
                user = Arrays.copyOf(user, c);
                item = Arrays.copyOf(item, c);
                weight = Arrays.copyOf(weight, c);
                ts = Arrays.copyOf(ts, c);
            }
            user[size] = u;
            item[size] = i;
            weight[size] = w;
            ts[size] = t;
            size++;
            return this;
        }

        public int size() {
            return size;
        }

        public InteractionTable build() {
            built = true;
            return checked(users, items, Arrays.copyOf(user, size), Arrays.copyOf(item, size),
                    Arrays.copyOf(weight, size), Arrays.copyOf(ts, size));
        }
    }
}
