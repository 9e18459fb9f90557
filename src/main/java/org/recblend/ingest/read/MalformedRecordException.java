package org.recblend.ingest.read;

/**
 * One record could not be parsed (a quoted value cut off by the end of the file, a broken JSON
 * line). The reader has moved past it: the importer rejects the row and calls {@code next()} again.
 */
public class MalformedRecordException extends Exception {
    private final long line;
    private final String rawText;

    public MalformedRecordException(long line, String reason, String rawText, Throwable cause) {
        super(reason, cause);
        this.line = line;
        this.rawText = rawText;
    }

    /** The line where the record starts. */
    public long line() {
        return line;
    }

    /** The record's text as far as it could be read. */
    public String rawText() {
        return rawText;
    }

    /** The reason, for a reject report. */
    public String reason() {
        return getMessage();
    }
}
