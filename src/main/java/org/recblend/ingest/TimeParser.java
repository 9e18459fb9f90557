package org.recblend.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Turns a time value into epoch seconds (UTC). Formats: {@code null} for automatic (numbers are
 * epoch seconds, or milliseconds when above 10^11, i.e. after the year 5138 in seconds; ISO-8601
 * dates and date-times are parsed), {@code epoch-seconds}, {@code epoch-millis}, or a
 * {@link DateTimeFormatter} pattern such as {@code dd-MMM-yyyy} (English month names).
 */
final class TimeParser {
    private static final double MILLIS_ABOVE = 1e11;
    private static final DateTimeFormatter[] ISO = {
        DateTimeFormatter.ISO_OFFSET_DATE_TIME, DateTimeFormatter.ISO_LOCAL_DATE_TIME, DateTimeFormatter.ISO_LOCAL_DATE,
        new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd HH:mm[:ss]").toFormatter(Locale.ROOT)
    };

    private enum Mode { AUTO, SECONDS, MILLIS, PATTERN }

    private final Mode mode;
    private final DateTimeFormatter pattern;
    private final String expected;

    private TimeParser(Mode mode, DateTimeFormatter pattern, String expected) {
        this.mode = mode;
        this.pattern = pattern;
        this.expected = expected;
    }

    /** A parser for a mapping's format; an invalid pattern is an {@link IllegalArgumentException}. */
    static TimeParser of(String format) {
        if (format == null || format.isBlank()) {
            return new TimeParser(Mode.AUTO, null, "epoch seconds or an ISO date");
        }
        return switch (format.strip().toLowerCase(Locale.ROOT)) {
            case ColumnMapping.EPOCH_SECONDS, "epoch", "seconds" -> new TimeParser(Mode.SECONDS, null, "epoch seconds");
            case ColumnMapping.EPOCH_MILLIS, "millis" -> new TimeParser(Mode.MILLIS, null, "epoch milliseconds");
            default -> new TimeParser(Mode.PATTERN, new DateTimeFormatterBuilder().parseCaseInsensitive()
                    .appendPattern(format.strip()).toFormatter(Locale.ENGLISH), "a date like " + format.strip());
        };
    }

    /** What a value should look like, for messages. */
    String expected() {
        return expected;
    }

    /** The epoch seconds of a non-empty, stripped value. */
    long parse(String v) {
        switch (mode) {
            case SECONDS:
                return seconds(number(v));
            case MILLIS:
                return Math.floorDiv((long) number(v), 1000L);
            case PATTERN:
                return epochSeconds(pattern.parseBest(v, ZonedDateTime::from, OffsetDateTime::from,
                        LocalDateTime::from, LocalDate::from));
            default:
                if (looksNumeric(v)) {
                    double n = number(v);
                    return Math.abs(n) >= MILLIS_ABOVE ? Math.floorDiv((long) n, 1000L) : seconds(n);
                }
                for (DateTimeFormatter f : ISO) {
                    try {
                        return epochSeconds(f.parseBest(v, OffsetDateTime::from, LocalDateTime::from, LocalDate::from));
                    } catch (DateTimeException ignored) {
                        // try the next form
                    }
                }
                throw new DateTimeException(v);
        }
    }

    private static long seconds(double n) {
        return (long) Math.floor(n);
    }

    private static double number(String v) {
        if (isDigits(v)) {
            return Long.parseLong(v);
        }
        double d = Double.parseDouble(v);
        if (!Double.isFinite(d)) {
            throw new NumberFormatException(v);
        }
        return d;
    }

    static boolean isDigits(String v) {
        int n = v.length();
        if (n == 0 || n > 18) {
            return false;
        }
        int i = v.charAt(0) == '-' ? 1 : 0;
        if (i == n) {
            return false;
        }
        for (; i < n; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean looksNumeric(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '+' || (c == '-' && (i == 0 || v.charAt(i - 1) == 'e' || v.charAt(i - 1) == 'E')))) {
                return false;
            }
        }
        return !v.isEmpty();
    }

    private static long epochSeconds(TemporalAccessor t) {
        if (t instanceof ZonedDateTime z) {
            return z.toEpochSecond();
        }
        if (t instanceof OffsetDateTime o) {
            return o.toEpochSecond();
        }
        if (t instanceof LocalDateTime l) {
            return l.toEpochSecond(ZoneOffset.UTC);
        }
        if (t instanceof LocalDate d) {
            return d.toEpochDay() * 86_400L;
        }
        return Instant.from(t).getEpochSecond();
    }

    /** Epoch seconds of midnight UTC of a date given in three parts. */
    static long ofDate(int year, int month, int day) {
        return LocalDate.of(year, month, day).toEpochDay() * 86_400L;
    }
}
