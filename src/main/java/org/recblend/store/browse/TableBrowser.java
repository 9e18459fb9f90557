package org.recblend.store.browse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.recblend.store.ProjectStore;
import org.recblend.store.StoredDataset;

/**
 * Reads stored tables a page at a time, for the data browser: row counts, pages by offset or by
 * key (keyset paging, so scrolling through millions of rows never skips them again), filters and
 * column statistics computed by the database. Nothing here holds more than one page of rows.
 * Safe to call from any thread; each call uses its own pooled connection.
 */
public final class TableBrowser {
    /** Bins of a histogram unless asked otherwise. */
    public static final int DEFAULT_BINS = 20;
    /** Most frequent values listed unless asked otherwise. */
    public static final int DEFAULT_TOP = 10;

    private final ProjectStore store;

    public TableBrowser(ProjectStore store) {
        this.store = store;
    }

    /** The project's dataset names. */
    public List<String> datasets() {
        return StoredDataset.datasetNames(store);
    }

    /** The browsable tables of a dataset: one per source, plus one per source with rejected rows. */
    public List<BrowsableTable> tables(String dataset) {
        return store.read(c -> TableCatalog.tables(c, dataset));
    }

    /** Rows of the table that pass the filter. */
    public long count(BrowsableTable table, RowFilter filter) {
        SqlFragment where = where(table, filter);
        SqlFragment sql = new SqlFragment("SELECT COUNT(*) FROM ")
                .append(filter.isEmpty() ? table.countFrom() : table.from()).append(" WHERE ").append(where);
        return store.read(c -> {
            try (PreparedStatement ps = prepare(c, sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Up to {@code limit} rows from position {@code offset} (the database skips the rows before it). */
    public TablePage page(BrowsableTable table, RowFilter filter, long offset, int limit) {
        SqlFragment sql = select(table, where(table, filter)).append(" LIMIT ? OFFSET ?", limit, offset);
        return read(table, sql, offset);
    }

    /**
     * Up to {@code limit} rows after the row whose key is {@code afterKey} (from an earlier page's
     * {@link TablePage#lastKey()}), which sits at position {@code offset - 1}: no rows are skipped.
     */
    public TablePage pageAfter(BrowsableTable table, RowFilter filter, long offset, long afterKey, int limit) {
        return pageAfter(table, filter, offset, afterKey, offset, limit);
    }

    /**
     * Up to {@code limit} rows from position {@code offset}, reading on from a known row: the row
     * with key {@code anchorKey} sits at position {@code anchorOffset - 1}. Only the rows between
     * the anchor and {@code offset} are skipped, so a jump near a page already seen is quick.
     */
    public TablePage pageAfter(BrowsableTable table, RowFilter filter, long anchorOffset, long anchorKey,
                               long offset, int limit) {
        if (offset < anchorOffset) {
            throw new IllegalArgumentException("offset " + offset + " lies before the anchor " + anchorOffset);
        }
        SqlFragment where = where(table, filter).append(" AND " + table.keyExpression() + " > ?", anchorKey);
        SqlFragment sql = select(table, where).append(" LIMIT ? OFFSET ?", limit, offset - anchorOffset);
        return read(table, sql, offset);
    }

    private static SqlFragment where(BrowsableTable table, RowFilter filter) {
        SqlFragment where = new SqlFragment().append(table.where());
        SqlFragment condition = FilterSql.of(table, filter);
        if (!condition.isEmpty()) {
            where.append(" AND ").append(condition);
        }
        return where;
    }

    private static SqlFragment select(BrowsableTable table, SqlFragment where) {
        SqlFragment sql = new SqlFragment("SELECT " + table.keyExpression());
        for (SqlFragment e : table.expressions()) {
            sql.append(", ").append(e);
        }
        return sql.append(" FROM ").append(table.pageFrom()).append(" WHERE ").append(where)
                .append(" ORDER BY " + table.keyExpression());
    }

    private TablePage read(BrowsableTable table, SqlFragment sql, long offset) {
        List<BrowseColumn> columns = table.columns();
        return store.read(c -> {
            List<Object[]> rows = new ArrayList<>();
            long lastKey = -1;
            try (PreparedStatement ps = prepare(c, sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lastKey = rs.getLong(1);
                    Object[] row = new Object[columns.size()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = value(rs, i + 2, columns.get(i).type());
                    }
                    rows.add(row);
                }
            }
            return new TablePage(offset, rows, lastKey);
        });
    }

    private static Object value(ResultSet rs, int index, ColumnType type) throws SQLException {
        Object v = switch (type) {
            case INTEGER, EPOCH_SECONDS -> rs.getLong(index);
            case NUMBER -> rs.getDouble(index);
            case TEXT -> rs.getString(index);
        };
        return rs.wasNull() ? null : v;
    }

    /** Statistics of one column over the filtered rows, with {@link #DEFAULT_BINS} and {@link #DEFAULT_TOP}. */
    public ColumnStats stats(BrowsableTable table, RowFilter filter, String column) {
        return stats(table, filter, column, DEFAULT_BINS, DEFAULT_TOP);
    }

    /**
     * Count, distinct, missing, min, max and mean of a column over the filtered rows, a histogram
     * of a numeric column (one bin per value when it holds few whole numbers, such as ratings 1–5)
     * and its most frequent values; all computed by the database.
     */
    public ColumnStats stats(BrowsableTable table, RowFilter filter, String columnName, int bins, int top) {
        if (bins < 1 || top < 0) {
            throw new IllegalArgumentException("bins must be positive and top not negative");
        }
        BrowseColumn column = table.column(columnName).orElseThrow(() -> new InvalidFilterException(
                "There is no column '" + columnName + "' in " + table.label() + "."));
        SqlFragment e = table.expression(column);
        SqlFragment where = where(table, filter);
        return store.read(c -> new StatsQuery(c, table, column, e, where).run(bins, top));
    }

    /** The queries of one statistics request, on one connection. */
    private static final class StatsQuery {
        private final Connection c;
        private final BrowsableTable table;
        private final BrowseColumn column;
        private final SqlFragment e;
        private final SqlFragment where;

        StatsQuery(Connection c, BrowsableTable table, BrowseColumn column, SqlFragment e, SqlFragment where) {
            this.c = c;
            this.table = table;
            this.column = column;
            this.e = e;
            this.where = where;
        }

        ColumnStats run(int bins, int top) throws SQLException {
            boolean numeric = column.type().isNumeric();
            SqlFragment sql = new SqlFragment("SELECT COUNT(*), COUNT(").append(e).append("), COUNT(DISTINCT ").append(e).append(")");
            if (numeric) {
                sql.append(", MIN(").append(e).append("), MAX(").append(e).append("), AVG(CAST(").append(e)
                        .append(" AS DOUBLE PRECISION)), COUNT(CASE WHEN ").append(e).append(" <> FLOOR(").append(e).append(") THEN 1 END)");
            }
            sql.append(" FROM ").append(table.from()).append(" WHERE ").append(where);
            long rows;
            long present;
            long distinct;
            Double min = null;
            Double max = null;
            Double mean = null;
            boolean whole = false;
            try (PreparedStatement ps = prepare(c, sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                rows = rs.getLong(1);
                present = rs.getLong(2);
                distinct = rs.getLong(3);
                if (numeric && present > 0) {
                    min = rs.getDouble(4);
                    max = rs.getDouble(5);
                    mean = rs.getDouble(6);
                    whole = rs.getLong(7) == 0;
                }
            }
            List<ColumnStats.Bin> histogram = min == null ? List.of() : histogram(min, max, whole, bins);
            return new ColumnStats(column, rows, present, distinct, min, max, mean, histogram, topValues(top));
        }

        /** Equal-width bins; whole numbers over a short range get one bin per value, centred on it. */
        private List<ColumnStats.Bin> histogram(double min, double max, boolean whole, int bins) throws SQLException {
            double start;
            double width;
            int n;
            if (whole && max - min + 1 <= bins) {
                n = (int) (max - min) + 1;
                start = min - 0.5;
                width = 1;
            } else if (max == min) {
                n = 1;
                start = min;
                width = 1;
            } else {
                n = bins;
                start = min;
                width = (max - min) / bins;
            }
            long[] counts = new long[n];
            SqlFragment sql = new SqlFragment("SELECT LEAST(CAST(FLOOR((").append(e).append(" - ?) / ?) AS INT), ?) AS bin, COUNT(*) FROM ",
                    start, width, n - 1).append(table.from()).append(" WHERE ").append(where)
                    .append(" AND ").append(e).append(" IS NOT NULL GROUP BY bin");
            try (PreparedStatement ps = prepare(c, sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts[Math.max(0, rs.getInt(1))] += rs.getLong(2);
                }
            }
            List<ColumnStats.Bin> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                double from = start + i * width;
                out.add(new ColumnStats.Bin(from, n == 1 && max == min && !whole ? max : from + width, counts[i]));
            }
            return out;
        }

        private List<ColumnStats.ValueCount> topValues(int top) throws SQLException {
            if (top == 0) {
                return List.of();
            }
            SqlFragment sql = new SqlFragment("SELECT ").append(e).append(" AS v, COUNT(*) AS n FROM ").append(table.from())
                    .append(" WHERE ").append(where).append(" AND ").append(e).append(" IS NOT NULL GROUP BY v ORDER BY n DESC, v LIMIT ?", top);
            List<ColumnStats.ValueCount> out = new ArrayList<>();
            try (PreparedStatement ps = prepare(c, sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ColumnStats.ValueCount(label(rs), rs.getLong(2)));
                }
            }
            return out;
        }

        private String label(ResultSet rs) throws SQLException {
            if (column.type() == ColumnType.NUMBER) {
                double v = rs.getDouble(1);
                return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
            }
            return rs.getString(1);
        }
    }

    private static PreparedStatement prepare(Connection c, SqlFragment sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql.sql());
        List<Object> params = sql.params();
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
        return ps;
    }
}
