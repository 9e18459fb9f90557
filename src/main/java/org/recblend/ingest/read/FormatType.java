package org.recblend.ingest.read;

/** The layout of a text file with records. */
public enum FormatType {
    /** Delimited text: CSV, TSV, pipe- or space-separated, with or without a header line. */
    DELIMITED,
    /** One JSON object per line. */
    JSON_LINES,
    /** One JSON array of objects. */
    JSON_ARRAY
}
