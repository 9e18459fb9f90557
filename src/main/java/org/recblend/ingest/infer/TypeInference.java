package org.recblend.ingest.infer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.recblend.domain.ColumnRole;
import org.recblend.ingest.read.FileFormat;
import org.recblend.ingest.read.Preview;
import org.recblend.ingest.read.Readers;
import org.recblend.ingest.read.TextFileException;

/**
 * Infers each column's value type from a sample of rows (the first {@value #SAMPLE_ROWS}) and
 * suggests its role; see {@link RoleSuggester} for the roles.
 */
public final class TypeInference {
    /** Rows looked at. */
    public static final int SAMPLE_ROWS = 1000;
    /** Date patterns tried, in order; ISO forms are parsed by the importer without a pattern. */
    static final List<String> DATE_PATTERNS = List.of("yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm",
            "yyyy/MM/dd", "dd/MM/yyyy", "MM/dd/yyyy", "dd.MM.yyyy", "d-MMM-yyyy", "dd MMM yyyy", "MMM d, yyyy",
            "dd/MM/yyyy HH:mm", "MM/dd/yyyy HH:mm");
    private static final List<String> SEPARATORS = List.of("|", ";", ", ");
    private static final double EPOCH_SECONDS_MIN = 1e8;      // 1973
    private static final double EPOCH_SECONDS_MAX = 4.2e9;    // 2103

    private TypeInference() {
    }

    /** Profiles the columns of a file, with suggested roles. */
    public static List<ColumnProfile> profile(Path file, FileFormat format) throws IOException, TextFileException {
        return profile(Readers.preview(file, format, SAMPLE_ROWS));
    }

    /** Profiles the columns of a preview, with suggested roles. */
    public static List<ColumnProfile> profile(Preview preview) {
        int columns = preview.columnCount();
        List<ColumnProfile> profiles = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            List<String> values = new ArrayList<>();
            for (Preview.Row row : preview.rows()) {
                if (row.problem() == null && c < row.values().size()) {
                    values.add(row.values().get(c));
                }
            }
            String name = c < preview.header().size() ? preview.header().get(c) : null;
            profiles.add(profileColumn(c, name, values));
        }
        return RoleSuggester.suggest(profiles);
    }

    /** The profile of one column's sample values (role not yet suggested). */
    static ColumnProfile profileColumn(int index, String name, List<String> rawValues) {
        List<String> values = new ArrayList<>();
        for (String v : rawValues) {
            if (v != null && !v.isBlank()) {
                values.add(v.strip());
            }
        }
        Set<String> distinct = new LinkedHashSet<>(values);
        List<String> examples = distinct.stream().limit(5).toList();
        double meanLength = values.stream().mapToInt(String::length).average().orElse(0);
        if (values.isEmpty()) {
            return new ColumnProfile(index, name, ValueType.EMPTY, null, 0, 0, Double.NaN, Double.NaN, 0, examples, ColumnRole.IGNORE);
        }
        boolean integers = true;
        boolean numbers = true;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (String v : values) {
            if (!isInteger(v)) {
                integers = false;
            }
            try {
                double d = Double.parseDouble(v);
                if (!Double.isFinite(d) || !looksNumeric(v)) {
                    numbers = false;
                    break;
                }
                min = Math.min(min, d);
                max = Math.max(max, d);
            } catch (NumberFormatException e) {
                numbers = false;
                break;
            }
        }
        ValueType type;
        String format = null;
        if (numbers) {
            type = integers ? ValueType.INTEGER : ValueType.DECIMAL;
            boolean timeName = RoleSuggester.looksLikeTime(name);
            boolean plausible = timeName || name == null && distinct.size() > values.size() / 2;
            if (plausible && min >= EPOCH_SECONDS_MIN && max <= EPOCH_SECONDS_MAX) {
                type = ValueType.EPOCH_SECONDS;
            } else if (plausible && integers && min >= EPOCH_SECONDS_MIN * 1000 && max <= EPOCH_SECONDS_MAX * 1000) {
                type = ValueType.EPOCH_MILLIS;
            }
        } else {
            min = Double.NaN;
            max = Double.NaN;
            String pattern = datePattern(values);
            if (pattern != null) {
                type = ValueType.DATE;
                format = pattern.isEmpty() ? null : pattern;
            } else {
                String separator = separator(values);
                type = separator == null ? ValueType.TEXT : ValueType.MULTI_VALUED;
                format = separator;
            }
        }
        return new ColumnProfile(index, name, type, format, values.size(), distinct.size(), min, max, meanLength, examples, null);
    }

    private static boolean isInteger(String v) {
        int i = v.charAt(0) == '-' || v.charAt(0) == '+' ? 1 : 0;
        if (i == v.length()) {
            return false;
        }
        for (; i < v.length(); i++) {
            if (!Character.isDigit(v.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Excludes forms Java parses but people do not write as numbers (hex, "1d", "NaN"). */
    private static boolean looksNumeric(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!(Character.isDigit(c) || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return false;
            }
        }
        return true;
    }

    /** The first pattern all values parse with; "" for ISO-8601; {@code null} when none fits. */
    static String datePattern(List<String> values) {
        if (values.stream().allMatch(TypeInference::isIsoDateTime)) {
            return "";
        }
        for (String p : DATE_PATTERNS) {
            DateTimeFormatter f = new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(p).toFormatter(Locale.ENGLISH);
            boolean all = true;
            for (String v : values) {
                try {
                    f.parse(v);
                } catch (DateTimeParseException e) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return p;
            }
        }
        return null;
    }

    private static boolean isIsoDateTime(String v) {
        try {
            DateTimeFormatter.ISO_DATE_TIME.parse(v);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * A separator when values look like lists of labels: at least 30% hold it, and the parts repeat
     * a lot (labels), unlike titles that happen to contain a comma.
     */
    static String separator(List<String> values) {
        for (String sep : SEPARATORS) {
            int holding = 0;
            int parts = 0;
            Set<String> distinctParts = new HashSet<>();
            int maxPart = 0;
            for (String v : values) {
                if (v.contains(sep)) {
                    holding++;
                }
                for (String part : v.split(java.util.regex.Pattern.quote(sep))) {
                    String p = part.strip();
                    if (!p.isEmpty()) {
                        parts++;
                        distinctParts.add(p);
                        maxPart = Math.max(maxPart, p.length());
                    }
                }
            }
            if (holding >= values.size() * 0.3 && maxPart <= 40 && distinctParts.size() <= parts * 0.6) {
                return sep;
            }
        }
        return null;
    }
}
