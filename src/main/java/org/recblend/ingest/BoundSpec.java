package org.recblend.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.recblend.domain.ColumnRole;
import org.recblend.ingest.read.FormatType;

/** A spec's columns bound to one file: each role's column, by position, with names and lookups. */
final class BoundSpec {
    private final Map<ColumnRole, Column> single = new EnumMap<>(ColumnRole.class);
    private final Map<ColumnRole, List<Column>> multi = new EnumMap<>(ColumnRole.class);

    /** Loads the code table of a lookup; the binder caches tables used by several columns. */
    @FunctionalInterface
    interface LookupLoader {
        Map<String, String> load(ValueLookup lookup) throws ImportException;
    }

    private BoundSpec() {
    }

    /**
     * Binds the spec's columns to a file with the given header (empty when none) and column count,
     * collecting every problem into one {@link ImportException}.
     */
    static BoundSpec bind(ImportSpec spec, Path file, List<String> header, int columnCount, LookupLoader lookups)
            throws ImportException {
        BoundSpec bound = new BoundSpec();
        List<String> problems = new ArrayList<>();
        String fileName = file.getFileName().toString();
        boolean json = spec.format().type() != FormatType.DELIMITED;
        Map<ValueLookup, Map<String, String>> loaded = new HashMap<>();
        for (ColumnMapping m : spec.columns()) {
            int index = resolve(m, header, columnCount, fileName, json, problems);
            if (index < 0 || m.role() == ColumnRole.IGNORE) {
                continue;
            }
            String headerName = index < header.size() && !header.get(index).isBlank() ? header.get(index) : null;
            String explicitName = m.name() != null && !m.name().isBlank() ? m.name().strip() : null;
            String label = headerName != null ? headerName : explicitName != null ? explicitName : m.role().label();
            String name = explicitName != null ? explicitName : headerName;
            if (name == null && m.role() == ColumnRole.CATEGORY_FLAG) {
                problems.add("The category flag in column " + (index + 1) + " of " + fileName
                        + " needs a name: the category it stands for");
                continue;
            }
            if (name == null) {
                name = m.role() == ColumnRole.ITEM_TEXT ? "text" : m.role().label().replace(' ', '_') + "_" + (index + 1);
            }
            Map<String, String> table = null;
            String tableName = null;
            if (m.lookup() != null) {
                table = loaded.get(m.lookup());
                if (table == null) {
                    table = lookups.load(m.lookup());
                    loaded.put(m.lookup(), table);
                }
                tableName = Path.of(m.lookup().file()).getFileName().toString();
            }
            Column c = new Column(m, index, label, name, table, tableName);
            if (isSingle(m.role())) {
                bound.single.put(m.role(), c);
            } else {
                bound.multi.computeIfAbsent(m.role(), r -> new ArrayList<>()).add(c);
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportException(String.join("; ", problems), file);
        }
        return bound;
    }

    private static int resolve(ColumnMapping m, List<String> header, int columnCount, String fileName, boolean json,
                               List<String> problems) {
        if (m.column() != null) {
            int i = header.indexOf(m.column());
            if (i < 0) {
                String lower = m.column().toLowerCase(Locale.ROOT);
                for (int j = 0; j < header.size(); j++) {
                    if (header.get(j).toLowerCase(Locale.ROOT).equals(lower)) {
                        i = j;
                        break;
                    }
                }
            }
            if (i >= 0) {
                return i;
            }
            if (header.isEmpty()) {
                problems.add("The " + m.role() + " column '" + m.column() + "' is given by name, but " + fileName
                        + " has no header: give the column's index instead");
            } else {
                problems.add("The " + m.role() + " column '" + m.column() + "' does not exist in " + fileName + " ("
                        + (json ? "fields" : "columns") + ": " + String.join(", ", header) + ")");
            }
            return -1;
        }
        if (m.index() >= columnCount) {
            problems.add("The " + m.role() + " column number " + (m.index() + 1) + " does not exist: " + fileName
                    + " has " + columnCount + " column" + (columnCount == 1 ? "" : "s"));
            return -1;
        }
        return m.index();
    }

    private static boolean isSingle(ColumnRole role) {
        return switch (role) {
            case ITEM_TEXT, ITEM_CATEGORY, CATEGORY_FLAG, ITEM_ATTRIBUTE, USER_ATTRIBUTE, USER_ITEM_TEXT, CONTEXT -> false;
            default -> true;
        };
    }

    /** The column with a single-column role, or {@code null}. */
    Column get(ColumnRole role) {
        return single.get(role);
    }

    /** The columns with a role that several columns can have. */
    List<Column> all(ColumnRole role) {
        return multi.getOrDefault(role, List.of());
    }
}
