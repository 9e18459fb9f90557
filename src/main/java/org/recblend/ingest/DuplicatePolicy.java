package org.recblend.ingest;

/**
 * What to do with behaviour rows for a (user, item) pair that was seen before, in the same file or
 * (when appending) in the rows the source already holds. The other columns of a merged row (time,
 * event type, context) come from its last occurrence.
 */
public enum DuplicatePolicy {
    /** Store every row. */
    KEEP_ALL,
    /** Keep only the last row of each pair. */
    KEEP_LAST,
    /** Keep one row per pair whose weight is the mean of the pair's weights. */
    MEAN,
    /** Keep one row per pair whose weight is the sum of the pair's weights (play counts). */
    SUM,
    /** Keep the first row of each pair and send the later ones to the reject report. */
    REJECT
}
