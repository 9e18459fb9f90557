package org.recblend.ingest;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.recblend.domain.SourceKind;
import org.recblend.store.ProjectStore;

/**
 * One imported source with its counts, for the project explorer and {@code recblend info}.
 *
 * @param id            the source's id (for its {@link RejectReport})
 * @param datasetId     its dataset's id
 * @param dataset       its dataset's name
 * @param name          its name
 * @param kind          what it holds
 * @param fileName      the file of the latest import
 * @param rowsRead      data rows read over all imports
 * @param rowsAccepted  rows accepted
 * @param rowsRejected  rows in the reject report
 * @param rowsDuplicate rows repeating a (user, item) pair
 * @param importedAt    when it was last imported
 * @param specJson      the spec of the latest import ({@link #spec()} parses it)
 */
public record SourceInfo(int id, int datasetId, String dataset, String name, SourceKind kind, String fileName,
                         long rowsRead, long rowsAccepted, long rowsRejected, long rowsDuplicate,
                         OffsetDateTime importedAt, String specJson) {

    private static final String SELECT = "SELECT s.id, s.dataset_id, d.name, s.name, s.kind, s.file_name, s.rows_read,"
            + " s.rows_accepted, s.rows_rejected, s.rows_duplicate, s.imported_at, s.settings_json"
            + " FROM sources s JOIN datasets d ON d.id = s.dataset_id";

    /** Every source of the project, by dataset and source name. */
    public static List<SourceInfo> list(ProjectStore store) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY d.name, s.name"); ResultSet rs = ps.executeQuery()) {
                List<SourceInfo> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(of(rs));
                }
                return out;
            }
        });
    }

    /** The source of that name in that dataset. */
    public static Optional<SourceInfo> find(ProjectStore store, String dataset, String name) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE d.name = ? AND s.name = ?")) {
                ps.setString(1, dataset);
                ps.setString(2, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(of(rs)) : Optional.empty();
                }
            }
        });
    }

    private static SourceInfo of(ResultSet rs) throws SQLException {
        return new SourceInfo(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4), SourceKind.valueOf(rs.getString(5)),
                rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                rs.getObject(11, OffsetDateTime.class), rs.getString(12));
    }

    /** The spec of the latest import, to import the file again. */
    public ImportSpec spec() throws ImportException {
        return SpecJson.fromJson(specJson);
    }

    /** The source's reject report. */
    public RejectReport rejects(ProjectStore store) {
        return RejectReport.of(store, id);
    }
}
