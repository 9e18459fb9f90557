package org.recblend.ui.browser;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.recblend.store.StoreException;
import org.recblend.store.browse.BrowsableTable;
import org.recblend.store.browse.BrowseColumn;
import org.recblend.store.browse.ColumnStats;
import org.recblend.store.browse.InvalidFilterException;
import org.recblend.store.browse.RowFilter;
import org.recblend.store.browse.TableBrowser;
import org.recblend.store.browse.TableKind;
import org.recblend.store.browse.TablePage;
import org.recblend.ui.task.TaskExecutor;

/**
 * State of one dataset's data browser: the tables it offers, the selected one, the filter being
 * typed, the rows (a {@link PagedRows} over the filtered table) and the statistics of a column.
 * Every read goes through the {@link TaskExecutor}; an answer that arrives after the user moved on
 * to another table or filter is dropped.
 */
public final class DataBrowserViewModel {
    /** Rows per page read from the project. */
    public static final int PAGE_SIZE = 200;
    /** Pages kept in memory: about 10 screens of rows. */
    public static final int CACHED_PAGES = 16;

    private final TableBrowser browser;
    private final TaskExecutor executor;
    private final String dataset;
    private final ObservableList<BrowsableTable> tables = FXCollections.observableArrayList();
    private final ObjectProperty<BrowsableTable> table = new SimpleObjectProperty<>();
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<String> filterColumn = new SimpleObjectProperty<>();
    private final ObjectProperty<RowFilter.Operator> filterOperator = new SimpleObjectProperty<>(RowFilter.Operator.EQUALS);
    private final StringProperty filterValue = new SimpleStringProperty("");
    private final StringProperty filterUpper = new SimpleStringProperty("");
    private final ObjectProperty<PagedRows> rows = new SimpleObjectProperty<>();
    private final LongProperty total = new SimpleLongProperty();
    private final ObjectProperty<RowFilter> appliedFilter = new SimpleObjectProperty<>(RowFilter.NONE);
    private final ObjectProperty<String> statsColumn = new SimpleObjectProperty<>();
    private final ObjectProperty<ColumnStats> stats = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private long generation;
    private PagedRows.LoadListener loadListener;

    public DataBrowserViewModel(TableBrowser browser, TaskExecutor executor, String dataset) {
        this.browser = browser;
        this.executor = executor;
        this.dataset = dataset;
    }

    public String dataset() {
        return dataset;
    }

    /** Reads the dataset's tables, then shows the one of that source (the first when null or not found). */
    public void loadTables(String source, TableKind kind) {
        busy.set(true);
        status.set("Reading the tables of " + dataset + " …");
        executor.execute(() -> browser.tables(dataset), found -> {
            busy.set(false);
            tables.setAll(found);
            if (found.isEmpty()) {
                status.set("Dataset " + dataset + " holds no imported sources yet.");
                return;
            }
            select(source, kind);
        }, this::failed);
    }

    /** Shows the table of that source and kind, if the dataset has one; false otherwise. */
    public boolean select(String source, TableKind kind) {
        BrowsableTable chosen = tables.stream()
                .filter(t -> (source == null || t.sourceName().equals(source)) && (kind == null || t.kind() == kind))
                .findFirst().orElse(tables.isEmpty() ? null : tables.get(0));
        if (chosen == null) {
            return false;
        }
        selectTable(chosen);
        return (source == null || chosen.sourceName().equals(source)) && (kind == null || chosen.kind() == kind);
    }

    /** Shows another table, without filter. */
    public void selectTable(BrowsableTable chosen) {
        if (chosen == null || chosen.equals(table.get()) && rows.get() != null) {
            return;
        }
        table.set(chosen);
        search.set("");
        filterColumn.set(chosen.columns().get(0).name());
        filterValue.set("");
        filterUpper.set("");
        statsColumn.set(chosen.columns().get(0).name());
        stats.set(null);
        show(RowFilter.NONE);
    }

    /** Applies the search text and the condition as typed; an empty condition value means no condition. */
    public void applyFilter() {
        try {
            show(typedFilter());
        } catch (InvalidFilterException e) {
            error.set(e.getMessage());
        }
    }

    /** Shows every row of the table again. */
    public void clearFilter() {
        search.set("");
        filterValue.set("");
        filterUpper.set("");
        show(RowFilter.NONE);
    }

    /** The filter the fields describe now. */
    RowFilter typedFilter() {
        RowFilter.Operator op = filterOperator.get();
        boolean noCondition = filterColumn.get() == null || op == null
                || op != RowFilter.Operator.MISSING && filterValue.get().isBlank() && filterUpper.get().isBlank();
        List<RowFilter.Condition> conditions = noCondition ? List.of()
                : List.of(new RowFilter.Condition(filterColumn.get(), op, filterValue.get(), filterUpper.get()));
        return new RowFilter(search.get(), conditions);
    }

    private void show(RowFilter filter) {
        BrowsableTable shown = table.get();
        if (shown == null) {
            return;
        }
        long request = ++generation;
        error.set(null);
        busy.set(true);
        status.set("Counting rows …");
        executor.execute(() -> browser.count(shown, filter), count -> {
            if (request != generation) {
                return;
            }
            busy.set(false);
            appliedFilter.set(filter);
            total.set(count);
            PagedRows paged = new PagedRows(count, PAGE_SIZE, CACHED_PAGES, source(shown, filter), executor, this::failed);
            paged.setLoadListener(loadListener);
            rows.set(paged);
            status.set(describe(shown, filter, count));
            if (statsColumn.get() != null && stats.get() != null) {
                computeStats();
            }
        }, this::failed);
    }

    private PagedRows.PageSource source(BrowsableTable shown, RowFilter filter) {
        return (offset, limit, anchor) -> {
            TablePage page = anchor == null ? browser.page(shown, filter, offset, limit)
                    : browser.pageAfter(shown, filter, anchor.offset(), anchor.key(), offset, limit);
            return page;
        };
    }

    static String describe(BrowsableTable table, RowFilter filter, long count) {
        String rowsText = CellText.count(count) + (count == 1 ? " row" : " rows");
        return filter.isEmpty() ? table.label() + ": " + rowsText : table.label() + ": " + rowsText + " match the filter";
    }

    /** Computes the statistics of {@link #statsColumnProperty()} over the rows the filter shows. */
    public void computeStats() {
        BrowsableTable shown = table.get();
        String column = statsColumn.get();
        if (shown == null || column == null) {
            return;
        }
        RowFilter filter = appliedFilter.get();
        long request = generation;
        busy.set(true);
        status.set("Computing statistics of " + column + " …");
        executor.execute(() -> browser.stats(shown, filter, column), computed -> {
            if (request != generation) {
                return;
            }
            busy.set(false);
            stats.set(computed);
            status.set(describe(shown, filter, total.get()));
        }, this::failed);
    }

    private void failed(Throwable failure) {
        busy.set(false);
        error.set(messageOf(failure));
        status.set("");
    }

    static String messageOf(Throwable failure) {
        if (failure instanceof InvalidFilterException) {
            return failure.getMessage();
        }
        if (failure instanceof StoreException) {
            return "Cannot read the project: " + failure.getMessage();
        }
        if (failure instanceof IllegalStateException && failure.getMessage() != null && failure.getMessage().contains("closed")) {
            return failure.getMessage() + ": reopen it to browse its data.";
        }
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    /** Told about every page read (the benchmark measures them). */
    public void setLoadListener(PagedRows.LoadListener listener) {
        this.loadListener = listener;
        if (rows.get() != null) {
            rows.get().setLoadListener(listener);
        }
    }

    public List<BrowseColumn> columns() {
        return table.get() == null ? List.of() : table.get().columns();
    }

    public ObservableList<BrowsableTable> tables() {
        return tables;
    }

    public ObjectProperty<BrowsableTable> tableProperty() {
        return table;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<String> filterColumnProperty() {
        return filterColumn;
    }

    public ObjectProperty<RowFilter.Operator> filterOperatorProperty() {
        return filterOperator;
    }

    public StringProperty filterValueProperty() {
        return filterValue;
    }

    public StringProperty filterUpperProperty() {
        return filterUpper;
    }

    public ObjectProperty<PagedRows> rowsProperty() {
        return rows;
    }

    public LongProperty totalProperty() {
        return total;
    }

    public ObjectProperty<RowFilter> appliedFilterProperty() {
        return appliedFilter;
    }

    public ObjectProperty<String> statsColumnProperty() {
        return statsColumn;
    }

    public ObjectProperty<ColumnStats> statsProperty() {
        return stats;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** The last error to show the user, or null. */
    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
