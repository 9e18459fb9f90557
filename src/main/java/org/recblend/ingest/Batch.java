package org.recblend.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** One reused INSERT statement sent to the database in batches. */
final class Batch implements AutoCloseable {
    static final int SIZE = 10_000;

    private final PreparedStatement statement;
    private int pending;
    private long rows;

    Batch(Connection connection, String sql) throws SQLException {
        this.statement = connection.prepareStatement(sql);
    }

    /** The statement whose parameters the caller sets before {@link #add()}. */
    PreparedStatement ps() {
        return statement;
    }

    void add() throws SQLException {
        statement.addBatch();
        rows++;
        if (++pending == SIZE) {
            flush();
        }
    }

    void flush() throws SQLException {
        if (pending > 0) {
            statement.executeBatch();
            pending = 0;
        }
    }

    /** Rows added so far. */
    long rows() {
        return rows;
    }

    @Override
    public void close() throws SQLException {
        statement.close();
    }
}
