package org.recblend.store.browse;

/** How a browsable column's values are typed, filtered and summarised. */
public enum ColumnType {
    /** Whole numbers (line numbers, counts). */
    INTEGER,
    /** Real numbers (ratings, weights, prices). */
    NUMBER,
    /** A time stored as epoch seconds: numeric in statistics, shown as a date. */
    EPOCH_SECONDS,
    /** Free text and identifiers. */
    TEXT;

    /** True when minimum, maximum, mean and a histogram make sense. */
    public boolean isNumeric() {
        return this != TEXT;
    }
}
