package org.recblend.store.browse;

import java.util.List;

/**
 * Consecutive rows of a table, in the table's order.
 *
 * @param offset  the position of the first row in the (filtered) table
 * @param rows    one array per row, values in column order: String, Long or Double, or null
 * @param lastKey the order key of the last row: pass it to {@link TableBrowser#pageAfter} to read
 *                the next page without skipping rows again (keyset paging); -1 when empty
 */
public record TablePage(long offset, List<Object[]> rows, long lastKey) {
    public TablePage {
        rows = List.copyOf(rows);
    }

    public int size() {
        return rows.size();
    }
}
