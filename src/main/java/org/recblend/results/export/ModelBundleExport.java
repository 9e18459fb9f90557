package org.recblend.results.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.recblend.domain.Split;
import org.recblend.engine.TrainedModel;
import org.recblend.engine.bundle.BundleException;
import org.recblend.engine.bundle.ModelBundle;
import org.recblend.engine.bundle.ModelCard;
import org.recblend.engine.eval.MetricNames;
import org.recblend.nodes.evaluate.EvaluateModel;
import org.recblend.nodes.evaluate.MetricsRepository;
import org.recblend.nodes.fuse.SocialScoreFusion;
import org.recblend.pipeline.PortData;
import org.recblend.pipeline.RunRepository;
import org.recblend.results.RunNodes;
import org.recblend.store.ProjectStore;

/**
 * Exports a model trained in a run as the engine's model bundle: the model from the node's cached
 * outputs, the training interactions from the split that fed it (for the card's schema and
 * fingerprint), and the figures of the evaluate node wired to it (segment "all", e.g. "ndcg@10").
 */
public final class ModelBundleExport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelBundleExport() {
    }

    /**
     * The run's finished nodes that output a trained model (train nodes, and score fusions such as
     * the social one that wrap a model), in id order. Read from the recorded kinds, not the cache.
     */
    public static List<String> modelNodes(ProjectStore store, int runId) {
        return RunNodes.kinds(store, runId).entrySet().stream()
                .filter(e -> e.getValue().startsWith("train.") || e.getValue().equals(SocialScoreFusion.ID))
                .map(Map.Entry::getKey).toList();
    }

    /**
     * Writes the bundle of model node {@code nodeId} of run {@code runId} to {@code zip}.
     *
     * @throws BundleException when the node has no model in the cache (cleared, or not a model node)
     *                         or nothing split the data for it
     */
    public static ModelCard export(ProjectStore store, int runId, String nodeId, Path zip) throws BundleException {
        List<PortData> outputs = RunNodes.outputs(store, runId, nodeId).orElseThrow(() -> new BundleException(
                "The outputs of node " + nodeId + " of run " + runId + " are not in the project's cache any more;"
                        + " run the pipeline again to export its model"));
        TrainedModel model = outputs.stream().map(PortData::value).filter(v -> v instanceof TrainedModel)
                .map(v -> (TrainedModel) v).findFirst().orElseThrow(() -> new BundleException(
                        "Node " + nodeId + " of run " + runId + " does not output a trained model"));
        Map<String, String> wires = upstreamWires(store, runId);
        String splitNode = wires.get(nodeId + "/split");
        Split split = splitNode == null ? null : RunNodes.outputs(store, runId, splitNode).flatMap(o -> o.stream()
                .map(PortData::value).filter(v -> v instanceof Split).map(v -> (Split) v).findFirst()).orElse(null);
        if (split == null) {
            throw new BundleException("The split that trained node " + nodeId + " of run " + runId
                    + " is not in the project's cache any more; run the pipeline again to export its model");
        }
        return ModelBundle.export(model, new ModelBundle.Provenance(split.train(), metrics(store, runId, nodeId, wires)), zip);
    }

    /** The figures of the evaluate nodes whose model input is this node. */
    private static Map<String, Double> metrics(ProjectStore store, int runId, String nodeId, Map<String, String> wires) {
        Map<String, Double> out = new LinkedHashMap<>();
        MetricsRepository repo = new MetricsRepository(store);
        for (String eval : RunNodes.done(store, runId, EvaluateModel.ID)) {
            if (nodeId.equals(wires.get(eval + "/model"))) {
                repo.load(runId, eval).stream().filter(m -> MetricNames.ALL.equals(m.segment()))
                        .forEach(m -> out.put(ReportTables.metricLabel(m.name(), m.k()), m.value()));
            }
        }
        return out;
    }

    /** "toNode/toPort" → fromNode, from the graph the run recorded. */
    private static Map<String, String> upstreamWires(ProjectStore store, int runId) throws BundleException {
        String graph = new RunRepository(store).find(runId).map(r -> r.graphJson()).orElse(null);
        Map<String, String> wires = new LinkedHashMap<>();
        if (graph == null) {
            return wires;
        }
        try {
            for (JsonNode c : JSON.readTree(graph).path("connections")) {
                wires.put(c.path("to").asText() + "/" + c.path("toPort").asText(), c.path("from").asText());
            }
        } catch (IOException e) {
            throw new BundleException("Run " + runId + " recorded an unreadable pipeline: " + e.getMessage(), e);
        }
        return wires;
    }

}
