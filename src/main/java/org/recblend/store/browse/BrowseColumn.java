package org.recblend.store.browse;

/** One column of a browsable table, as the user sees it. */
public record BrowseColumn(String name, ColumnType type) {
}
