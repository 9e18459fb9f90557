package org.recblend.engine.classic;

import java.io.Serializable;
import java.util.Arrays;
import org.recblend.domain.InteractionTable;

/**
 * Each user's distinct training items in compressed rows (one offsets array, one items array):
 * what the neighbourhood and EASE models multiply with to score a user. Serializable, compact.
 */
public final class UserItems implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int[] offsets;
    private final int[] items;

    private UserItems(int[] offsets, int[] items) {
        this.offsets = offsets;
        this.items = items;
    }

    /** The distinct items of every user of the table, ascending. */
    public static UserItems of(InteractionTable table) {
        int[][] rows = table.rowsByUser();
        int[] offsets = new int[rows.length + 1];
        int[] items = new int[table.size()];
        int n = 0;
        for (int u = 0; u < rows.length; u++) {
            int[] it = new int[rows[u].length];
            for (int j = 0; j < it.length; j++) {
                it[j] = table.item(rows[u][j]);
            }
            Arrays.sort(it);
            for (int j = 0; j < it.length; j++) {
                if (j == 0 || it[j] != it[j - 1]) {
                    items[n++] = it[j];
                }
            }
            offsets[u + 1] = n;
        }
        return new UserItems(offsets, Arrays.copyOf(items, n));
    }

    public int users() {
        return offsets.length - 1;
    }

    /** How many distinct items the user has. */
    public int count(int user) {
        return offsets[user + 1] - offsets[user];
    }

    /** The user's i-th item. */
    public int item(int user, int i) {
        return items[offsets[user] + i];
    }

    /** The user's items (a copy). */
    public int[] items(int user) {
        return Arrays.copyOfRange(items, offsets[user], offsets[user + 1]);
    }

    /** Distinct user-item pairs. */
    public int pairs() {
        return items.length;
    }

    /** The users of each item (the transpose), in user order. */
    public int[][] usersByItem(int nItems) {
        int[] counts = new int[nItems];
        for (int i : items) {
            counts[i]++;
        }
        int[][] byItem = new int[nItems][];
        for (int i = 0; i < nItems; i++) {
            byItem[i] = new int[counts[i]];
        }
        int[] fill = new int[nItems];
        for (int u = 0; u < users(); u++) {
            for (int p = offsets[u]; p < offsets[u + 1]; p++) {
                byItem[items[p]][fill[items[p]]++] = u;
            }
        }
        return byItem;
    }
}
