package org.recblend.ingest;

/** What a bad row does to an import. */
public enum ErrorPolicy {
    /** Store the good rows and list the bad ones in the source's reject report. */
    SKIP_AND_REPORT,
    /** Stop at the first bad row and store nothing. */
    ABORT
}
