package org.recblend.ingest;

import java.time.DateTimeException;
import org.recblend.domain.ColumnRole;
import org.recblend.ingest.read.RecordReader;

/** Reads a row's time from a TIMESTAMP column or from year, month and day columns. */
final class RowTime {
    /** No time given. */
    static final long NONE = Long.MIN_VALUE;

    private final Column timestamp;
    private final TimeParser parser;
    private final Column year;
    private final Column month;
    private final Column day;

    RowTime(BoundSpec bound) {
        this.timestamp = bound.get(ColumnRole.TIMESTAMP);
        this.parser = timestamp == null ? null : TimeParser.of(timestamp.mapping().format());
        this.year = bound.get(ColumnRole.DATE_YEAR);
        this.month = bound.get(ColumnRole.DATE_MONTH);
        this.day = bound.get(ColumnRole.DATE_DAY);
    }

    /** Epoch seconds, or {@link #NONE} when the row gives no time. */
    long read(RecordReader r) throws RowReject {
        if (timestamp != null) {
            String v = timestamp.value(r);
            if (v == null) {
                return NONE;
            }
            try {
                return parser.parse(v);
            } catch (DateTimeException | NumberFormatException | ArithmeticException e) {
                throw timestamp.reject("'" + Column.shorten(v) + "' in " + timestamp.where() + " is not a time (expected "
                        + parser.expected() + ")");
            }
        }
        if (year != null) {
            int y = year.integer(r);
            int m = month.integer(r);
            int d = day.integer(r);
            if (y == Integer.MIN_VALUE && m == Integer.MIN_VALUE && d == Integer.MIN_VALUE) {
                return NONE;
            }
            try {
                return TimeParser.ofDate(y, m, d);
            } catch (DateTimeException e) {
                throw year.reject("day " + show(d) + ", month " + show(m) + ", year " + show(y) + " in columns "
                        + (day.index() + 1) + ", " + (month.index() + 1) + " and " + (year.index() + 1) + " is not a date");
            }
        }
        return NONE;
    }

    private static String show(int v) {
        return v == Integer.MIN_VALUE ? "(empty)" : String.valueOf(v);
    }
}
