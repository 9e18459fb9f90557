package org.recblend.store.browse;

import java.util.List;

/**
 * Which rows to show: an optional free-text search over every column (case-insensitive
 * "contains") and conditions on single columns, all of which must hold. Values are as typed by
 * the user; {@link TableBrowser} checks them and says what is wrong.
 */
public record RowFilter(String search, List<Condition> conditions) {
    /** Every row. */
    public static final RowFilter NONE = new RowFilter("", List.of());

    public RowFilter {
        search = search == null ? "" : search.strip();
        conditions = List.copyOf(conditions);
    }

    public static RowFilter search(String text) {
        return new RowFilter(text, List.of());
    }

    public static RowFilter of(Condition... conditions) {
        return new RowFilter("", List.of(conditions));
    }

    public RowFilter and(Condition condition) {
        var all = new java.util.ArrayList<>(conditions);
        all.add(condition);
        return new RowFilter(search, all);
    }

    public boolean isEmpty() {
        return search.isEmpty() && conditions.isEmpty();
    }

    /** How a condition compares a column with the typed value(s). */
    public enum Operator {
        EQUALS("="),
        CONTAINS("contains"),
        BETWEEN("between"),
        MISSING("is missing");

        private final String label;

        Operator(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * One condition on a column.
     *
     * @param column the column's name, as in {@link BrowsableTable#columns()}
     * @param value  the value for EQUALS and CONTAINS, the lower bound for BETWEEN (blank: none)
     * @param upper  the upper bound for BETWEEN (blank: none); ignored otherwise
     */
    public record Condition(String column, Operator operator, String value, String upper) {
        public Condition {
            value = value == null ? "" : value.strip();
            upper = upper == null ? "" : upper.strip();
        }

        public static Condition equalTo(String column, String value) {
            return new Condition(column, Operator.EQUALS, value, "");
        }

        public static Condition contains(String column, String value) {
            return new Condition(column, Operator.CONTAINS, value, "");
        }

        public static Condition between(String column, String lower, String upper) {
            return new Condition(column, Operator.BETWEEN, lower, upper);
        }

        public static Condition missing(String column) {
            return new Condition(column, Operator.MISSING, "", "");
        }
    }
}
