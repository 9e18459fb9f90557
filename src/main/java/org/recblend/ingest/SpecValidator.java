package org.recblend.ingest;

import static org.recblend.domain.ColumnRole.*;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.recblend.domain.ColumnRole;
import org.recblend.domain.SourceKind;

/**
 * Checks a spec before any file is opened: names, the roles each kind of source needs and allows,
 * roles given twice, date parts and time patterns. Without side effects, so the wizard can call it
 * on every change.
 */
public final class SpecValidator {
    private static final Set<ColumnRole> SINGLE = EnumSet.of(USER_ID, ITEM_ID, RATING, TIMESTAMP, DATE_YEAR, DATE_MONTH,
            DATE_DAY, EVENT_TYPE, SOCIAL_SOURCE, SOCIAL_TARGET, SOCIAL_WEIGHT);
    private static final Set<ColumnRole> TIME = EnumSet.of(TIMESTAMP, DATE_YEAR, DATE_MONTH, DATE_DAY);

    private static final Map<SourceKind, List<ColumnRole>> REQUIRED = new EnumMap<>(Map.of(
            SourceKind.BEHAVIOUR, List.of(USER_ID, ITEM_ID),
            SourceKind.ITEM_CONTENT, List.of(ITEM_ID),
            SourceKind.USER_PROFILE, List.of(USER_ID),
            SourceKind.SOCIAL, List.of(SOCIAL_SOURCE, SOCIAL_TARGET),
            SourceKind.USER_ITEM_TEXT, List.of(USER_ID, ITEM_ID, ColumnRole.USER_ITEM_TEXT)));

    private static final Map<SourceKind, Set<ColumnRole>> ALLOWED = new EnumMap<>(Map.of(
            SourceKind.BEHAVIOUR, union(EnumSet.of(USER_ID, ITEM_ID, RATING, EVENT_TYPE, CONTEXT, ColumnRole.USER_ITEM_TEXT, IGNORE), TIME),
            SourceKind.ITEM_CONTENT, EnumSet.of(ITEM_ID, ITEM_TEXT, ITEM_CATEGORY, CATEGORY_FLAG, ITEM_ATTRIBUTE, IGNORE),
            SourceKind.USER_PROFILE, EnumSet.of(USER_ID, USER_ATTRIBUTE, IGNORE),
            SourceKind.SOCIAL, union(EnumSet.of(SOCIAL_SOURCE, SOCIAL_TARGET, SOCIAL_WEIGHT, IGNORE), TIME),
            SourceKind.USER_ITEM_TEXT, union(EnumSet.of(USER_ID, ITEM_ID, ColumnRole.USER_ITEM_TEXT, IGNORE), TIME)));

    private SpecValidator() {
    }

    /** The roles a kind of source needs. */
    public static List<ColumnRole> requiredRoles(SourceKind kind) {
        return REQUIRED.get(kind);
    }

    /** The roles a kind of source can use. */
    public static Set<ColumnRole> allowedRoles(SourceKind kind) {
        return Set.copyOf(ALLOWED.get(kind));
    }

    /** Every problem of the spec, each a sentence for the user; empty when the spec is fine. */
    public static List<String> problems(ImportSpec spec) {
        List<String> problems = new ArrayList<>();
        checkName(spec.dataset(), "dataset", problems);
        checkName(spec.sourceName(), "source", problems);
        SourceKind kind = spec.kind();
        if (kind == null) {
            problems.add("The spec names no source kind (one of " + List.of(SourceKind.values()) + ")");
            return problems;
        }
        List<ColumnRole> missing = REQUIRED.get(kind).stream().filter(r -> !spec.has(r)).toList();
        if (!missing.isEmpty()) {
            problems.add("A " + kind + " source needs columns with the roles " + REQUIRED.get(kind)
                    + "; no column has the role " + join(missing));
        }
        for (ColumnMapping m : spec.columns()) {
            if (!ALLOWED.get(kind).contains(m.role())) {
                problems.add("The role " + m.role() + " (column " + m.reference() + ") does not belong in a " + kind
                        + " source; it can use " + ALLOWED.get(kind));
            }
        }
        for (ColumnRole role : SINGLE) {
            List<String> refs = spec.columns().stream().filter(m -> m.role() == role).map(ColumnMapping::reference).toList();
            if (refs.size() > 1) {
                problems.add("Only one column can have the role " + role + ", but " + refs.size() + " have it: " + String.join(", ", refs));
            }
        }
        checkDateParts(spec, problems);
        checkFormats(spec, problems);
        if (spec.duplicates() != DuplicatePolicy.KEEP_ALL && kind != SourceKind.BEHAVIOUR) {
            problems.add("The duplicate policy " + spec.duplicates() + " applies to BEHAVIOUR sources only (this is a " + kind + " source)");
        }
        if (spec.kindLabel() != null && spec.kindLabel().length() > 40) {
            problems.add("The kind label '" + spec.kindLabel() + "' is longer than 40 characters");
        }
        return problems;
    }

    private static void checkName(String name, String what, List<String> problems) {
        if (name == null || name.isBlank()) {
            problems.add("The spec names no " + what);
        } else if (name.length() > 200) {
            problems.add("The " + what + " name is longer than 200 characters");
        }
    }

    private static void checkDateParts(ImportSpec spec, List<String> problems) {
        List<ColumnRole> parts = List.of(DATE_YEAR, DATE_MONTH, DATE_DAY);
        List<ColumnRole> given = parts.stream().filter(spec::has).toList();
        if (!given.isEmpty() && given.size() < 3) {
            problems.add("DATE_YEAR, DATE_MONTH and DATE_DAY go together; missing: "
                    + join(parts.stream().filter(p -> !given.contains(p)).toList()));
        }
        if (!given.isEmpty() && spec.has(TIMESTAMP)) {
            problems.add("Give the time either as one TIMESTAMP column or as DATE_YEAR/DATE_MONTH/DATE_DAY, not both");
        }
    }

    private static void checkFormats(ImportSpec spec, List<String> problems) {
        for (ColumnMapping m : spec.columns()) {
            boolean timeFormat = m.role() == TIMESTAMP
                    || (m.role() == ITEM_ATTRIBUTE || m.role() == USER_ATTRIBUTE) && m.format() != null
                    && !ColumnMapping.TEXT.equalsIgnoreCase(m.format());
            if (timeFormat) {
                try {
                    TimeParser.of(m.format());
                } catch (IllegalArgumentException e) {
                    problems.add("The format '" + m.format() + "' of column " + m.reference()
                            + " is not epoch-seconds, epoch-millis or a date pattern such as dd-MMM-yyyy: " + e.getMessage());
                }
            }
            if (m.role() == ITEM_CATEGORY && m.format() != null && m.format().isEmpty()) {
                problems.add("The separator of the categories in column " + m.reference() + " is empty");
            }
        }
    }

    private static String join(List<ColumnRole> roles) {
        return roles.stream().map(Enum::name).collect(Collectors.joining(" and ")).toUpperCase(Locale.ROOT);
    }

    private static Set<ColumnRole> union(Set<ColumnRole> a, Set<ColumnRole> b) {
        EnumSet<ColumnRole> u = EnumSet.copyOf(a);
        u.addAll(b);
        return u;
    }
}
