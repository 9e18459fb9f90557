package org.recblend.encode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A text template such as {@code "{title}. Genres: {genres}. {plot}"}: placeholders in braces name
 * fields of an entity. A field that is missing or blank is dropped with the text that belongs to it:
 * the punctuation right after it and the label before it ("Genres: "), so an item without genres reads
 * "Toy Story. A cowboy doll …", not "Toy Story. Genres: . A cowboy doll …". Write {@code {{} or
 * {@code }}} for a literal brace.
 */
public final class TextTemplate {
    /** Characters that close the field before them ("{title}." keeps its full stop only with the title). */
    private static final String CLOSING = ".,;:!?)]";

    /** One placeholder with the text that goes before and after it when it has a value. */
    private record Part(String prefix, String field, String suffix) {
    }

    private final String source;
    private final String lead;
    private final List<Part> parts;

    private TextTemplate(String source, String lead, List<Part> parts) {
        this.source = source;
        this.lead = lead;
        this.parts = parts;
    }

    /** Parses a template; throws {@link IllegalArgumentException} on an unclosed or empty placeholder. */
    public static TextTemplate parse(String template) {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("The text template is empty; write e.g. {title}. {plot}");
        }
        List<String> literals = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char ch = template.charAt(i);
            if (ch == '{' && i + 1 < template.length() && template.charAt(i + 1) == '{') {
                literal.append('{');
                i += 2;
            } else if (ch == '}' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                literal.append('}');
                i += 2;
            } else if (ch == '{') {
                int close = template.indexOf('}', i);
                if (close < 0) {
                    throw new IllegalArgumentException("The text template has an unclosed '{' at column " + (i + 1) + ": " + template);
                }
                String field = template.substring(i + 1, close).trim();
                if (field.isEmpty() || field.contains("{")) {
                    throw new IllegalArgumentException("The text template has an empty or broken placeholder at column "
                            + (i + 1) + ": " + template);
                }
                literals.add(literal.toString());
                literal.setLength(0);
                fields.add(field);
                i = close + 1;
            } else if (ch == '}') {
                throw new IllegalArgumentException("The text template has a '}' without '{' at column " + (i + 1)
                        + " (write }} for a literal brace): " + template);
            } else {
                literal.append(ch);
                i++;
            }
        }
        literals.add(literal.toString());
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("The text template has no placeholder such as {title}: " + template);
        }
        // literals.get(k) lies before fields.get(k); the last literal follows the last field
        List<Part> parts = new ArrayList<>();
        String prefix = literals.get(0);
        for (int k = 0; k < fields.size(); k++) {
            String between = literals.get(k + 1);
            boolean last = k == fields.size() - 1;
            int cut = last ? between.length() : closingLength(between);
            parts.add(new Part(k == 0 ? "" : prefix, fields.get(k), between.substring(0, cut)));
            prefix = between.substring(cut);
        }
        // text before the first field belongs to the whole text ("Movie: {title}")
        return new TextTemplate(template, literals.get(0), parts);
    }

    private static int closingLength(String literal) {
        int n = 0;
        while (n < literal.length() && CLOSING.indexOf(literal.charAt(n)) >= 0) {
            n++;
        }
        return n;
    }

    /** The placeholders in order of appearance. */
    public List<String> fields() {
        return parts.stream().map(Part::field).toList();
    }

    /**
     * Checks that every placeholder is a known field; the message names the unknown ones and lists the
     * known fields.
     */
    public void requireKnown(Collection<String> known, String entity) {
        List<String> unknown = fields().stream().filter(f -> !known.contains(f)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("The " + entity + " text template " + source + " names "
                    + (unknown.size() == 1 ? "an unknown field {" + unknown.get(0) + "}" : "unknown fields " + braces(unknown))
                    + ". Known " + entity + " fields: " + braces(new TreeSet<>(known)) + ".");
        }
    }

    private static String braces(Collection<String> names) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            sb.append(sb.length() == 0 ? "" : ", ").append('{').append(n).append('}');
        }
        return sb.toString();
    }

    /** The text for these field values; empty when every field is missing or blank. */
    public String render(Map<String, String> values) {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            String v = values.get(p.field());
            if (v == null || v.isBlank()) {
                continue;
            }
            v = v.strip();
            sb.append(sb.length() == 0 ? p.prefix().stripLeading() : p.prefix()).append(v);
            String suffix = p.suffix();
            // a plot that ends with its own full stop does not get a second one
            if (!suffix.isEmpty() && v.charAt(v.length() - 1) == suffix.charAt(0) && CLOSING.indexOf(suffix.charAt(0)) >= 0) {
                suffix = suffix.substring(1);
            }
            sb.append(suffix);
        }
        if (sb.length() == 0) {
            return "";
        }
        return (lead + sb).strip();
    }

    @Override
    public String toString() {
        return source;
    }
}
