package org.recblend.ui.editor.preview;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.recblend.domain.AttributeValue;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.ItemInfo;
import org.recblend.domain.ItemTable;
import org.recblend.domain.SocialGraph;
import org.recblend.domain.Split;
import org.recblend.domain.TextCorpus;
import org.recblend.domain.UserTable;

/**
 * The data stages' outputs as their first rows: enough to check an import or a filter did what was
 * meant, without copying a million-row table into the UI. External ids are shown, never indices.
 */
final class DataTables {
    /** Rows a table preview shows at most. */
    static final int MAX_ROWS = 50;
    /** Attribute and text columns shown at most, so a wide catalogue still fits an inspector. */
    private static final int MAX_COLUMNS = 8;

    private DataTables() {
    }

    static PortPreview.Table interactions(InteractionTable t) {
        List<List<String>> rows = new ArrayList<>();
        boolean times = hasTimes(t);
        for (int r = 0; r < Math.min(MAX_ROWS, t.size()); r++) {
            rows.add(interaction(t, r, times));
        }
        String summary = Cells.count(t.size(), "interaction") + " · " + Cells.count(t.distinctUsers(), "user")
                + " · " + Cells.count(t.distinctItems(), "item");
        return new PortPreview.Table(summary, interactionColumns(times), rows, t.size());
    }

    /** The first rows of each part, a "part" column saying which, under the three counts. */
    static PortPreview.Table split(Split s) {
        boolean times = hasTimes(s.train());
        List<String> columns = new ArrayList<>(List.of("part"));
        columns.addAll(interactionColumns(times));
        List<List<String>> rows = new ArrayList<>();
        String[] names = {"train", "validation", "test"};
        InteractionTable[] parts = {s.train(), s.validation(), s.test()};
        int each = MAX_ROWS / 3;
        for (int p = 0; p < parts.length; p++) {
            for (int r = 0; r < Math.min(each, parts[p].size()); r++) {
                List<String> row = new ArrayList<>(List.of(names[p]));
                row.addAll(interaction(parts[p], r, times));
                rows.add(row);
            }
        }
        String summary = "train " + Cells.integer(s.train().size()) + " · validation " + Cells.integer(s.validation().size())
                + " · test " + Cells.integer(s.test().size()) + " interactions";
        return new PortPreview.Table(summary, columns, rows, s.size());
    }

    static PortPreview.Table items(ItemTable t) {
        int n = Math.min(MAX_ROWS, t.size());
        Set<String> texts = new TreeSet<>();
        Set<String> attributes = new TreeSet<>();
        boolean categories = false;
        for (int i = 0; i < n; i++) {
            ItemInfo info = t.info(i);
            texts.addAll(info.texts().keySet());
            attributes.addAll(info.attributes().keySet());
            categories |= !info.categories().isEmpty();
        }
        List<String> textColumns = limit(ordered(texts, "title", "name"), MAX_COLUMNS);
        List<String> attributeColumns = limit(new ArrayList<>(attributes), MAX_COLUMNS - textColumns.size());
        // the title says most about an item, so it comes first, before the categories and longer texts
        List<String> leading = textColumns.stream().filter(c -> c.equals("title") || c.equals("name")).toList();
        List<String> trailing = textColumns.stream().filter(c -> !leading.contains(c)).toList();
        List<String> columns = new ArrayList<>(List.of("item"));
        columns.addAll(leading);
        if (categories) {
            columns.add("categories");
        }
        columns.addAll(trailing);
        columns.addAll(attributeColumns);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ItemInfo info = t.info(i);
            List<String> row = new ArrayList<>(List.of(t.items().id(i)));
            leading.forEach(c -> row.add(Cells.text(info.texts().get(c))));
            if (categories) {
                row.add(Cells.text(String.join(", ", info.categories())));
            }
            trailing.forEach(c -> row.add(Cells.text(info.texts().get(c))));
            attributeColumns.forEach(c -> row.add(Cells.attribute(info.attributes().get(c))));
            rows.add(row);
        }
        String summary = Cells.count(t.size(), "item") + (t.hasContent()
                ? " · " + Cells.count(t.categories().size(), "category", "categories") : " · no content (ids only)");
        return new PortPreview.Table(summary, columns, rows, t.size());
    }

    static PortPreview.Table users(UserTable t) {
        int n = Math.min(MAX_ROWS, t.size());
        Set<String> names = new TreeSet<>();
        for (int u = 0; u < n; u++) {
            names.addAll(t.attributes(u).keySet());
        }
        List<String> attributeColumns = limit(new ArrayList<>(names), MAX_COLUMNS);
        List<String> columns = new ArrayList<>(List.of("user"));
        columns.addAll(attributeColumns);
        List<List<String>> rows = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            Map<String, AttributeValue> a = t.attributes(u);
            List<String> row = new ArrayList<>(List.of(t.users().id(u)));
            attributeColumns.forEach(c -> row.add(Cells.attribute(a.get(c))));
            rows.add(row);
        }
        String summary = Cells.count(t.size(), "user") + (t.hasAttributes() ? "" : " · no attributes");
        return new PortPreview.Table(summary, columns, rows, t.size());
    }

    static PortPreview.Table texts(TextCorpus t) {
        boolean times = false;
        for (int r = 0; r < t.size() && !times; r++) {
            times = t.ts(r) != InteractionTable.NO_TIME;
        }
        List<String> columns = new ArrayList<>(List.of("user", "item", "kind", "text"));
        if (times) {
            columns.add("time");
        }
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < Math.min(MAX_ROWS, t.size()); r++) {
            List<String> row = new ArrayList<>(List.of(t.users().id(t.user(r)), t.items().id(t.item(r)), t.kind(r),
                    Cells.text(t.text(r))));
            if (times) {
                row.add(Cells.time(t.ts(r)));
            }
            rows.add(row);
        }
        return new PortPreview.Table(Cells.count(t.size(), "text"), columns, rows, t.size());
    }

    static PortPreview.Table social(SocialGraph g) {
        List<List<String>> rows = new ArrayList<>();
        for (int e = 0; e < Math.min(MAX_ROWS, g.size()); e++) {
            rows.add(List.of(g.users().id(g.src(e)), g.users().id(g.dst(e)), Cells.number(g.weight(e)),
                    g.kind(e) == null ? "" : g.kind(e)));
        }
        String summary = Cells.count(g.size(), "edge") + " over " + Cells.count(g.users().size(), "user");
        return new PortPreview.Table(summary, List.of("from", "to", "weight", "kind"), rows, g.size());
    }

    private static List<String> interactionColumns(boolean times) {
        return times ? List.of("user", "item", "weight", "time") : List.of("user", "item", "weight");
    }

    private static List<String> interaction(InteractionTable t, int r, boolean times) {
        List<String> row = new ArrayList<>(List.of(t.users().id(t.user(r)), t.items().id(t.item(r)), Cells.number(t.weight(r))));
        if (times) {
            row.add(Cells.time(t.ts(r)));
        }
        return row;
    }

    /** Whether the shown rows have times (a full scan of a big table is not worth it for a preview). */
    private static boolean hasTimes(InteractionTable t) {
        for (int r = 0; r < Math.min(MAX_ROWS, t.size()); r++) {
            if (t.ts(r) != InteractionTable.NO_TIME) {
                return true;
            }
        }
        return false;
    }

    /** The names with the preferred ones first. */
    private static List<String> ordered(Set<String> names, String... first) {
        Set<String> out = new LinkedHashSet<>();
        for (String f : first) {
            if (names.contains(f)) {
                out.add(f);
            }
        }
        out.addAll(names);
        return new ArrayList<>(out);
    }

    private static List<String> limit(List<String> names, int max) {
        return names.size() <= max ? names : names.subList(0, Math.max(0, max));
    }
}
