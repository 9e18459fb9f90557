package org.recblend.ui.browser;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One row of the browser's table. Its values arrive when its page has been read; until then they
 * are null and the cells show that the row is loading. Cells observe {@link #valuesProperty()},
 * so a page arriving updates exactly the rows on screen.
 */
public final class BrowserRow {
    private final long index;
    private final ReadOnlyObjectWrapper<Object[]> values = new ReadOnlyObjectWrapper<>();

    BrowserRow(long index) {
        this.index = index;
    }

    /** The row's position in the filtered table, from 0. */
    public long index() {
        return index;
    }

    /** The row's values in column order, or null while loading. */
    public Object[] values() {
        return values.get();
    }

    public ReadOnlyObjectProperty<Object[]> valuesProperty() {
        return values.getReadOnlyProperty();
    }

    void setValues(Object[] row) {
        values.set(row);
    }
}
