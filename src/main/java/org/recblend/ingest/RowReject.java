package org.recblend.ingest;

/**
 * A row the importer refuses, with the column to blame. Thrown inside the row loop only, so it
 * carries no stack trace (bad files can have millions of bad rows).
 */
final class RowReject extends Exception {
    private final int column;
    private final String columnName;

    /**
     * @param column     the 1-based column, 0 when the whole row is at fault
     * @param columnName the column's name, or {@code null}
     * @param reason     a sentence naming the value and the column
     */
    RowReject(int column, String columnName, String reason) {
        super(reason, null, false, false);
        this.column = column;
        this.columnName = columnName;
    }

    int column() {
        return column;
    }

    String columnName() {
        return columnName;
    }

    String reason() {
        return getMessage();
    }
}
