package org.recblend.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.recblend.domain.ColumnRole;
import org.recblend.ingest.read.RecordReader;
import org.recblend.task.TaskMonitor;

/**
 * Item content (texts, categories, category flags, attributes) or user profiles (attributes):
 * one row per item or user, spread over the attribute, category and text tables.
 */
final class AttributeSink extends RowSink {
    private final int sourceId;
    private final IdRegistry ids;
    private final Column id;
    private final String idLabel;
    private final List<AttributeValue> attributes = new ArrayList<>();
    private final List<Column> texts;
    private final List<Column> categories;
    private final List<Column> flags;
    private final Batch attributeRows;
    private final Batch textRows;
    private final Batch categoryRows;
    private long stored;

    /** A sink for ITEM_CONTENT ({@code items} true) or USER_PROFILE sources. */
    AttributeSink(Connection c, int sourceId, BoundSpec bound, IdRegistry ids, boolean items) throws SQLException {
        this.sourceId = sourceId;
        this.ids = ids;
        this.id = bound.get(items ? ColumnRole.ITEM_ID : ColumnRole.USER_ID);
        this.idLabel = items ? "item id" : "user id";
        for (Column col : bound.all(items ? ColumnRole.ITEM_ATTRIBUTE : ColumnRole.USER_ATTRIBUTE)) {
            attributes.add(new AttributeValue(col));
        }
        this.texts = bound.all(ColumnRole.ITEM_TEXT);
        this.categories = bound.all(ColumnRole.ITEM_CATEGORY);
        this.flags = bound.all(ColumnRole.CATEGORY_FLAG);
        String table = items ? "item_attributes (source_id, item_id" : "user_attributes (source_id, user_id";
        this.attributeRows = new Batch(c, "INSERT INTO " + table + ", name, str_value, num_value) VALUES (?, ?, ?, ?, ?)");
        this.textRows = new Batch(c, "INSERT INTO item_texts (source_id, item_id, field, text) VALUES (?, ?, ?, ?)");
        this.categoryRows = new Batch(c, "INSERT INTO item_categories (source_id, item_id, category) VALUES (?, ?, ?)");
    }

    @Override
    void accept(RecordReader r) throws RowReject, SQLException {
        String key = id.id(r, idLabel);
        int n = attributes.size();
        boolean[] present = new boolean[n];
        String[] attrText = new String[n];
        double[] attrNumber = new double[n];
        for (int k = 0; k < n; k++) {
            AttributeValue a = attributes.get(k);
            present[k] = a.read(r);
            attrText[k] = a.text;
            attrNumber[k] = a.number;
        }
        String[] textValues = new String[texts.size()];
        for (int k = 0; k < textValues.length; k++) {
            textValues[k] = texts.get(k).value(r);
        }
        Set<String> cats = categories(r);

        int rowId = ids.idFor(key);
        for (int k = 0; k < n; k++) {
            if (!present[k]) {
                continue;
            }
            PreparedStatement ps = attributeRows.ps();
            ps.setInt(1, sourceId);
            ps.setInt(2, rowId);
            ps.setString(3, attributes.get(k).column().name());
            ps.setString(4, attrText[k]);
            if (Double.isNaN(attrNumber[k])) {
                ps.setNull(5, Types.DOUBLE);
            } else {
                ps.setDouble(5, attrNumber[k]);
            }
            attributeRows.add();
        }
        for (int k = 0; k < textValues.length; k++) {
            if (textValues[k] != null) {
                PreparedStatement ps = textRows.ps();
                ps.setInt(1, sourceId);
                ps.setInt(2, rowId);
                ps.setString(3, texts.get(k).name());
                ps.setString(4, textValues[k]);
                textRows.add();
            }
        }
        for (String cat : cats) {
            PreparedStatement ps = categoryRows.ps();
            ps.setInt(1, sourceId);
            ps.setInt(2, rowId);
            ps.setString(3, cat);
            categoryRows.add();
        }
        stored++;
    }

    /** The categories of the row, from multi-valued columns and 0/1 flags, each once. */
    private Set<String> categories(RecordReader r) throws RowReject {
        Set<String> cats = new LinkedHashSet<>();
        for (Column c : categories) {
            String v = c.value(r);
            if (v == null) {
                continue;
            }
            String sep = c.mapping().format();
            if (sep == null) {
                addCategory(cats, c, v);
            } else {
                int from = 0;
                while (from <= v.length()) {
                    int at = v.indexOf(sep, from);
                    int end = at < 0 ? v.length() : at;
                    addCategory(cats, c, v.substring(from, end).strip());
                    if (at < 0) {
                        break;
                    }
                    from = at + sep.length();
                }
            }
        }
        for (Column f : flags) {
            String v = f.value(r);
            if (v == null) {
                continue;
            }
            switch (v.toLowerCase(Locale.ROOT)) {
                case "1", "true", "yes", "y", "t" -> addCategory(cats, f, f.name());
                case "0", "false", "no", "n", "f" -> { }
                default -> throw f.reject("'" + Column.shorten(v) + "' in " + f.where() + " is not a 0/1 flag");
            }
        }
        return cats;
    }

    private static void addCategory(Set<String> cats, Column c, String category) throws RowReject {
        if (category.isEmpty()) {
            return;
        }
        if (category.length() > 500) {
            throw c.reject("a category in " + c.where() + " is longer than 500 characters");
        }
        cats.add(category);
    }

    @Override
    void finish(TaskMonitor monitor) throws SQLException {
        attributeRows.flush();
        textRows.flush();
        categoryRows.flush();
    }

    @Override
    long stored() {
        return stored;
    }

    @Override
    public void close() throws SQLException {
        attributeRows.close();
        textRows.close();
        categoryRows.close();
    }
}
