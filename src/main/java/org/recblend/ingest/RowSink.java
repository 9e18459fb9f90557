package org.recblend.ingest;

import java.sql.SQLException;
import org.recblend.ingest.read.RecordReader;
import org.recblend.task.TaskMonitor;

/**
 * Turns the current record into rows of the project's tables. A sink reads and checks every value
 * of a row before it writes anything, so a rejected row leaves no trace.
 */
abstract class RowSink implements AutoCloseable {

    /** Stores the current record, or throws {@link RowReject} having stored nothing of it. */
    abstract void accept(RecordReader record) throws RowReject, SQLException;

    /** Writes what is still buffered. */
    void finish(TaskMonitor monitor) throws SQLException {
    }

    /** Rows written to the source's main table. */
    abstract long stored();

    /** Rows whose (user, item) pair was seen before. */
    long duplicates() {
        return 0;
    }

    @Override
    public abstract void close() throws SQLException;
}
