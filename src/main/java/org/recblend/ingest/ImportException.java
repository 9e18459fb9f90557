package org.recblend.ingest;

import java.nio.file.Path;

/**
 * An import that cannot be done or was aborted; nothing was stored. The message is one sentence
 * for the user naming the file and, where they apply, the line and column.
 */
public class ImportException extends Exception {
    private final Path file;
    private final long line;
    private final int column;
    private final String columnName;

    public ImportException(String message, Path file, long line, int column, String columnName, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.columnName = columnName;
    }

    public ImportException(String message, Path file) {
        this(message, file, 0, 0, null, null);
    }

    /** The file concerned, or {@code null} when the problem is in the spec alone. */
    public Path file() {
        return file;
    }

    /** The 1-based line, or 0 when the problem concerns no particular line. */
    public long line() {
        return line;
    }

    /** The 1-based column, or 0 when the problem concerns no particular column. */
    public int column() {
        return column;
    }

    /** The column's name (header name or role), or {@code null}. */
    public String columnName() {
        return columnName;
    }
}
