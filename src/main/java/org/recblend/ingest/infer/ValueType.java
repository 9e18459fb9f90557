package org.recblend.ingest.infer;

/** What the values of a column look like in a sample. */
public enum ValueType {
    /** No values in the sample. */
    EMPTY,
    /** Whole numbers. */
    INTEGER,
    /** Numbers with decimals. */
    DECIMAL,
    /** Whole numbers in the range of epoch seconds 1973-2103, in a column named like a time (or unnamed). */
    EPOCH_SECONDS,
    /** Whole numbers in the range of epoch milliseconds 1973-2103. */
    EPOCH_MILLIS,
    /** Dates or date-times in one pattern (the profile's format). */
    DATE,
    /** Several values in one, split by the profile's format ({@code |}, {@code ;}, {@code , }). */
    MULTI_VALUED,
    /** Anything else. */
    TEXT
}
