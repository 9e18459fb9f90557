package org.recblend.encode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.recblend.domain.AttributeValue;
import org.recblend.domain.IdIndex;
import org.recblend.domain.ItemInfo;
import org.recblend.domain.ItemTable;
import org.recblend.domain.TextCorpus;
import org.recblend.domain.UserTable;
import org.recblend.task.TaskMonitor;

/**
 * Builds one text per item or user from a {@link TextTemplate}. Item fields: the imported text columns
 * (title, plot, …), the attributes (year, …), {@code {categories}} (alias {@code {genres}}) joined with
 * ", ", and {@code {id}}. User fields: the profile attributes (age, gender, …), {@code {id}}, and per
 * text kind of the user's tags or reviews ({@code {tags}}, {@code {reviews}}, or the kind as imported),
 * newest first, at most {@code maxTexts} of them.
 */
public final class EntityTexts {
    /** Placeholders that stand for an item's categories. */
    public static final List<String> CATEGORY_FIELDS = List.of("categories", "genres");
    /** Text-kind placeholders a user template may always name (empty where the data has none). */
    public static final List<String> USER_TEXT_FIELDS = List.of("tags", "reviews");
    /** Texts shorter than this are joined with ", " (tags); longer ones with a space (reviews). */
    private static final int SHORT_TEXT = 40;

    private EntityTexts() {
    }

    /** The fields an item template may name. */
    public static Set<String> itemFields(ItemTable items) {
        Set<String> out = new TreeSet<>(CATEGORY_FIELDS);
        out.add("id");
        for (int i = 0; i < items.size(); i++) {
            ItemInfo info = items.info(i);
            out.addAll(info.texts().keySet());
            out.addAll(info.attributes().keySet());
        }
        return out;
    }

    /** One text per item (empty when the item has none of the fields); throws on an unknown placeholder. */
    public static List<String> items(ItemTable items, TextTemplate template, TaskMonitor monitor) {
        template.requireKnown(itemFields(items), "item");
        List<String> out = new ArrayList<>(items.size());
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            if ((i & 0x3FF) == 0) {
                monitor.checkCancelled();
            }
            ItemInfo info = items.info(i);
            values.clear();
            info.attributes().forEach((k, v) -> values.put(k, text(v)));
            values.putAll(info.texts());
            String categories = String.join(", ", info.categories());
            for (String f : CATEGORY_FIELDS) {
                values.putIfAbsent(f, categories);
            }
            values.put("id", items.items().id(i));
            out.add(template.render(values));
        }
        return out;
    }

    /** The fields a user template may name. */
    public static Set<String> userFields(UserTable users, TextCorpus corpus) {
        Set<String> out = new TreeSet<>(USER_TEXT_FIELDS);
        out.add("id");
        for (int u = 0; u < users.size(); u++) {
            out.addAll(users.attributes(u).keySet());
        }
        if (corpus != null) {
            for (int r = 0; r < corpus.size(); r++) {
                out.add(kindField(corpus.kind(r)));
            }
        }
        return out;
    }

    /**
     * One text per user of {@code users}: profile attributes and, from {@code corpus} (may be null), the
     * user's texts of each kind, newest first, distinct, at most {@code maxTexts} per kind.
     */
    public static List<String> users(UserTable users, TextCorpus corpus, TextTemplate template, int maxTexts,
                                     TaskMonitor monitor) {
        if (maxTexts < 1) {
            throw new IllegalArgumentException("The number of tags or reviews per user must be at least 1, got " + maxTexts);
        }
        template.requireKnown(userFields(users, corpus), "user");
        Map<Integer, Map<String, List<Integer>>> rowsByUser = corpus == null ? Map.of() : rowsByUser(users.users(), corpus, monitor);
        List<String> out = new ArrayList<>(users.size());
        Map<String, String> values = new HashMap<>();
        for (int u = 0; u < users.size(); u++) {
            if ((u & 0x3FF) == 0) {
                monitor.checkCancelled();
            }
            values.clear();
            users.attributes(u).forEach((k, v) -> values.put(k, text(v)));
            values.put("id", users.users().id(u));
            rowsByUser.getOrDefault(u, Map.of()).forEach((field, rows) -> values.put(field, join(corpus, rows, maxTexts)));
            out.add(template.render(values));
        }
        return out;
    }

    private static Map<Integer, Map<String, List<Integer>>> rowsByUser(IdIndex users, TextCorpus corpus, TaskMonitor monitor) {
        boolean sameSpace = users.equals(corpus.users());
        Map<Integer, Map<String, List<Integer>>> out = new HashMap<>();
        for (int r = 0; r < corpus.size(); r++) {
            if ((r & 0xFFFF) == 0) {
                monitor.checkCancelled();
            }
            int u = sameSpace ? corpus.user(r) : users.indexOf(corpus.users().id(corpus.user(r)));
            if (u < 0 || corpus.text(r) == null || corpus.text(r).isBlank()) {
                continue;
            }
            out.computeIfAbsent(u, k -> new HashMap<>()).computeIfAbsent(kindField(corpus.kind(r)), k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    /** Newest first (rows without time last, in file order), case-insensitively distinct, capped. */
    private static String join(TextCorpus corpus, List<Integer> rows, int max) {
        List<Integer> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingLong((Integer r) -> -corpus.ts(r)).thenComparingInt(r -> r));
        Set<String> seen = new LinkedHashSet<>();
        List<String> texts = new ArrayList<>();
        for (int r : sorted) {
            String t = corpus.text(r).strip();
            if (seen.add(t.toLowerCase(Locale.ROOT))) {
                texts.add(t);
                if (texts.size() == max) {
                    break;
                }
            }
        }
        boolean allShort = texts.stream().allMatch(t -> t.length() < SHORT_TEXT);
        return String.join(allShort ? ", " : " ", texts);
    }

    /** The placeholder of a text kind: "tag" → "tags", "review" → "reviews"; other kinds as imported. */
    static String kindField(String kind) {
        String k = kind == null || kind.isBlank() ? "texts" : kind.strip().toLowerCase(Locale.ROOT);
        return k.endsWith("s") ? k : k + "s";
    }

    /** An attribute as text: integral numbers without ".0". */
    private static String text(AttributeValue v) {
        if (v.isNumeric() && v.number() == Math.rint(v.number()) && Math.abs(v.number()) < 1e15) {
            return Long.toString(v.number().longValue());
        }
        return v.text();
    }
}
