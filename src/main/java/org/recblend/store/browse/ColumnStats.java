package org.recblend.store.browse;

import java.util.List;

/**
 * A column summarised in the database over the filtered rows.
 *
 * @param rows      rows in the filtered table
 * @param present   rows where the column has a value
 * @param distinct  distinct values
 * @param min       smallest value (numeric columns), else null
 * @param max       largest value (numeric columns), else null
 * @param mean      mean value (numeric columns), else null
 * @param histogram equal-width bins over [min, max] (numeric columns), else empty
 * @param topValues the most frequent values, most frequent first
 */
public record ColumnStats(BrowseColumn column, long rows, long present, long distinct, Double min, Double max,
                          Double mean, List<Bin> histogram, List<ValueCount> topValues) {
    public ColumnStats {
        histogram = List.copyOf(histogram);
        topValues = List.copyOf(topValues);
    }

    /** Rows without a value. */
    public long missing() {
        return rows - present;
    }

    /** Values in [from, to) (the last bin includes its upper end). */
    public record Bin(double from, double to, long count) {
    }

    /** A value and how many rows hold it. */
    public record ValueCount(String value, long count) {
    }
}
