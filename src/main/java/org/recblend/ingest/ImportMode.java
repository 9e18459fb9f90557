package org.recblend.ingest;

/** How an import treats a source of the same name that already exists in the dataset. */
public enum ImportMode {
    /** Fail when the source exists. */
    NEW,
    /** Add the rows to the existing source (or create it). */
    APPEND,
    /** Delete the existing source's rows and reject report, then import (in the same transaction). */
    REPLACE
}
