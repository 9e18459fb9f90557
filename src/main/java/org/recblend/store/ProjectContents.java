package org.recblend.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a project holds, by name, for the project explorer: datasets with their sources,
 * pipelines, runs and models.
 */
public record ProjectContents(List<DatasetEntry> datasets, List<String> pipelines, List<RunEntry> runs,
                              List<String> models) {

    /** A dataset and its sources. */
    public record DatasetEntry(String name, List<SourceEntry> sources) { }

    /** One imported source with its kind and how many rows it accepted and rejected. */
    public record SourceEntry(String name, String kind, long rowsAccepted, long rowsRejected) { }

    /** One pipeline run. */
    public record RunEntry(int id, String pipeline, String status) { }

    /** Reads the contents of an open project. */
    public static ProjectContents of(ProjectStore store) {
        return store.read(ProjectContents::read);
    }

    private static ProjectContents read(Connection c) throws SQLException {
        Map<String, List<SourceEntry>> datasets = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT d.name, s.name, s.kind, s.rows_accepted, s.rows_rejected "
                     + "FROM datasets d LEFT JOIN sources s ON s.dataset_id = d.id ORDER BY d.name, s.id")) {
            while (rs.next()) {
                List<SourceEntry> sources = datasets.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
                if (rs.getString(2) != null) {
                    sources.add(new SourceEntry(rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)));
                }
            }
        }
        List<DatasetEntry> datasetEntries = new ArrayList<>();
        datasets.forEach((name, sources) -> datasetEntries.add(new DatasetEntry(name, List.copyOf(sources))));
        List<RunEntry> runs = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, pipeline_name, status FROM runs ORDER BY id DESC")) {
            while (rs.next()) {
                runs.add(new RunEntry(rs.getInt(1), rs.getString(2), rs.getString(3)));
            }
        }
        return new ProjectContents(List.copyOf(datasetEntries), names(c, "SELECT name FROM pipelines ORDER BY name"),
                List.copyOf(runs), names(c, "SELECT name FROM models ORDER BY id"));
    }

    private static List<String> names(Connection c, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return List.copyOf(names);
    }
}
