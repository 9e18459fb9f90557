package org.recblend.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * What a project holds, counted per dataset and per imported source: the figures of
 * {@code recblend info} and of the project explorer.
 *
 * @param name the project's name
 * @param file the H2 file
 * @param schemaVersion the schema the project is at
 * @param datasets the datasets by name
 * @param pipelines the stored pipelines by name
 */
public record ProjectSummary(String name, Path file, int schemaVersion, List<DatasetSummary> datasets,
                             List<PipelineEntry> pipelines) {

    public ProjectSummary {
        datasets = List.copyOf(datasets);
        pipelines = List.copyOf(pipelines);
    }

    /**
     * A stored pipeline and how often it ran.
     *
     * @param runs the runs recorded for it
     * @param lastStatus the status of its latest run, or null when it never ran
     */
    public record PipelineEntry(String name, long runs, String lastStatus) {
    }

    /**
     * One dataset: its users and items (the id tables) and its sources.
     *
     * @param users rows of {@code users} of this dataset
     * @param items rows of {@code items} of this dataset
     */
    public record DatasetSummary(int id, String name, long users, long items, List<SourceSummary> sources) {
        public DatasetSummary {
            sources = List.copyOf(sources);
        }

        /** The sum of a count over the dataset's sources. */
        public long total(ToLongFunction<SourceSummary> count) {
            return sources.stream().mapToLong(count).sum();
        }
    }

    /**
     * One imported source.
     *
     * @param kind the {@link org.recblend.domain.SourceKind} name as stored
     * @param fileName the imported file, or null
     * @param users distinct users the source's rows mention
     * @param items distinct items the source's rows mention
     * @param interactions behaviour rows
     * @param itemTexts item text fields
     * @param userItemTexts tags and reviews
     * @param socialEdges social graph edges
     * @param rowsRead rows the import read
     * @param rowsAccepted rows it stored
     * @param rowsRejected rows it rejected (see the reject report)
     * @param rowsDuplicate duplicate rows it merged or dropped
     */
    public record SourceSummary(int id, String name, String kind, String fileName, long users, long items,
                                long interactions, long itemTexts, long userItemTexts, long socialEdges,
                                long rowsRead, long rowsAccepted, long rowsRejected, long rowsDuplicate) {
    }

    private static final String USERS_OF_SOURCES = """
            SELECT source_id, COUNT(DISTINCT u) FROM (
                SELECT source_id, user_id AS u FROM interactions
                UNION ALL SELECT source_id, user_id FROM user_attributes
                UNION ALL SELECT source_id, user_id FROM user_item_texts
                UNION ALL SELECT source_id, src_user_id FROM social_edges
                UNION ALL SELECT source_id, dst_user_id FROM social_edges) GROUP BY source_id""";
    private static final String ITEMS_OF_SOURCES = """
            SELECT source_id, COUNT(DISTINCT i) FROM (
                SELECT source_id, item_id AS i FROM interactions
                UNION ALL SELECT source_id, item_id FROM item_attributes
                UNION ALL SELECT source_id, item_id FROM item_categories
                UNION ALL SELECT source_id, item_id FROM item_texts
                UNION ALL SELECT source_id, item_id FROM user_item_texts) GROUP BY source_id""";

    /** Counts everything in one read of the project. */
    public static ProjectSummary of(ProjectStore store) {
        int schemaVersion = store.schemaVersion();
        return store.read(c -> {
            Map<Integer, Long> users = countBy(c, "SELECT dataset_id, COUNT(*) FROM users GROUP BY dataset_id");
            Map<Integer, Long> items = countBy(c, "SELECT dataset_id, COUNT(*) FROM items GROUP BY dataset_id");
            Map<Integer, Long> sourceUsers = countBy(c, USERS_OF_SOURCES);
            Map<Integer, Long> sourceItems = countBy(c, ITEMS_OF_SOURCES);
            Map<Integer, Long> interactions = rowsPerSource(c, "interactions");
            Map<Integer, Long> itemTexts = rowsPerSource(c, "item_texts");
            Map<Integer, Long> userItemTexts = rowsPerSource(c, "user_item_texts");
            Map<Integer, Long> socialEdges = rowsPerSource(c, "social_edges");

            Map<Integer, List<SourceSummary>> sourcesOfDataset = new HashMap<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, dataset_id, name, kind, file_name, rows_read, rows_accepted,"
                         + " rows_rejected, rows_duplicate FROM sources ORDER BY dataset_id, id")) {
                while (rs.next()) {
                    int id = rs.getInt(1);
                    sourcesOfDataset.computeIfAbsent(rs.getInt(2), d -> new ArrayList<>()).add(new SourceSummary(
                            id, rs.getString(3), rs.getString(4), rs.getString(5),
                            sourceUsers.getOrDefault(id, 0L), sourceItems.getOrDefault(id, 0L),
                            interactions.getOrDefault(id, 0L), itemTexts.getOrDefault(id, 0L),
                            userItemTexts.getOrDefault(id, 0L), socialEdges.getOrDefault(id, 0L),
                            rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)));
                }
            }
            Map<Integer, DatasetSummary> datasets = new LinkedHashMap<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, name FROM datasets ORDER BY name")) {
                while (rs.next()) {
                    int id = rs.getInt(1);
                    datasets.put(id, new DatasetSummary(id, rs.getString(2), users.getOrDefault(id, 0L),
                            items.getOrDefault(id, 0L), sourcesOfDataset.getOrDefault(id, List.of())));
                }
            }
            return new ProjectSummary(store.name(), store.databaseFile(), schemaVersion,
                    new ArrayList<>(datasets.values()), pipelines(c));
        });
    }

    /** The dataset of this name, if the project has one. */
    public Optional<DatasetSummary> dataset(String datasetName) {
        return datasets.stream().filter(d -> d.name().equals(datasetName)).findFirst();
    }

    private static List<PipelineEntry> pipelines(Connection c) throws SQLException {
        List<PipelineEntry> list = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT p.name, (SELECT COUNT(*) FROM runs r WHERE r.pipeline_id = p.id),"
                     + " (SELECT r.status FROM runs r WHERE r.pipeline_id = p.id ORDER BY r.id DESC LIMIT 1)"
                     + " FROM pipelines p ORDER BY p.name")) {
            while (rs.next()) {
                list.add(new PipelineEntry(rs.getString(1), rs.getLong(2), rs.getString(3)));
            }
        }
        return list;
    }

    private static Map<Integer, Long> rowsPerSource(Connection c, String table) throws SQLException {
        return countBy(c, "SELECT source_id, COUNT(*) FROM " + table + " GROUP BY source_id");
    }

    private static Map<Integer, Long> countBy(Connection c, String sql) throws SQLException {
        Map<Integer, Long> counts = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                counts.put(rs.getInt(1), rs.getLong(2));
            }
        }
        return counts;
    }
}
