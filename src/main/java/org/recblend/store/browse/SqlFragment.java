package org.recblend.store.browse;

import java.util.ArrayList;
import java.util.List;

/**
 * SQL text with its bound parameters in order. Every value a user typed travels as a parameter,
 * never as text, so a filter cannot change the statement.
 */
final class SqlFragment {
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    SqlFragment() {
    }

    SqlFragment(String sql, Object... params) {
        append(sql, params);
    }

    SqlFragment append(String text, Object... values) {
        sql.append(text);
        params.addAll(List.of(values));
        return this;
    }

    SqlFragment append(SqlFragment other) {
        sql.append(other.sql);
        params.addAll(other.params);
        return this;
    }

    boolean isEmpty() {
        return sql.length() == 0;
    }

    String sql() {
        return sql.toString();
    }

    List<Object> params() {
        return params;
    }
}
