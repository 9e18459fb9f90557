package org.recblend.ui.browser;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.recblend.store.browse.ColumnType;

/** How the browser writes values: times as UTC dates, whole numbers without ".0", counts grouped. */
final class CellText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private CellText() {
    }

    static String of(Object value, ColumnType type) {
        if (value == null) {
            return "";
        }
        if (type == ColumnType.EPOCH_SECONDS && value instanceof Number n) {
            return TIME.format(Instant.ofEpochSecond(n.longValue()));
        }
        if (value instanceof Double d) {
            return number(d);
        }
        return value.toString();
    }

    /** A number as briefly as it is exact, up to four decimals. */
    static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        NumberFormat f = NumberFormat.getNumberInstance(Locale.US);
        f.setGroupingUsed(false);
        f.setMaximumFractionDigits(4);
        return f.format(d);
    }

    /** A numeric statistic in the column's own terms (a time column's minimum is a date). */
    static String stat(Double value, ColumnType type) {
        if (value == null) {
            return "–";
        }
        return type == ColumnType.EPOCH_SECONDS ? TIME.format(Instant.ofEpochSecond(value.longValue())) : number(value);
    }

    static String count(long n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }
}
