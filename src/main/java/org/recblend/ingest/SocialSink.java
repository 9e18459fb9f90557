package org.recblend.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.recblend.domain.ColumnRole;
import org.recblend.ingest.read.RecordReader;
import org.recblend.task.TaskMonitor;

/** Edges of a friend or trust graph into {@code social_edges}; both ends are users of the dataset. */
final class SocialSink extends RowSink {
    private static final String INSERT = "INSERT INTO social_edges (source_id, src_user_id, dst_user_id, kind, weight, ts) VALUES (?, ?, ?, ?, ?, ?)";

    private final int sourceId;
    private final IdRegistry users;
    private final Column source;
    private final Column target;
    private final Column weight;
    private final RowTime time;
    private final String kind;
    private final Batch rows;

    SocialSink(Connection c, int sourceId, ImportSpec spec, BoundSpec bound, IdRegistry users) throws SQLException {
        this.sourceId = sourceId;
        this.users = users;
        this.source = bound.get(ColumnRole.SOCIAL_SOURCE);
        this.target = bound.get(ColumnRole.SOCIAL_TARGET);
        this.weight = bound.get(ColumnRole.SOCIAL_WEIGHT);
        this.time = new RowTime(bound);
        this.kind = spec.kindLabel() == null ? "friend" : spec.kindLabel();
        this.rows = new Batch(c, INSERT);
    }

    @Override
    void accept(RecordReader r) throws RowReject, SQLException {
        String from = source.id(r, "user id");
        String to = target.id(r, "user id");
        double w = weight == null ? Double.NaN : weight.number(r);
        long ts = time.read(r);
        PreparedStatement ps = rows.ps();
        ps.setInt(1, sourceId);
        ps.setInt(2, users.idFor(from));
        ps.setInt(3, users.idFor(to));
        ps.setString(4, kind);
        if (Double.isNaN(w)) {
            ps.setNull(5, Types.DOUBLE);
        } else {
            ps.setDouble(5, w);
        }
        if (ts == RowTime.NONE) {
            ps.setNull(6, Types.BIGINT);
        } else {
            ps.setLong(6, ts);
        }
        rows.add();
    }

    @Override
    void finish(TaskMonitor monitor) throws SQLException {
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
