package org.recblend.domain;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The categorical context of interactions (device, channel, location, …), as stored with each
 * behaviour row: one column of values per context key, {@code null} where a row lacks the key.
 * Rows name their user, item and time, so that they can be matched to the rows of any
 * {@link InteractionTable} derived from the same data (a split's training part, a filtered table):
 * splitting and filtering renumber rows, but keep users, items and times.
 */
public final class InteractionContexts implements Serializable {
    private static final long serialVersionUID = 1L;

    private final IdIndex users;
    private final IdIndex items;
    private final int[] user;
    private final int[] item;
    private final long[] ts;
    private final List<String> keys;
    private final String[][] values;

    /**
     * @param values {@code values[k][row]}: the value of key {@code keys.get(k)} in a row, or null
     */
    public InteractionContexts(IdIndex users, IdIndex items, int[] user, int[] item, long[] ts, List<String> keys,
                               String[][] values) {
        this.users = Objects.requireNonNull(users, "users");
        this.items = Objects.requireNonNull(items, "items");
        int n = user.length;
        if (item.length != n || ts.length != n || values.length != keys.size()) {
            throw new IllegalArgumentException("Columns differ in length");
        }
        for (String[] column : values) {
            if (column.length != n) {
                throw new IllegalArgumentException("Columns differ in length");
            }
        }
        for (int r = 0; r < n; r++) {
            if (user[r] < 0 || user[r] >= users.size() || item[r] < 0 || item[r] >= items.size()) {
                throw new IllegalArgumentException("Row " + r + " names a user or item outside the id spaces");
            }
        }
        this.user = user.clone();
        this.item = item.clone();
        this.ts = ts.clone();
        this.keys = List.copyOf(keys);
        this.values = new String[values.length][];
        for (int k = 0; k < values.length; k++) {
            this.values[k] = values[k].clone();
        }
    }

    /** No context at all over these id spaces. */
    public static InteractionContexts empty(IdIndex users, IdIndex items) {
        return new InteractionContexts(users, items, new int[0], new int[0], new long[0], List.of(), new String[0][]);
    }

    public IdIndex users() {
        return users;
    }

    public IdIndex items() {
        return items;
    }

    public int size() {
        return user.length;
    }

    /** The context keys (column names), in the order of first appearance. */
    public List<String> keys() {
        return keys;
    }

    public int user(int row) {
        return user[row];
    }

    public int item(int row) {
        return item[row];
    }

    /** Epoch seconds, or {@link InteractionTable#NO_TIME}. */
    public long ts(int row) {
        return ts[row];
    }

    /** The value of key number {@code key} in a row, or null when the row lacks it. */
    public String value(int key, int row) {
        return values[key][row];
    }

    /**
     * For every row of {@code table}, the row here with the same user, item and time (compared by
     * external id when the id spaces differ), or -1 when there is none. Each row here is matched at
     * most once, so repeated events keep their own contexts; only rows of {@code table} are ever
     * matched, so contexts of rows outside it (held-out test rows) stay unused.
     */
    public int[] matchRows(InteractionTable table) {
        Map<RowKey, ArrayDeque<Integer>> byKey = new HashMap<>(user.length * 2);
        for (int r = 0; r < user.length; r++) {
            byKey.computeIfAbsent(new RowKey(users.id(user[r]), items.id(item[r]), ts[r]), k -> new ArrayDeque<>(1)).add(r);
        }
        int[] match = new int[table.size()];
        Arrays.fill(match, -1);
        for (int r = 0; r < table.size(); r++) {
            ArrayDeque<Integer> rows = byKey.get(new RowKey(table.users().id(table.user(r)), table.items().id(table.item(r)), table.ts(r)));
            if (rows != null && !rows.isEmpty()) {
                match[r] = rows.poll();
            }
        }
        return match;
    }

    /** The distinct non-null values of each key, in order of first appearance. */
    public List<List<String>> distinctValues() {
        List<List<String>> out = new ArrayList<>();
        for (String[] column : values) {
            out.add(Arrays.stream(column).filter(Objects::nonNull).distinct().toList());
        }
        return out;
    }

    private record RowKey(String user, String item, long ts) {
    }

    @Override
    public String toString() {
        return "InteractionContexts[" + size() + " rows, keys " + keys + "]";
    }
}
