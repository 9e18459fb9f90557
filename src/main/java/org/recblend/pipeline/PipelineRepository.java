package org.recblend.pipeline;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.recblend.store.ProjectStore;

/** Pipelines stored in the project's {@code pipelines} table, by name. */
public final class PipelineRepository {
    private final ProjectStore store;
    private final NodeKindRegistry registry;

    public PipelineRepository(ProjectStore store, NodeKindRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    /** Saves the pipeline under this name, replacing one of the same name; the pipeline takes the name. */
    public void save(String name, Pipeline pipeline) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("A pipeline name is 1 to 200 characters, not '" + name + "'");
        }
        pipeline.setName(name);
        String json = PipelineJson.write(pipeline);
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "MERGE INTO pipelines (name, format_version, graph_json, updated_at) KEY (name) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, name);
                ps.setInt(2, PipelineJson.FORMAT_VERSION);
                ps.setString(3, json);
                ps.setObject(4, OffsetDateTime.now());
                return ps.executeUpdate();
            }
        });
    }

    /** The stored pipeline of this name, or empty. */
    public Optional<Pipeline> find(String name) throws PipelineFormatException {
        Optional<String> json = store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT graph_json FROM pipelines WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
        if (json.isEmpty()) {
            return Optional.empty();
        }
        try {
            Pipeline p = PipelineJson.read(json.get(), registry);
            p.setName(name);
            return Optional.of(p);
        } catch (PipelineFormatException e) {
            throw new PipelineFormatException("Stored pipeline '" + name + "': " + e.getMessage(), e);
        }
    }

    /** The stored pipeline of this name; the message lists the stored names when there is none. */
    public Pipeline load(String name) throws PipelineFormatException {
        Optional<Pipeline> p = find(name);
        if (p.isEmpty()) {
            List<String> names = list().stream().map(PipelineSummary::name).toList();
            throw new PipelineFormatException("No pipeline named '" + name + "' in project " + store.name()
                    + (names.isEmpty() ? " (it has no pipelines)" : " (it has: " + String.join(", ", names) + ")"));
        }
        return p.get();
    }

    /** All stored pipelines by name. */
    public List<PipelineSummary> list() {
        return store.read(c -> {
            List<PipelineSummary> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT name, format_version, updated_at FROM pipelines ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PipelineSummary(rs.getString(1), rs.getInt(2), rs.getObject(3, OffsetDateTime.class)));
                }
            }
            return out;
        });
    }

    /** Deletes the pipeline; its runs stay (their pipeline_id becomes null). */
    public boolean delete(String name) {
        return store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM pipelines WHERE name = ?")) {
                ps.setString(1, name);
                return ps.executeUpdate() > 0;
            }
        });
    }
}
