package org.recblend.ingest;

import org.recblend.domain.LongIntMap;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.recblend.domain.ColumnRole;
import org.recblend.ingest.read.RecordReader;
import org.recblend.task.TaskMonitor;

/**
 * Behaviour rows into {@code interactions} (and texts of the row into {@code user_item_texts}),
 * applying the duplicate policy. KEEP_ALL and REJECT stream rows to the database; KEEP_LAST, MEAN
 * and SUM merge rows per (user, item) in memory and write them at the end.
 */
final class BehaviourSink extends RowSink {
    private static final int MISSING = -1;
    private static final String INSERT = "INSERT INTO interactions (source_id, user_id, item_id, weight, event_type, ts, context)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final Connection connection;
    private final int sourceId;
    private final DuplicatePolicy policy;
    private final IdRegistry users;
    private final IdRegistry items;
    private final Column user;
    private final Column item;
    private final Column rating;
    private final Column event;
    private final List<Column> contexts;
    private final List<Column> texts;
    private final RowTime time;
    private final String defaultEvent;
    private final String[] contextKeys;

    private final Batch interactions;
    private Batch textRows;
    private final LongIntMap seen;
    private final InteractionBuffer buffer;
    private boolean replaceExisting;
    private long duplicates;

    BehaviourSink(Connection c, int sourceId, ImportSpec spec, BoundSpec bound, IdRegistry users, IdRegistry items,
                  boolean append, TaskMonitor monitor) throws SQLException {
        this.connection = c;
        this.sourceId = sourceId;
        this.policy = spec.duplicates();
        this.users = users;
        this.items = items;
        this.user = bound.get(ColumnRole.USER_ID);
        this.item = bound.get(ColumnRole.ITEM_ID);
        this.rating = bound.get(ColumnRole.RATING);
        this.event = bound.get(ColumnRole.EVENT_TYPE);
        this.contexts = bound.all(ColumnRole.CONTEXT);
        this.texts = bound.all(ColumnRole.USER_ITEM_TEXT);
        this.time = new RowTime(bound);
        this.defaultEvent = spec.kindLabel();
        this.contextKeys = contexts.stream().map(col -> new String(JsonStringEncoder.getInstance().quoteAsString(col.name()))).toArray(String[]::new);
        this.interactions = new Batch(c, INSERT);
        this.seen = new LongIntMap(1 << 16);
        this.buffer = isMerging() ? new InteractionBuffer() : null;
        if (append) {
            loadExisting(monitor);
        }
    }

    private boolean isMerging() {
        return policy == DuplicatePolicy.KEEP_LAST || policy == DuplicatePolicy.MEAN || policy == DuplicatePolicy.SUM;
    }

    /** Appending: the rows the source holds count as earlier occurrences. */
    private void loadExisting(TaskMonitor monitor) throws SQLException {
        String sql = "SELECT user_id, item_id, weight, event_type, ts, context FROM interactions WHERE source_id = ?";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setInt(1, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                for (long row = 0; rs.next(); row++) {
                    if (row % Batch.SIZE == 0) {
                        monitor.checkCancelled();
                    }
                    long key = LongIntMap.pair(rs.getInt(1), rs.getInt(2));
                    if (buffer == null) {
                        seen.putIfAbsent(key, 0, MISSING);
                        continue;
                    }
                    double w = rs.getDouble(3);
                    w = rs.wasNull() ? Double.NaN : w;
                    long ts = rs.getLong(5);
                    ts = rs.wasNull() ? RowTime.NONE : ts;
                    int at = seen.putIfAbsent(key, buffer.size(), MISSING);
                    if (at == MISSING) {
                        buffer.add(rs.getInt(1), rs.getInt(2), w, rs.getString(4), ts, rs.getString(6));
                    } else {
                        buffer.merge(at, policy, w, rs.getString(4), ts, rs.getString(6));
                    }
                    replaceExisting = true;
                }
            }
        }
    }

    @Override
    void accept(RecordReader r) throws RowReject, SQLException {
        String u = user.id(r, "user id");
        String i = item.id(r, "item id");
        double w = rating == null ? Double.NaN : rating.number(r);
        long ts = time.read(r);
        String ev = event == null ? null : event.text(r, 100);
        if (ev == null) {
            ev = defaultEvent;
        }
        String ctx = contexts.isEmpty() ? null : context(r);
        String[] textValues = texts.isEmpty() ? null : texts(r);
        int line = (int) Math.min(Integer.MAX_VALUE, r.line());

        if (policy == DuplicatePolicy.REJECT) {
            int uid = users.find(u);
            int iid = items.find(i);
            int prior = uid < 0 || iid < 0 ? MISSING : seen.get(LongIntMap.pair(uid, iid), MISSING);
            if (prior != MISSING) {
                duplicates++;
                throw new RowReject(0, null, prior == 0
                        ? "duplicate: the source already holds a row for user '" + u + "' and item '" + i + "'"
                        : "duplicate of line " + prior + " (same user '" + u + "' and item '" + i + "')");
            }
        }
        int uid = users.idFor(u);
        int iid = items.idFor(i);
        long key = LongIntMap.pair(uid, iid);
        if (buffer != null) {
            int at = seen.putIfAbsent(key, buffer.size(), MISSING);
            if (at == MISSING) {
                buffer.add(uid, iid, w, ev, ts, ctx);
            } else {
                duplicates++;
                buffer.merge(at, policy, w, ev, ts, ctx);
            }
        } else {
            if (seen.putIfAbsent(key, line, MISSING) != MISSING) {
                duplicates++;
            }
            write(uid, iid, w, ev, ts, ctx);
        }
        if (textValues != null) {
            writeTexts(uid, iid, textValues, ts);
        }
    }

    private void write(int uid, int iid, double w, String ev, long ts, String ctx) throws SQLException {
        PreparedStatement ps = interactions.ps();
        ps.setInt(1, sourceId);
        ps.setInt(2, uid);
        ps.setInt(3, iid);
        if (Double.isNaN(w)) {
            ps.setNull(4, Types.DOUBLE);
        } else {
            ps.setDouble(4, w);
        }
        ps.setString(5, ev);
        if (ts == RowTime.NONE) {
            ps.setNull(6, Types.BIGINT);
        } else {
            ps.setLong(6, ts);
        }
        ps.setString(7, ctx);
        interactions.add();
    }

    private String context(RecordReader r) throws RowReject {
        StringBuilder sb = null;
        for (int k = 0; k < contexts.size(); k++) {
            String v = contexts.get(k).value(r);
            if (v == null) {
                continue;
            }
            sb = sb == null ? new StringBuilder("{") : sb.append(',');
            sb.append('"').append(contextKeys[k]).append("\":\"").append(JsonStringEncoder.getInstance().quoteAsString(v)).append('"');
        }
        if (sb == null) {
            return null;
        }
        sb.append('}');
        if (sb.length() > 4000) {
            throw contexts.get(0).reject("the context values of the row are longer than 4,000 characters together");
        }
        return sb.toString();
    }

    private String[] texts(RecordReader r) throws RowReject {
        String[] values = new String[texts.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = texts.get(k).text(r, 20_000);
        }
        return values;
    }

    private void writeTexts(int uid, int iid, String[] values, long ts) throws SQLException {
        for (int k = 0; k < values.length; k++) {
            if (values[k] == null) {
                continue;
            }
            if (textRows == null) {
                textRows = new Batch(connection, UserItemTextSink.INSERT);
            }
            UserItemTextSink.set(textRows.ps(), sourceId, uid, iid, texts.get(k).name(), values[k], ts);
            textRows.add();
        }
    }

    @Override
    void finish(TaskMonitor monitor) throws SQLException {
        if (buffer != null) {
            if (replaceExisting) {
                try (PreparedStatement ps = connection.prepareStatement("DELETE FROM interactions WHERE source_id = ?")) {
                    ps.setInt(1, sourceId);
                    ps.executeUpdate();
                }
            }
            int n = buffer.size();
            for (int k = 0; k < n; k++) {
                if (k % Batch.SIZE == 0) {
                    monitor.checkCancelled();
                    monitor.progress(-1, String.format("Writing %,d merged rows: %,d", n, k));
                }
                write(buffer.user(k), buffer.item(k), buffer.weight(k, policy), buffer.event(k), buffer.ts(k), buffer.context(k));
            }
        }
        interactions.flush();
        if (textRows != null) {
            textRows.flush();
        }
    }

    @Override
    long stored() {
        return interactions.rows();
    }

    @Override
    long duplicates() {
        return duplicates;
    }

    @Override
    public void close() throws SQLException {
        interactions.close();
        if (textRows != null) {
            textRows.close();
        }
    }
}
