package org.recblend.results.export;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.recblend.nodes.recommend.RecommendationRepository;
import org.recblend.results.RunNodes;
import org.recblend.nodes.recommend.RecommendTopK;
import org.recblend.store.ProjectStore;

/**
 * Exports a run's stored recommendation lists as CSV ({@code user_id,rank,item_id,score}, the
 * engine's {@link org.recblend.engine.recommend.RecommendationsCsv} format), through a temporary
 * file so a failed export leaves nothing half written.
 */
public final class RecommendationsExport {
    private RecommendationsExport() {
    }

    /** The run's recommend nodes that finished, in id order. */
    public static List<String> recommendNodes(ProjectStore store, int runId) {
        return RunNodes.done(store, runId, RecommendTopK.ID);
    }

    /**
     * Writes the lists of the run's only (or first) recommend node.
     *
     * @return the rows written
     * @throws IllegalArgumentException when the run has no finished recommend node
     */
    public static int writeCsv(ProjectStore store, int runId, Path file) throws IOException {
        List<String> nodes = recommendNodes(store, runId);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("Run " + runId + " has no finished Recommend node, so it stored no lists;"
                    + " add a Recommend top-K node to the pipeline and run it");
        }
        return writeCsv(store, runId, nodes.get(0), file);
    }

    /** Writes the lists of one recommend node of a run; returns the rows written. */
    public static int writeCsv(ProjectStore store, int runId, String nodeId, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        int[] rows = new int[1];
        ReportExporter.atomically(file, tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                rows[0] = new RecommendationRepository(store).exportCsv(runId, nodeId, w);
            }
        });
        return rows[0];
    }
}
