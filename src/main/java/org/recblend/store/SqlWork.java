package org.recblend.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with one connection, inside one transaction. */
@FunctionalInterface
public interface SqlWork<T> {
    T apply(Connection connection) throws SQLException;
}
