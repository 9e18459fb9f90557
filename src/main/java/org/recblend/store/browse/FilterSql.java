package org.recblend.store.browse;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Turns a {@link RowFilter} into a WHERE condition. Column names are looked up in the table's own
 * list (never pasted into SQL) and every typed value is a bound parameter; values that do not fit
 * the column's type are refused with a message naming the value and the column.
 */
final class FilterSql {
    private static final long DAY = 86_400;

    private FilterSql() {
    }

    /** The condition for the filter, empty when it keeps every row. */
    static SqlFragment of(BrowsableTable table, RowFilter filter) {
        SqlFragment sql = new SqlFragment();
        if (!filter.search().isEmpty()) {
            sql.append("(");
            boolean first = true;
            for (BrowseColumn column : table.columns()) {
                if (column.type() == ColumnType.EPOCH_SECONDS) {
                    continue; // shown as dates: matching its seconds would only surprise
                }
                sql.append(first ? "" : " OR ").append(like(table.expression(column), filter.search()));
                first = false;
            }
            sql.append(")");
        }
        for (RowFilter.Condition condition : filter.conditions()) {
            if (!sql.isEmpty()) {
                sql.append(" AND ");
            }
            sql.append(condition(table, condition));
        }
        return sql;
    }

    private static SqlFragment condition(BrowsableTable table, RowFilter.Condition c) {
        BrowseColumn column = table.column(c.column()).orElseThrow(() -> new InvalidFilterException(
                "There is no column '" + c.column() + "' in " + table.label() + ". Its columns are: "
                        + table.columns().stream().map(BrowseColumn::name).collect(Collectors.joining(", ")) + "."));
        SqlFragment e = table.expression(column);
        return switch (c.operator()) {
            case MISSING -> new SqlFragment("(").append(e).append(" IS NULL)");
            case CONTAINS -> like(e, required(c.value(), column, "contain"));
            case EQUALS -> equalTo(e, column, required(c.value(), column, "equal"));
            case BETWEEN -> between(e, column, c.value(), c.upper());
        };
    }

    private static String required(String value, BrowseColumn column, String verb) {
        if (value.isEmpty()) {
            throw new InvalidFilterException("Type the value that column '" + column.name() + "' should " + verb + ".");
        }
        return value;
    }

    private static SqlFragment like(SqlFragment e, String text) {
        String pattern = "%" + text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return new SqlFragment("LOWER(CAST(").append(e).append(" AS VARCHAR)) LIKE ? ESCAPE '!'", pattern);
    }

    private static SqlFragment equalTo(SqlFragment e, BrowseColumn column, String value) {
        if (column.type() == ColumnType.EPOCH_SECONDS && isDate(value)) {
            long day = dayStart(value, column);
            return range(e, day, day + DAY - 1);
        }
        Object v = column.type().isNumeric() ? number(value, column) : value;
        return new SqlFragment("(").append(e).append(" = ?)", v);
    }

    private static SqlFragment between(SqlFragment e, BrowseColumn column, String lower, String upper) {
        if (lower.isEmpty() && upper.isEmpty()) {
            throw new InvalidFilterException("Give a lower bound, an upper bound or both for column '" + column.name() + "'.");
        }
        if (!column.type().isNumeric()) {
            SqlFragment sql = new SqlFragment("(").append(e).append(" IS NOT NULL");
            if (!lower.isEmpty()) {
                sql.append(" AND ").append(e).append(" >= ?", lower);
            }
            if (!upper.isEmpty()) {
                sql.append(" AND ").append(e).append(" <= ?", upper);
            }
            return sql.append(")");
        }
        Double low = lower.isEmpty() ? null : bound(lower, column, false);
        Double high = upper.isEmpty() ? null : bound(upper, column, true);
        if (low != null && high != null && low > high) {
            throw new InvalidFilterException("The lower bound " + lower + " is above the upper bound " + upper
                    + " (column '" + column.name() + "'): no row can match.");
        }
        return range(e, low, high);
    }

    private static SqlFragment range(SqlFragment e, Number low, Number high) {
        SqlFragment sql = new SqlFragment("(").append(e).append(" IS NOT NULL");
        if (low != null) {
            sql.append(" AND ").append(e).append(" >= ?", low);
        }
        if (high != null) {
            sql.append(" AND ").append(e).append(" <= ?", high);
        }
        return sql.append(")");
    }

    /** A numeric bound; a date bound of a time column covers its whole day. */
    private static Double bound(String text, BrowseColumn column, boolean upper) {
        if (column.type() == ColumnType.EPOCH_SECONDS && isDate(text)) {
            long day = dayStart(text, column);
            return (double) (upper ? day + DAY - 1 : day);
        }
        return number(text, column);
    }

    private static Double number(String text, BrowseColumn column) {
        try {
            double v = Double.parseDouble(text.replace(",", ""));
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // explained below
        }
        String expected = column.type() == ColumnType.EPOCH_SECONDS
                ? "a date (yyyy-mm-dd) or seconds since 1970" : "a number";
        throw new InvalidFilterException("'" + text + "' is not " + expected + "; column '" + column.name()
                + "' holds " + (column.type() == ColumnType.EPOCH_SECONDS ? "times" : "numbers") + ".");
    }

    private static boolean isDate(String text) {
        return text.matches("\\d{4}-\\d{1,2}-\\d{1,2}");
    }

    private static long dayStart(String text, BrowseColumn column) {
        try {
            String[] p = text.split("-");
            return LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]))
                    .atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        } catch (java.time.DateTimeException e) {
            throw new InvalidFilterException("'" + text + "' is not a valid date; column '" + column.name()
                    + "' holds times (yyyy-mm-dd, in UTC).");
        }
    }
}
