package org.recblend.pipeline;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.recblend.store.ProjectStore;
import org.recblend.task.CancelledException;
import org.recblend.task.TaskMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs pipelines on the calling thread: nodes in topological order, each one's outputs taken from
 * the cache when its key (settings, inputs, external fingerprint) is unchanged, else executed and
 * cached. A failed node stops only the nodes that depend on it; a cancel stops the run. Either way
 * only complete outputs are cached, and every run leaves a record in {@code runs}/{@code node_runs}.
 *
 * <p>Keep one runner per open project: its {@link OutputCache} holds outputs in memory for the session.
 */
public final class PipelineRunner {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineRunner.class);
    /** The name recorded for a run of a pipeline that was never saved. */
    public static final String UNSAVED = "(unsaved)";

    private final ProjectStore store;
    private final OutputCache cache;
    private final RunRepository runs;

    public PipelineRunner(ProjectStore store) {
        this(store, new OutputCache(store));
    }

    public PipelineRunner(ProjectStore store, OutputCache cache) {
        this.store = store;
        this.cache = cache;
        this.runs = new RunRepository(store);
    }

    public OutputCache cache() {
        return cache;
    }

    /**
     * Runs the pipeline (or the part a target node needs) and records the run.
     *
     * @throws IllegalArgumentException when the target node is not in the pipeline
     */
    public RunResult run(Pipeline pipeline, RunOptions options, TaskMonitor monitor) {
        Pipeline p = pipeline.copy();
        if (options.seed() != null) {
            reseed(p, options.seed());
        }
        RunListener listener = options.listener();
        Set<String> wanted = options.targetNodeId() == null
                ? new LinkedHashSet<>(p.nodes().stream().map(Node::id).toList())
                : p.upstreamOf(requireNode(p, options.targetNodeId()));
        String name = p.name() == null ? UNSAVED : p.name();
        RunLog log = new RunLog(monitor, listener);
        OffsetDateTime started = OffsetDateTime.now();
        int runId = runs.start(name, PipelineJson.write(p), options.seed(), started);
        log.line(null, "Run " + runId + " of pipeline " + name + " (" + wanted.size() + " nodes)");

        Map<String, NodeRunResult> results = new LinkedHashMap<>();
        Map<String, List<PortData>> outputs = new HashMap<>();
        List<Node> order;
        try {
            order = p.topologicalOrder(wanted);
        } catch (WiringException e) {
            return finish(runId, RunStatus.FAILED, e.getMessage(), log, results, outputs);
        }
        ValidationReport report = PipelineValidator.validate(p);
        for (Node n : order) {
            listener.nodeState(n.id(), report.isValid(n.id()) ? NodeState.QUEUED : NodeState.NOT_CONFIGURED,
                    report.summary(n.id()).orElse(""));
        }
        Map<String, String> keys = new HashMap<>();
        RunStatus status = RunStatus.DONE;
        String message = null;
        int done = 0;
        for (Node node : order) {
            if (monitor.isCancelled()) {
                status = RunStatus.CANCELLED;
                message = "Cancelled by the user before node " + node.id();
                break;
            }
            double share = 1.0 / order.size();
            NodeRunResult r = runNode(runId, p, node, report, keys, outputs, results, options, monitor, log, done * share, share);
            results.put(node.id(), r);
            runs.recordNode(runId, r, node.settingsJson().toString());
            if (r.status() == NodeRunStatus.CANCELLED) {
                status = RunStatus.CANCELLED;
                message = "Cancelled by the user during node " + node.id();
                break;
            }
            if (r.status() == NodeRunStatus.FAILED && status == RunStatus.DONE) {
                status = RunStatus.FAILED;
                message = "Node " + node.id() + " failed: " + r.message();
            }
            done++;
            monitor.progress((double) done / order.size(), node.id() + " " + r.status().name().toLowerCase());
        }
        for (Node node : order) {
            if (!results.containsKey(node.id())) {
                NodeRunResult skipped = new NodeRunResult(node.id(), node.kindId(), NodeRunStatus.SKIPPED, false,
                        keys.get(node.id()), OffsetDateTime.now(), 0, "Not run: the run was cancelled");
                results.put(node.id(), skipped);
                runs.recordNode(runId, skipped, node.settingsJson().toString());
                listener.nodeState(node.id(), idleState(name, node.id(), null), "");
            }
        }
        return finish(runId, status, message, log, results, outputs);
    }

    private RunResult finish(int runId, RunStatus status, String message, RunLog log,
                             Map<String, NodeRunResult> results, Map<String, List<PortData>> outputs) {
        log.line(null, "Run " + runId + " " + status.name().toLowerCase() + (message == null ? "" : ": " + message));
        runs.finish(runId, status, message, log.text(), OffsetDateTime.now());
        return new RunResult(runId, status, message, results, outputs);
    }

    private static String requireNode(Pipeline p, String id) {
        if (p.findNode(id).isEmpty()) {
            throw new IllegalArgumentException("No node '" + id + "' in the pipeline");
        }
        return id;
    }

    private NodeRunResult runNode(int runId, Pipeline p, Node node, ValidationReport report, Map<String, String> keys,
                                  Map<String, List<PortData>> outputs, Map<String, NodeRunResult> results,
                                  RunOptions options, TaskMonitor monitor, RunLog log, double base, double span) {
        String id = node.id();
        String kindId = node.kindId();
        RunListener listener = options.listener();
        OffsetDateTime started = OffsetDateTime.now();
        List<String> inputKeys = new ArrayList<>();
        List<PortData> inputs = new ArrayList<>();
        for (PortSpec in : node.descriptor().inputs()) {
            Optional<Connection> wire = p.incoming(id, in.name());
            if (wire.isEmpty()) {
                inputKeys.add("-");
                inputs.add(null);
                continue;
            }
            Connection c = wire.get();
            NodeRunResult upstream = results.get(c.fromNode());
            if (upstream == null || upstream.status() != NodeRunStatus.DONE) {
                String why = "Not run: " + c.fromNode() + " has no result";
                listener.nodeState(id, report.isValid(id) ? NodeState.READY : NodeState.NOT_CONFIGURED, why);
                return new NodeRunResult(id, kindId, NodeRunStatus.SKIPPED, false, null, started, 0, why);
            }
            inputKeys.add(keys.get(c.fromNode()) + "/" + c.fromPort());
            inputs.add(outputs.get(c.fromNode()).get(portIndex(p.node(c.fromNode()), c.fromPort())));
        }
        Optional<String> problems = report.summary(id);
        if (problems.isPresent()) {
            log.line(id, "cannot run: " + problems.get());
            listener.nodeState(id, NodeState.NOT_CONFIGURED, problems.get());
            return new NodeRunResult(id, kindId, NodeRunStatus.FAILED, false, null, started, 0, problems.get());
        }
        NodeSettings settings = node.settings().orElseThrow();
        long t0 = System.nanoTime();
        String key = null;
        try {
            String fingerprint = fingerprint(node.kind(), settings, store).orElse(null);
            key = CacheKeys.of(kindId, node.settingsVersion(), SettingsCodec.canonical(node.settingsJson()), inputKeys, fingerprint);
            keys.put(id, key);
            Optional<List<PortData>> cached = options.useCache() ? cache.get(key) : Optional.empty();
            if (cached.isPresent()) {
                outputs.put(id, cached.get());
                log.line(id, "outputs from the cache");
                listener.nodeState(id, NodeState.DONE, "from cache");
                return new NodeRunResult(id, kindId, NodeRunStatus.DONE, false, key, started, millis(t0), "from cache");
            }
            listener.nodeState(id, NodeState.RUNNING, "");
            log.line(id, "executing " + kindId);
            NodeContext ctx = new NodeContext(runId, id, store, monitor, log, listener, base, span);
            List<PortData> out = execute(node.kind(), settings, inputs, ctx);
            checkOutputs(node, report.outputs(id).orElseThrow(), out);
            outputs.put(id, List.copyOf(out));
            try {
                cache.put(key, kindId, out);
            } catch (IOException e) {
                LOG.warn("Cannot persist the outputs of node {}", id, e);
                log.line(id, "warning: outputs kept in memory only (" + e.getMessage() + ")");
            }
            long ms = millis(t0);
            log.line(id, "done in " + ms + " ms");
            listener.nodeState(id, NodeState.DONE, "");
            return new NodeRunResult(id, kindId, NodeRunStatus.DONE, true, key, started, ms, null);
        } catch (CancelledException e) {
            log.line(id, "cancelled");
            listener.nodeState(id, idleState(p.name(), id, key), "cancelled");
            return new NodeRunResult(id, kindId, NodeRunStatus.CANCELLED, true, key, started, millis(t0), "Cancelled by the user");
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            String msg = describe(e);
            LOG.info("Node {} ({}) failed", id, kindId, e);
            log.line(id, "failed: " + msg);
            listener.nodeState(id, NodeState.FAILED, msg);
            return new NodeRunResult(id, kindId, NodeRunStatus.FAILED, true, key, started, millis(t0), msg);
        }
    }

    private static String describe(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "Out of memory (" + e.getMessage() + "); give the workbench more memory or use less data";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static int portIndex(Node node, String port) {
        List<PortSpec> outs = node.descriptor().outputs();
        for (int i = 0; i < outs.size(); i++) {
            if (outs.get(i).name().equals(port)) {
                return i;
            }
        }
        throw new IllegalStateException("Node " + node.id() + " has no output " + port);
    }

    private static void checkOutputs(Node node, List<PortSpec> specs, List<PortData> out) {
        if (out == null || out.size() != specs.size()) {
            throw new IllegalStateException("Node kind " + node.kindId() + " returned " + (out == null ? "no" : out.size())
                    + " outputs instead of " + specs.size() + " (a bug in that node kind)");
        }
        for (int i = 0; i < specs.size(); i++) {
            PortData d = out.get(i);
            if (d == null || !d.type().id().equals(specs.get(i).type().id())) {
                throw new IllegalStateException("Node kind " + node.kindId() + " returned " + (d == null ? "nothing" : d.type().displayName())
                        + " for its " + specs.get(i).type().displayName() + " output '" + specs.get(i).name() + "' (a bug in that node kind)");
            }
        }
    }

    /**
     * The badge of every node without running anything: NOT_CONFIGURED, DONE (outputs cached for
     * its current key), STALE (done before, but its settings or upstream changed) or READY.
     * Asks source nodes for their fingerprint, so a re-import shows as STALE.
     */
    public Map<String, NodeState> states(Pipeline pipeline) {
        Map<String, NodeState> states = new LinkedHashMap<>();
        ValidationReport report = PipelineValidator.validate(pipeline);
        List<Node> order;
        try {
            order = pipeline.topologicalOrder();
        } catch (WiringException e) {
            pipeline.nodes().forEach(n -> states.put(n.id(), NodeState.NOT_CONFIGURED));
            return states;
        }
        Map<String, String> keys = currentKeys(pipeline, order, report);
        for (Node node : order) {
            String id = node.id();
            if (!report.isValid(id)) {
                states.put(id, NodeState.NOT_CONFIGURED);
                continue;
            }
            String key = keys.get(id);
            states.put(id, key != null && cache.contains(key) ? NodeState.DONE : idleState(pipeline.name(), id, key));
        }
        return states;
    }

    /**
     * The outputs a node's badge counts as DONE: those cached under its current key (its settings,
     * its upstream's keys, its external fingerprint), read from memory or else from disk. Empty when
     * the node is unknown, not configured, never ran with these settings and inputs, or is stale.
     * Runs nothing; the output preview calls it off the UI thread since a disk read may be slow.
     */
    public Optional<List<PortData>> cachedOutputs(Pipeline pipeline, String nodeId) {
        if (pipeline.findNode(nodeId).isEmpty()) {
            return Optional.empty();
        }
        List<Node> order;
        try {
            order = pipeline.topologicalOrder(pipeline.upstreamOf(nodeId));
        } catch (WiringException e) {
            return Optional.empty();
        }
        ValidationReport report = PipelineValidator.validate(pipeline);
        String key = currentKeys(pipeline, order, report).get(nodeId);
        return key == null ? Optional.empty() : cache.get(key);
    }

    /** The cache key of every configured node in {@code order} whose upstream has keys, as a run would compute it. */
    private Map<String, String> currentKeys(Pipeline pipeline, List<Node> order, ValidationReport report) {
        Map<String, String> keys = new HashMap<>();
        for (Node node : order) {
            if (report.isValid(node.id())) {
                String key = keyWithoutRunning(pipeline, node, keys);
                if (key != null) {
                    keys.put(node.id(), key);
                }
            }
        }
        return keys;
    }

    private String keyWithoutRunning(Pipeline p, Node node, Map<String, String> keys) {
        List<String> inputKeys = new ArrayList<>();
        for (PortSpec in : node.descriptor().inputs()) {
            Optional<Connection> wire = p.incoming(node.id(), in.name());
            if (wire.isEmpty()) {
                inputKeys.add("-");
            } else if (keys.containsKey(wire.get().fromNode())) {
                inputKeys.add(keys.get(wire.get().fromNode()) + "/" + wire.get().fromPort());
            } else {
                return null;
            }
        }
        try {
            String fingerprint = fingerprint(node.kind(), node.settings().orElseThrow(), store).orElse(null);
            return CacheKeys.of(node.kindId(), node.settingsVersion(), SettingsCodec.canonical(node.settingsJson()),
                    inputKeys, fingerprint);
        } catch (Exception e) {
            return null;
        }
    }

    private NodeState idleState(String pipelineName, String nodeId, String currentKey) {
        if (pipelineName == null) {
            return NodeState.READY;
        }
        Optional<String> last = runs.lastDoneKey(pipelineName, nodeId);
        return last.isPresent() && !last.get().equals(currentKey) ? NodeState.STALE : NodeState.READY;
    }

    private static void reseed(Pipeline p, long seed) {
        for (Node n : p.nodes()) {
            if (n.settings().orElse(null) instanceof SeededSettings s) {
                try {
                    p.setSettings(n.id(), s.withSeed(seed));
                } catch (WiringException e) {
                    throw new IllegalStateException("Cannot reseed node " + n.id(), e);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <S extends NodeSettings> List<PortData> execute(NodeKind<S> kind, NodeSettings settings,
                                                                  List<PortData> inputs, ExecutionContext ctx) throws Exception {
        return kind.execute((S) settings, java.util.Collections.unmodifiableList(new ArrayList<>(inputs)), ctx);
    }

    @SuppressWarnings("unchecked")
    private static <S extends NodeSettings> Optional<String> fingerprint(NodeKind<S> kind, NodeSettings settings,
                                                                       ProjectStore store) throws Exception {
        return kind.externalFingerprint((S) settings, store);
    }
}
