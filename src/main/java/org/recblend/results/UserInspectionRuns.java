package org.recblend.results;

import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.recblend.nodes.collect.CollectDataset;
import org.recblend.nodes.recommend.RecommendTopK;
import org.recblend.nodes.train.TrainPorts;
import org.recblend.pipeline.Connection;
import org.recblend.pipeline.Node;
import org.recblend.pipeline.NodeKindRegistry;
import org.recblend.pipeline.OutputCache;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.PipelineFormatException;
import org.recblend.pipeline.PipelineJson;
import org.recblend.pipeline.PortData;
import org.recblend.pipeline.PortSpec;
import org.recblend.store.ProjectStore;

/**
 * The trained models of a project's finished runs, as the user inspector and the item explorer
 * offer them, and the outputs a run's nodes produced. A run's graph is stored with it, and every
 * node's row in {@code node_runs} names the cache key of its outputs, so a model, its split and its
 * features are read back exactly as that run had them, whether it ran in the GUI or from the
 * command line. Outputs are on disk under the project's artifacts (the output cache); a project
 * whose cache was cleared still has its stored recommendations, but nothing to score or explain with.
 */
public final class UserInspectionRuns {
    private final ProjectStore store;
    private NodeKindRegistry registry;
    private final OutputCache cache;
    private final Map<Integer, Pipeline> graphs = new HashMap<>();
    private final Map<Integer, Map<String, String>> keys = new HashMap<>();

    public UserInspectionRuns(ProjectStore store, NodeKindRegistry registry, OutputCache cache) {
        this.store = store;
        this.registry = registry;
        this.cache = cache;
    }

    /**
     * Loads the node kinds on first use: finding them (ServiceLoader) takes a moment, so a view
     * created on the UI thread leaves it to its first background read.
     */
    public UserInspectionRuns(ProjectStore store, OutputCache cache) {
        this(store, null, cache);
    }

    public ProjectStore store() {
        return store;
    }

    public synchronized NodeKindRegistry registry() {
        if (registry == null) {
            registry = NodeKindRegistry.load();
        }
        return registry;
    }

    /**
     * One trained model of one finished run.
     *
     * @param runId         the run
     * @param pipelineName  the pipeline it ran
     * @param nodeId        the node that trained (or wrapped) the model
     * @param kindName      the node kind's display name, e.g. "Hybrid (ID + features)"
     * @param recommendNode the Top-K node fed by this model in that run, or null: then lists are scored
     * @param dataset       the dataset the run collected (empty when the graph does not say)
     */
    public record ModelChoice(int runId, String pipelineName, String nodeId, String kindName, String recommendNode,
                              String dataset) implements Serializable {
        /** "Run 3 · LLM hybrid · hybrid": short enough for a chooser. */
        public String label() {
            return "Run " + runId + " · " + pipelineName + " · " + nodeId;
        }

        @Override
        public String toString() {
            return label();
        }
    }

    /** Every model of every DONE run, newest run first, nodes in graph order. */
    public List<ModelChoice> models() {
        List<ModelChoice> out = new ArrayList<>();
        for (int runId : doneRuns()) {
            Pipeline p = graph(runId).orElse(null);
            if (p == null) {
                continue;
            }
            String dataset = p.nodes().stream().filter(n -> n.kindId().equals(CollectDataset.ID))
                    .map(n -> n.settings(CollectDataset.Settings.class).dataset()).findFirst().orElse("");
            Map<String, String> ran = cacheKeys(runId);
            for (Node n : p.nodes()) {
                boolean trains = n.descriptor().outputs().stream().anyMatch(o -> o.type().equals(TrainPorts.TRAINED_MODEL));
                if (!trains || !ran.containsKey(n.id())) {
                    continue;
                }
                String recommend = p.outgoing(n.id()).stream().map(Connection::toNode)
                        .filter(t -> p.node(t).kindId().equals(RecommendTopK.ID) && ran.containsKey(t)).findFirst().orElse(null);
                out.add(new ModelChoice(runId, p.name(), n.id(), n.descriptor().name(), recommend, dataset));
            }
        }
        return out;
    }

    /** The run's graph as it ran, or empty when it is missing or no longer readable. */
    public synchronized Optional<Pipeline> graph(int runId) {
        if (graphs.containsKey(runId)) {
            return Optional.ofNullable(graphs.get(runId));
        }
        String json = store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT graph_json, pipeline_name FROM runs WHERE id = ?")) {
                ps.setInt(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        Pipeline p = null;
        if (json != null) {
            try {
                p = PipelineJson.read(json, registry());
                p.setName(runName(runId));
            } catch (PipelineFormatException e) {
                p = null;
            }
        }
        graphs.put(runId, p);
        return Optional.ofNullable(p);
    }

    /**
     * The output {@code port} of {@code nodeId} in run {@code runId}, read from the output cache by
     * the key recorded for that run; empty when the node did not finish or its outputs are gone.
     */
    public <T> Optional<T> output(int runId, String nodeId, String port, Class<T> type) {
        Pipeline p = graph(runId).orElse(null);
        String key = cacheKeys(runId).get(nodeId);
        if (p == null || key == null || p.findNode(nodeId).isEmpty()) {
            return Optional.empty();
        }
        List<PortSpec> outs = p.node(nodeId).descriptor().outputs();
        int at = -1;
        for (int k = 0; k < outs.size(); k++) {
            if (outs.get(k).name().equals(port)) {
                at = k;
            }
        }
        if (at < 0) {
            return Optional.empty();
        }
        Optional<List<PortData>> data = cache.get(key);
        if (data.isEmpty() || data.get().size() <= at || data.get().get(at) == null) {
            return Optional.empty();
        }
        Object v = data.get().get(at).value();
        return type.isInstance(v) ? Optional.of(type.cast(v)) : Optional.empty();
    }

    /**
     * What arrived at each input of {@code nodeId} in that run, in the descriptor's input order (null
     * for an unwired input), or empty when any wired input's outputs are gone.
     */
    public Optional<List<PortData>> inputs(int runId, String nodeId) {
        Pipeline p = graph(runId).orElse(null);
        if (p == null || p.findNode(nodeId).isEmpty()) {
            return Optional.empty();
        }
        List<PortData> in = new ArrayList<>();
        for (PortSpec spec : p.node(nodeId).descriptor().inputs()) {
            Optional<Connection> wire = p.incoming(nodeId, spec.name());
            if (wire.isEmpty()) {
                in.add(null);
                continue;
            }
            Optional<Object> v = output(runId, wire.get().fromNode(), wire.get().fromPort(), Object.class);
            if (v.isEmpty()) {
                return Optional.empty();
            }
            in.add(new PortData(spec.type(), (Serializable) v.get()));
        }
        return Optional.of(in);
    }

    /** The node upstream of {@code nodeId}'s input {@code port} in that run, if wired. */
    public Optional<Connection> incoming(int runId, String nodeId, String port) {
        return graph(runId).flatMap(p -> p.incoming(nodeId, port));
    }

    private List<Integer> doneRuns() {
        return store.read(c -> {
            List<Integer> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM runs WHERE status = 'DONE' ORDER BY id DESC");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getInt(1));
                }
            }
            return ids;
        });
    }

    private String runName(int runId) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT pipeline_name FROM runs WHERE id = ?")) {
                ps.setInt(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : "run " + runId;
                }
            }
        });
    }

    /** Node id → cache key of the nodes that finished in that run (executed or served from the cache). */
    private synchronized Map<String, String> cacheKeys(int runId) {
        return keys.computeIfAbsent(runId, id -> store.read(c -> {
            Map<String, String> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT node_id, cache_key FROM node_runs WHERE run_id = ?"
                    + " AND status = 'DONE' AND cache_key IS NOT NULL")) {
                ps.setInt(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return out;
        }));
    }
}
