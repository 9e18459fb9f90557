package org.recblend.ui.editor.preview;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.recblend.domain.AttributeValue;
import org.recblend.domain.InteractionTable;

/** How preview cells print values: fixed locale so tests and screenshots read the same everywhere. */
final class Cells {
    /** Longer texts (descriptions, reviews) are cut so a row stays one readable line. */
    static final int MAX_TEXT = 80;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private Cells() {
    }

    static String integer(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** "1 row", "12,345 rows". */
    static String count(long n, String noun) {
        return count(n, noun, noun + "s");
    }

    /** "1 entry", "3 entries". */
    static String count(long n, String singular, String plural) {
        return integer(n) + " " + (n == 1 ? singular : plural);
    }

    /** A weight or score: as few digits as say it (1, 0.5, 3.142). */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        if (Math.abs(v) >= 1000) {
            return String.format(Locale.ROOT, "%,.1f", v);
        }
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    /** A metric or similarity: always four decimals so a column lines up. */
    static String fixed(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    static String seconds(double s) {
        if (s < 0.05) {
            return "under 0.1 s";
        }
        return s < 10 ? String.format(Locale.ROOT, "%.1f s", s) : String.format(Locale.ROOT, "%,.0f s", s);
    }

    /** An epoch-seconds timestamp in UTC, blank when unknown. */
    static String time(long epochSeconds) {
        return epochSeconds == InteractionTable.NO_TIME ? "" : TIME.format(Instant.ofEpochSecond(epochSeconds));
    }

    /** One line, cut with an ellipsis. */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        String line = s.replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_TEXT ? line : line.substring(0, MAX_TEXT - 1) + "…";
    }

    /** An encoder's source name without the hash that keeps cache entries apart: "text:tfidf-svd64@1". */
    static String source(String s) {
        return s.replaceAll(":[0-9a-f]{8,}$", "");
    }

    static String attribute(AttributeValue v) {
        if (v == null) {
            return "";
        }
        return v.isNumeric() ? number(v.number()) : text(v.text());
    }
}
