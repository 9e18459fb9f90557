package org.recblend.ingest;

import java.util.Map;
import org.recblend.domain.ColumnRole;
import org.recblend.ingest.read.RecordReader;

/**
 * A column mapping bound to a file: its position, how messages name it and the helpers that read
 * its value from the current record and reject the row when the value is bad.
 *
 * @param mapping    the mapping from the spec
 * @param index      0-based position in the file
 * @param label      the header name, or the role when the file has none (for messages)
 * @param name       the attribute, text field, context or category name the value is stored under
 * @param lookup     the code table translating values, or {@code null}
 * @param lookupName the code table's file name, for messages
 */
record Column(ColumnMapping mapping, int index, String label, String name, Map<String, String> lookup, String lookupName) {

    ColumnRole role() {
        return mapping.role();
    }

    /** "column 3 (rating)". */
    String where() {
        return "column " + (index + 1) + " (" + label + ")";
    }

    RowReject reject(String reason) {
        return new RowReject(index + 1, label, reason);
    }

    /** The stripped value, translated through the lookup; {@code null} when empty. */
    String value(RecordReader r) throws RowReject {
        String v = strip(r.get(index));
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (lookup != null) {
            String translated = lookup.get(v);
            if (translated == null) {
                throw reject("'" + v + "' in " + where() + " is not in the lookup table " + lookupName);
            }
            return translated;
        }
        return v;
    }

    /** An id: must not be empty, at most 200 characters. */
    String id(RecordReader r, String what) throws RowReject {
        String v = value(r);
        if (v == null) {
            throw reject("empty " + what + " in " + where());
        }
        if (v.length() > 200) {
            throw reject("the " + what + " in " + where() + " is longer than 200 characters");
        }
        return v;
    }

    /** A number, or NaN when empty. */
    double number(RecordReader r) throws RowReject {
        String v = value(r);
        if (v == null) {
            return Double.NaN;
        }
        try {
            double d = TimeParser.isDigits(v) ? Long.parseLong(v) : Double.parseDouble(v);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw reject("'" + shorten(v) + "' in " + where() + " is not a number");
    }

    /** A whole number for a date part; {@code Integer.MIN_VALUE} when empty. */
    int integer(RecordReader r) throws RowReject {
        String v = value(r);
        if (v == null) {
            return Integer.MIN_VALUE;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw reject("'" + shorten(v) + "' in " + where() + " is not a whole number");
        }
    }

    /** A text of at most {@code max} characters, or {@code null} when empty. */
    String text(RecordReader r, int max) throws RowReject {
        String v = value(r);
        if (v != null && v.length() > max) {
            throw reject("the value in " + where() + " is longer than " + String.format("%,d", max) + " characters");
        }
        return v;
    }

    static String strip(String v) {
        if (v == null || v.isEmpty()) {
            return v;
        }
        return Character.isWhitespace(v.charAt(0)) || Character.isWhitespace(v.charAt(v.length() - 1)) ? v.strip() : v;
    }

    static String shorten(String v) {
        return v.length() <= 60 ? v : v.substring(0, 57) + "...";
    }
}
