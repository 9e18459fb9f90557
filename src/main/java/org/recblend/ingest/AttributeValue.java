package org.recblend.ingest;

import java.time.DateTimeException;
import org.recblend.ingest.read.RecordReader;

/**
 * Reads a user or item attribute: the text as written, and a number when the value is one (or,
 * with a date format, its epoch seconds). The format {@code text} keeps codes such as zip codes
 * from being treated as numbers.
 */
final class AttributeValue {
    private final Column column;
    private final boolean textOnly;
    private final TimeParser dates;
    String text;
    double number;

    AttributeValue(Column column) {
        this.column = column;
        String f = column.mapping().format();
        this.textOnly = ColumnMapping.TEXT.equalsIgnoreCase(f);
        this.dates = f == null || textOnly ? null : TimeParser.of(f);
    }

    Column column() {
        return column;
    }

    /** Reads the value into {@link #text} and {@link #number} (NaN when not numeric); false when empty. */
    boolean read(RecordReader r) throws RowReject {
        text = column.text(r, 4000);
        number = Double.NaN;
        if (text == null) {
            return false;
        }
        if (dates != null) {
            try {
                number = dates.parse(text);
            } catch (DateTimeException | NumberFormatException e) {
                throw column.reject("'" + Column.shorten(text) + "' in " + column.where() + " is not " + dates.expected());
            }
        } else if (!textOnly && looksNumeric(text)) {
            try {
                double d = Double.parseDouble(text);
                number = Double.isFinite(d) ? d : Double.NaN;
            } catch (NumberFormatException ignored) {
                // stays text
            }
        }
        return true;
    }

    private static boolean looksNumeric(String v) {
        char c = v.charAt(0);
        return c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.';
    }
}
