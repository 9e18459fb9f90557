package org.recblend.ui.editor.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.concurrent.Task;
import org.recblend.pipeline.Node;
import org.recblend.pipeline.NodeState;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.PipelineRunner;
import org.recblend.pipeline.PipelineValidator;
import org.recblend.pipeline.ValidationReport;
import org.recblend.pipeline.RunOptions;
import org.recblend.pipeline.RunResult;
import org.recblend.pipeline.RunStatus;
import org.recblend.ui.task.TaskExecutor;

/**
 * Runs the edited pipeline and shows what every node does: run all, run up to a node, re-run what
 * is stale, cancel. A run works on a snapshot of the pipeline taken when it starts, in the
 * workbench's background jobs; its events reach the node statuses on the JavaFX thread in batches
 * (see {@link ThrottledRunRelay}). While {@link #runningProperty()} is true the editor refuses
 * edits and no second run starts; it turns false only when the worker has left the runner, so a
 * cancelled run has closed its transaction before anything else touches the project.
 *
 * <p>Call every method on the JavaFX thread.
 */
public final class PipelineRunViewModel {
    /** The run log keeps at most this many lines: the full log is in the run record. */
    static final int MAX_RUN_LOG_LINES = 10_000;

    private final PipelineRunner runner;
    private final Pipeline pipeline;
    private final TaskExecutor executor;
    private final Consumer<Task<?>> backgroundJobs;
    private final Executor uiThread;
    private final ObservableMap<String, NodeStatus> nodes = FXCollections.observableMap(new LinkedHashMap<>());
    private final ObservableList<String> runLog = FXCollections.observableArrayList();
    // one read-only view each: a view made per call would be collected with the listeners added to it
    private final ObservableMap<String, NodeStatus> nodesView = FXCollections.unmodifiableObservableMap(nodes);
    private final ObservableList<String> runLogView = FXCollections.unmodifiableObservableList(runLog);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<RunResult> lastResult = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper runningNode = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("");
    private PipelineRunTask task;
    private int statesRequest;

    /**
     * @param pipeline       the pipeline the editor edits (read on the JavaFX thread only)
     * @param executor       for reading node states off the JavaFX thread
     * @param backgroundJobs where runs go (the workbench's BackgroundTasks::submit)
     * @param uiThread       the JavaFX thread (Platform::runLater)
     */
    public PipelineRunViewModel(PipelineRunner runner, Pipeline pipeline, TaskExecutor executor, Consumer<Task<?>> backgroundJobs,
                                Executor uiThread) {
        this.runner = runner;
        this.pipeline = pipeline;
        this.executor = executor;
        this.backgroundJobs = backgroundJobs;
        this.uiThread = uiThread;
        syncNodes();
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    public PipelineRunner runner() {
        return runner;
    }

    /** The status of every node of the pipeline, by id. */
    public ObservableMap<String, NodeStatus> nodes() {
        return nodesView;
    }

    /** The status of a node (created for a node the editor just added). */
    public NodeStatus node(String nodeId) {
        return nodes.computeIfAbsent(nodeId, NodeStatus::new);
    }

    /** True from the start of a run until its worker thread is done, a cancelled one included. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /** The last run that finished (done, failed or cancelled). */
    public ReadOnlyObjectProperty<RunResult> lastResultProperty() {
        return lastResult.getReadOnlyProperty();
    }

    /** The node executing now, or null. */
    public ReadOnlyStringProperty runningNodeProperty() {
        return runningNode.getReadOnlyProperty();
    }

    /** One line for a status bar: what the run does or how it ended. */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** Every log line of the runs of this session, "[node] line", oldest first. */
    public ObservableList<String> runLog() {
        return runLogView;
    }

    /**
     * Reads every node's badge (not configured, ready, stale, done) from the runner's cache and run
     * records, off the JavaFX thread; the editor calls it after every edit. Ignored during a run,
     * whose events are the truth then.
     */
    public void refreshStates() {
        if (running.get()) {
            return;
        }
        syncNodes();
        Pipeline snapshot = pipeline.copy();
        int request = ++statesRequest;
        executor.execute(() -> new Badges(runner.states(snapshot), PipelineValidator.validate(snapshot)), badges -> {
            // an answer to an older request, or one that a run overtook, would show outdated badges
            if (request != statesRequest || running.get()) {
                return;
            }
            badges.states().forEach((id, state) -> {
                NodeStatus s = nodes.get(id);
                // a failure stays on the badge until the node runs again, is done or cannot run
                boolean keepFailure = s != null && s.state() == NodeState.FAILED
                        && (state == NodeState.READY || state == NodeState.STALE);
                if (s != null && !keepFailure) {
                    s.setState(state, badges.validation().summary(id).orElse(""));
                }
            });
        }, e -> statusText.set("Cannot read the node states: " + e.getMessage()));
    }

    /** Runs every node (cached outputs reused). @return false when a run is going on already */
    public boolean runAll() {
        return start("Run " + label(), List.of(RunOptions.all()));
    }

    /** Runs the node and what it needs. @return false during a run or when there is no such node */
    public boolean runUpTo(String nodeId) {
        if (pipeline.findNode(nodeId).isEmpty()) {
            statusText.set("There is no node '" + nodeId + "' to run up to");
            return false;
        }
        return start("Run " + label() + " up to " + nodeId, List.of(RunOptions.upTo(nodeId)));
    }

    /**
     * Re-runs the stale nodes: each stale node that has no stale node after it is a target, so
     * every stale node runs once and fresh outputs come from the cache.
     *
     * @return false during a run or when nothing is stale
     */
    public boolean runStale() {
        List<String> targets = staleTargets();
        if (targets.isEmpty()) {
            if (!running.get()) {
                statusText.set("Nothing is stale");
            }
            return false;
        }
        return start("Re-run stale nodes of " + label(), targets.stream().map(RunOptions::upTo).toList());
    }

    /** The stale nodes that no other stale node depends on, in pipeline order. */
    public List<String> staleTargets() {
        Set<String> stale = new LinkedHashSet<>();
        for (Node n : pipeline.nodes()) {
            NodeStatus s = nodes.get(n.id());
            if (s != null && s.state() == NodeState.STALE) {
                stale.add(n.id());
            }
        }
        List<String> targets = new ArrayList<>();
        for (String id : stale) {
            if (pipeline.downstreamOf(id).stream().noneMatch(d -> !d.equals(id) && stale.contains(d))) {
                targets.add(id);
            }
        }
        return targets;
    }

    /** Asks the run to stop; {@link #runningProperty()} turns false once its worker has unwound. */
    public void cancel() {
        if (task != null && running.get()) {
            statusText.set("Cancelling …");
            task.cancel();
        }
    }

    private boolean start(String title, List<RunOptions> runs) {
        if (running.get()) {
            return false;
        }
        syncNodes();
        Pipeline snapshot = pipeline.copy();
        ThrottledRunRelay relay = new ThrottledRunRelay(uiThread, this::apply);
        PipelineRunTask t = new PipelineRunTask(title, runner, snapshot, runs, relay, uiThread, this::finished);
        task = t;
        running.set(true);
        statesRequest++;
        statusText.set(title + " …");
        backgroundJobs.accept(t);
        return true;
    }

    private void finished(List<RunResult> results, Throwable failure) {
        running.set(false);
        runningNode.set(null);
        if (!results.isEmpty()) {
            lastResult.set(results.get(results.size() - 1));
        }
        if (failure != null) {
            statusText.set("The run stopped with an error: " + failure.getMessage());
            // nodes may still say QUEUED or RUNNING: read what is true now
            refreshStates();
            return;
        }
        RunResult last = lastResult.get();
        if (results.isEmpty()) {
            statusText.set("Cancelled before the run started");
        } else if (last.status() == RunStatus.DONE) {
            long executed = results.stream().mapToLong(r -> r.executedNodes().size()).sum();
            statusText.set("Run " + last.runId() + " done: " + executed + " node" + (executed == 1 ? "" : "s") + " executed");
        } else {
            statusText.set("Run " + last.runId() + " " + last.status().name().toLowerCase()
                    + (last.message() == null ? "" : ": " + last.message()));
        }
    }

    private void apply(RunEventBatch batch) {
        for (RunEventBatch.StateChange c : batch.states()) {
            node(c.nodeId()).setState(c.state(), c.message());
            if (c.state() == NodeState.RUNNING) {
                runningNode.set(c.nodeId());
            } else if (c.nodeId().equals(runningNode.get())) {
                runningNode.set(null);
            }
        }
        batch.progress().forEach((id, p) -> node(id).setProgress(p.fraction(), p.message()));
        Map<String, List<String>> perNode = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        for (RunEventBatch.LogLine l : batch.logs()) {
            lines.add(l.nodeId() == null ? l.line() : "[" + l.nodeId() + "] " + l.line());
            if (l.nodeId() != null) {
                perNode.computeIfAbsent(l.nodeId(), k -> new ArrayList<>()).add(l.line());
            }
        }
        perNode.forEach((id, ls) -> node(id).addLog(ls));
        if (!lines.isEmpty()) {
            runLog.addAll(lines);
            if (runLog.size() > MAX_RUN_LOG_LINES) {
                runLog.remove(0, runLog.size() - MAX_RUN_LOG_LINES);
            }
        }
        Map<String, List<MetricPoint>> points = new LinkedHashMap<>();
        batch.metrics().forEach(m -> points.computeIfAbsent(m.nodeId(), k -> new ArrayList<>()).add(m));
        points.forEach((id, ps) -> node(id).addMetrics(ps));
    }

    /** Keeps one status per node of the pipeline: adds new nodes, drops removed ones. */
    private void syncNodes() {
        Set<String> ids = new LinkedHashSet<>();
        pipeline.nodes().forEach(n -> ids.add(n.id()));
        nodes.keySet().retainAll(ids);
        ids.forEach(this::node);
    }

    private record Badges(Map<String, NodeState> states, ValidationReport validation) {
    }

    private String label() {
        return pipeline.name() == null ? "the pipeline" : pipeline.name();
    }
}
