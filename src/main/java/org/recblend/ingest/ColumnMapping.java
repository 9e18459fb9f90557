package org.recblend.ingest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.recblend.domain.ColumnRole;

/**
 * What one column of a file means.
 *
 * <p>The column is named by its header (or JSON field) name, or by its 0-based index; messages
 * and reject reports count columns from 1, as a spreadsheet does.
 *
 * @param index  0-based position of the column (used when {@code column} is null)
 * @param column the header name or JSON field name
 * @param role   what the column means
 * @param name   the attribute name, text field name, context name or, for a
 *               {@link ColumnRole#CATEGORY_FLAG}, the category; defaults to the header name
 * @param format for times: {@code epoch-seconds} (default), {@code epoch-millis} or a date pattern
 *               such as {@code dd-MMM-yyyy}; for {@link ColumnRole#ITEM_CATEGORY}: the separator of
 *               several values ({@code |}); for attributes: {@code text} to never treat values as numbers
 * @param lookup an optional code table translating the values
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ColumnMapping(Integer index, String column, ColumnRole role, String name, String format,
                            ValueLookup lookup) {

    /** The format value that keeps attribute values as text. */
    public static final String TEXT = "text";
    public static final String EPOCH_SECONDS = "epoch-seconds";
    public static final String EPOCH_MILLIS = "epoch-millis";

    public ColumnMapping {
        if (role == null) {
            throw new IllegalArgumentException("A column mapping needs a role");
        }
        if (index == null && (column == null || column.isEmpty())) {
            throw new IllegalArgumentException("A column mapping for " + role + " needs a column name or an index");
        }
        if (index != null && index < 0) {
            throw new IllegalArgumentException("Column index must not be negative: " + index);
        }
    }

    /** The column at a 0-based index. */
    public static ColumnMapping at(int index, ColumnRole role) {
        return new ColumnMapping(index, null, role, null, null, null);
    }

    /** The column with a header or field name. */
    public static ColumnMapping named(String column, ColumnRole role) {
        return new ColumnMapping(null, column, role, null, null, null);
    }

    public ColumnMapping withName(String newName) {
        return new ColumnMapping(index, column, role, newName, format, lookup);
    }

    public ColumnMapping withFormat(String newFormat) {
        return new ColumnMapping(index, column, role, name, newFormat, lookup);
    }

    public ColumnMapping withLookup(ValueLookup newLookup) {
        return new ColumnMapping(index, column, role, name, format, newLookup);
    }

    /** How the column is named in messages before it is bound to a file: its name or its number. */
    @JsonIgnore
    public String reference() {
        return column != null ? "'" + column + "'" : "number " + (index + 1);
    }
}
