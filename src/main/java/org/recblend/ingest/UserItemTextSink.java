package org.recblend.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.recblend.domain.ColumnRole;
import org.recblend.ingest.read.RecordReader;

/** Tags and reviews into {@code user_item_texts}; the kind is the column's name or the spec's label. */
final class UserItemTextSink extends RowSink {
    static final String INSERT = "INSERT INTO user_item_texts (source_id, user_id, item_id, kind, text, ts) VALUES (?, ?, ?, ?, ?, ?)";

    private final int sourceId;
    private final IdRegistry users;
    private final IdRegistry items;
    private final Column user;
    private final Column item;
    private final List<Column> texts;
    private final String[] kinds;
    private final RowTime time;
    private final Batch rows;

    UserItemTextSink(Connection c, int sourceId, ImportSpec spec, BoundSpec bound, IdRegistry users, IdRegistry items)
            throws SQLException {
        this.sourceId = sourceId;
        this.users = users;
        this.items = items;
        this.user = bound.get(ColumnRole.USER_ID);
        this.item = bound.get(ColumnRole.ITEM_ID);
        this.texts = bound.all(ColumnRole.USER_ITEM_TEXT);
        this.kinds = texts.stream().map(t -> kind(t, spec)).toArray(String[]::new);
        this.time = new RowTime(bound);
        this.rows = new Batch(c, INSERT);
    }

    /** An explicit column name wins, then the spec's label, then the header name. */
    private static String kind(Column text, ImportSpec spec) {
        String explicit = text.mapping().name();
        String kind = explicit != null && !explicit.isBlank() ? explicit.strip()
                : spec.kindLabel() != null ? spec.kindLabel() : text.name();
        return kind.length() > 40 ? kind.substring(0, 40) : kind;
    }

    static void set(PreparedStatement ps, int sourceId, int uid, int iid, String kind, String text, long ts) throws SQLException {
        ps.setInt(1, sourceId);
        ps.setInt(2, uid);
        ps.setInt(3, iid);
        ps.setString(4, kind.length() > 40 ? kind.substring(0, 40) : kind);
        ps.setString(5, text);
        if (ts == RowTime.NONE) {
            ps.setNull(6, Types.BIGINT);
        } else {
            ps.setLong(6, ts);
        }
    }

    @Override
    void accept(RecordReader r) throws RowReject, SQLException {
        String u = user.id(r, "user id");
        String i = item.id(r, "item id");
        String[] values = new String[texts.size()];
        boolean any = false;
        for (int k = 0; k < values.length; k++) {
            values[k] = texts.get(k).text(r, 20_000);
            any |= values[k] != null;
        }
        if (!any) {
            Column first = texts.get(0);
            throw first.reject("empty " + kinds[0] + " in " + first.where());
        }
        long ts = time.read(r);
        int uid = users.idFor(u);
        int iid = items.idFor(i);
        for (int k = 0; k < values.length; k++) {
            if (values[k] != null) {
                set(rows.ps(), sourceId, uid, iid, kinds[k], values[k], ts);
                rows.add();
            }
        }
    }

    @Override
    void finish(org.recblend.task.TaskMonitor monitor) throws SQLException {
        rows.flush();
    }

    @Override
    long stored() {
        return rows.rows();
    }

    @Override
    public void close() throws SQLException {
        rows.close();
    }
}
