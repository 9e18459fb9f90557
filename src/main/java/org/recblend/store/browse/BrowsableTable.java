package org.recblend.store.browse;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One table of a stored dataset the user can page through: a source's rows (behaviour, item or
 * user attributes, social edges, user-item texts) or a source's rejected rows. The SQL that reads
 * it stays in this package; callers see only its label and columns.
 */
public final class BrowsableTable {
    private final TableKind kind;
    private final String dataset;
    private final int sourceId;
    private final String sourceName;
    private final String fileName;
    private final List<BrowseColumn> columns;
    private final List<SqlFragment> expressions;
    private final String keyExpression;
    private final SqlFragment pageFrom;
    private final SqlFragment from;
    private final SqlFragment countFrom;
    private final SqlFragment where;

    BrowsableTable(TableKind kind, String dataset, int sourceId, String sourceName, String fileName,
                   List<BrowseColumn> columns, List<SqlFragment> expressions, String keyExpression,
                   SqlFragment pageFrom, SqlFragment from, SqlFragment countFrom, SqlFragment where) {
        if (columns.size() != expressions.size()) {
            throw new IllegalArgumentException("one expression per column");
        }
        this.kind = kind;
        this.dataset = dataset;
        this.sourceId = sourceId;
        this.sourceName = sourceName;
        this.fileName = fileName;
        this.columns = List.copyOf(columns);
        this.expressions = List.copyOf(expressions);
        this.keyExpression = keyExpression;
        this.pageFrom = pageFrom;
        this.from = from;
        this.countFrom = countFrom;
        this.where = where;
    }

    public TableKind kind() {
        return kind;
    }

    public String dataset() {
        return dataset;
    }

    public int sourceId() {
        return sourceId;
    }

    public String sourceName() {
        return sourceName;
    }

    /** The file the source was imported from, or null. */
    public String fileName() {
        return fileName;
    }

    public List<BrowseColumn> columns() {
        return columns;
    }

    /** What the table selector shows, e.g. "purchases · behaviour". */
    public String label() {
        return sourceName + " · " + kind.label();
    }

    /** The column of that name (case-insensitive). */
    public Optional<BrowseColumn> column(String name) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }

    int indexOf(BrowseColumn column) {
        return columns.indexOf(column);
    }

    SqlFragment expression(BrowseColumn column) {
        return expressions.get(columns.indexOf(column));
    }

    List<SqlFragment> expressions() {
        return expressions;
    }

    String keyExpression() {
        return keyExpression;
    }

    /** The FROM clause for reading pages in key order. */
    SqlFragment pageFrom() {
        return pageFrom;
    }

    /** The FROM clause for counts and statistics. */
    SqlFragment from() {
        return from;
    }

    /** The FROM clause without joins that only add columns: enough to count unfiltered rows. */
    SqlFragment countFrom() {
        return countFrom;
    }

    SqlFragment where() {
        return where;
    }

    /** Identifies the table across refreshes: same source, same kind. */
    public String id() {
        return sourceId + ":" + kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BrowsableTable t && t.id().equals(id()) && t.dataset.equals(dataset);
    }

    @Override
    public int hashCode() {
        return id().hashCode();
    }

    @Override
    public String toString() {
        return label();
    }
}
