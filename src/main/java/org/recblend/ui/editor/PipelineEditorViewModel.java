package org.recblend.ui.editor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import org.recblend.pipeline.Connection;
import org.recblend.pipeline.Node;
import org.recblend.pipeline.NodeKind;
import org.recblend.pipeline.NodeSettings;
import org.recblend.pipeline.NodeState;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.PipelineRepository;
import org.recblend.pipeline.PipelineValidator;
import org.recblend.pipeline.ValidationReport;
import org.recblend.pipeline.WiringException;
import org.recblend.ui.task.TaskExecutor;

/**
 * The pipeline editor without a screen: one {@link Pipeline}, every edit an undoable command on
 * one stack, a selection, a clipboard, and observable node items and wires for the canvas. While a
 * run holds the pipeline ({@link #setRunning}), every edit is refused, never queued, so the run
 * never sees a half-edited graph. Call it on the JavaFX thread only.
 */
public final class PipelineEditorViewModel {
    public static final String RUNNING_REFUSAL = "The pipeline is running: edit it when the run has ended";
    /** Space kept between pasted copies and the nodes they would otherwise cover. */
    static final double PASTE_GAP = 40;

    private final Pipeline pipeline;
    private final PipelineRepository repository;
    private final TaskExecutor executor;
    private final UndoHistory history = new UndoHistory();
    private final ObservableList<NodeItem> nodes = FXCollections.observableArrayList();
    private final Map<String, NodeItem> items = new HashMap<>();
    private final ObservableList<Connection> wires = FXCollections.observableArrayList();
    private final ObservableSet<String> selection = FXCollections.observableSet(new LinkedHashSet<>());
    // made once: a read-only wrapper listens weakly to its list, so one made per call could lose its listeners
    private final ObservableList<NodeItem> readOnlyNodes = FXCollections.unmodifiableObservableList(nodes);
    private final ObservableList<Connection> readOnlyWires = FXCollections.unmodifiableObservableList(wires);
    private final ObservableSet<String> readOnlySelection = FXCollections.unmodifiableObservableSet(selection);
    private final ReadOnlyObjectWrapper<String> selectedNode = new ReadOnlyObjectWrapper<>(this, "selectedNode");
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper(this, "locked");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyStringWrapper lastRefusal = new ReadOnlyStringWrapper(this, "lastRefusal");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private Function<Pipeline, Map<String, NodeState>> stateSource;
    private NodeClipboard.Contents clipboard = new NodeClipboard.Contents(List.of(), List.of());
    private EditCommand savedAt;
    private boolean neverSaved;
    private Map<String, MoveNodesCommand.Place> dragStart;
    private Runnable onSaved = () -> { };

    /**
     * @param repository where {@link #save()} writes (null: the pipeline cannot be saved, e.g. a preview)
     * @param executor   runs the save off the JavaFX thread
     */
    public PipelineEditorViewModel(Pipeline pipeline, PipelineRepository repository, TaskExecutor executor) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.repository = repository;
        this.executor = executor;
        this.name.set(pipeline.name());
        this.neverSaved = pipeline.name() == null;
        selection.addListener((SetChangeListener<String>) c ->
                selectedNode.set(selection.size() == 1 ? selection.iterator().next() : null));
        sync();
        refreshStates();
        updateDirty();
    }

    // ---- edits -------------------------------------------------------------------------------

    /** Adds a node of this kind at a place; returns its id, or empty when refused (see {@link #lastRefusalProperty()}). */
    public Optional<String> addNode(String kindId, double x, double y) {
        AddNodeCommand add = new AddNodeCommand(pipeline, kindId, x, y);
        if (!execute(add)) {
            return Optional.empty();
        }
        select(add.nodeId());
        return Optional.of(add.nodeId());
    }

    /** Removes nodes with their wires. */
    public boolean removeNodes(Collection<String> ids) {
        List<String> present = ids.stream().filter(id -> pipeline.findNode(id).isPresent()).distinct().toList();
        return !present.isEmpty() && execute(new RemoveNodesCommand(pipeline, present));
    }

    public boolean deleteSelection() {
        return removeNodes(List.copyOf(selection));
    }

    /** Moves nodes by an offset in one command (keyboard nudges, tests; drags use {@link #beginMove}). */
    public boolean moveNodes(Collection<String> ids, double dx, double dy) {
        Map<String, MoveNodesCommand.Place> from = places(ids);
        Map<String, MoveNodesCommand.Place> to = new LinkedHashMap<>();
        from.forEach((id, p) -> to.put(id, new MoveNodesCommand.Place(p.x() + dx, p.y() + dy)));
        return !from.isEmpty() && (dx != 0 || dy != 0) && execute(new MoveNodesCommand(pipeline, MoveNodesCommand.describe(from), from, to));
    }

    /**
     * Starts dragging the selection (plus the grabbed node, which is selected if it was not).
     * Until {@link #endMove()} only the items move; the pipeline then moves in one command.
     */
    public boolean beginMove(String grabbed) {
        if (refuseWhileLocked()) {
            return false;
        }
        if (grabbed != null && !selection.contains(grabbed)) {
            select(grabbed);
        }
        dragStart = places(selection);
        return true;
    }

    /** Shows the dragged nodes shifted by the offset from where the drag began. */
    public void dragMove(double dx, double dy) {
        if (dragStart == null) {
            return;
        }
        dragStart.forEach((id, p) -> items.get(id).showAt(p.x() + dx, p.y() + dy));
    }

    /** Ends a drag: one command moves every dragged node, or nothing when they did not move. */
    public boolean endMove() {
        Map<String, MoveNodesCommand.Place> from = dragStart;
        dragStart = null;
        if (from == null || from.isEmpty()) {
            return false;
        }
        Map<String, MoveNodesCommand.Place> to = new LinkedHashMap<>();
        from.keySet().forEach(id -> to.put(id, new MoveNodesCommand.Place(items.get(id).x(), items.get(id).y())));
        if (to.equals(from)) {
            return false;
        }
        boolean done = execute(new MoveNodesCommand(pipeline, MoveNodesCommand.describe(from), from, to));
        if (!done) {
            sync();
        }
        return done;
    }

    /** Wires an output port to an input port; a refusal's reason goes to {@link #lastRefusalProperty()}. */
    public boolean connect(String fromNode, String fromPort, String toNode, String toPort) {
        if (refuseWhileLocked()) {
            return false;
        }
        Optional<String> reason = pipeline.whyNotConnect(fromNode, fromPort, toNode, toPort);
        if (reason.isPresent()) {
            refuse(reason.get());
            return false;
        }
        return execute(new ConnectCommand(pipeline, new Connection(fromNode, fromPort, toNode, toPort)));
    }

    /** Why this wire would be refused, or empty: for highlighting ports while a wire is dragged. */
    public Optional<String> whyNotConnect(String fromNode, String fromPort, String toNode, String toPort) {
        return pipeline.whyNotConnect(fromNode, fromPort, toNode, toPort);
    }

    public boolean disconnect(Connection wire) {
        return execute(ConnectCommand.disconnect(pipeline, wire));
    }

    /** Replaces a node's settings as one undoable edit (the property sheet calls this). */
    public boolean changeSettings(String nodeId, NodeSettings newSettings) {
        if (refuseWhileLocked()) {
            return false;
        }
        Optional<Node> node = pipeline.findNode(nodeId);
        if (node.isEmpty()) {
            refuse("No node '" + nodeId + "' in the pipeline");
            return false;
        }
        if (node.get().settings().filter(s -> s.equals(newSettings)).isPresent() && node.get().settingsError().isEmpty()) {
            return false;
        }
        return execute(new ChangeSettingsCommand(pipeline, nodeId, newSettings));
    }

    /** Lays all nodes out left to right by depth, as one undoable move. */
    public boolean autoLayout() {
        if (refuseWhileLocked()) {
            return false;
        }
        Map<String, MoveNodesCommand.Place> to;
        try {
            to = AutoLayout.places(pipeline);
        } catch (WiringException e) {
            refuse(e.getMessage());
            return false;
        }
        Map<String, MoveNodesCommand.Place> from = places(to.keySet());
        return !to.equals(from) && execute(new MoveNodesCommand(pipeline, "Auto layout", from, to));
    }

    // ---- clipboard ---------------------------------------------------------------------------

    /** Copies the selected nodes and the wires among them (not an edit: allowed during a run). */
    public void copySelection() {
        NodeClipboard.Contents copied = NodeClipboard.copy(pipeline, selection);
        if (copied.isEmpty() && !selection.isEmpty()) {
            refuse("Nodes of an unknown kind or with unreadable settings cannot be copied");
            return;
        }
        if (!copied.isEmpty()) {
            clipboard = copied;
        }
    }

    public boolean canPaste() {
        return !clipboard.isEmpty();
    }

    /** Pastes copies with new ids below the copied nodes (further down while that place is taken); selects them. */
    public List<String> paste() {
        if (clipboard.isEmpty() || refuseWhileLocked()) {
            return List.of();
        }
        double[] offset = pasteOffset();
        PasteCommand paste = new PasteCommand(pipeline, clipboard, offset[0], offset[1]);
        if (!execute(paste)) {
            return List.of();
        }
        List<String> ids = paste.pastedIds();
        selection.clear();
        selection.addAll(ids);
        return ids;
    }

    private double[] pasteOffset() {
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (NodeClipboard.CopiedNode n : clipboard.nodes()) {
            minY = Math.min(minY, n.y());
            maxY = Math.max(maxY, n.y() + NodeGeometry.height(pipeline.registry().find(n.kindId()).orElseThrow().descriptor()));
        }
        double step = maxY - minY + PASTE_GAP;
        for (double dy = step; ; dy += step) {
            if (!covers(PASTE_GAP / 2, dy)) {
                return new double[] {PASTE_GAP / 2, dy};
            }
        }
    }

    private boolean covers(double dx, double dy) {
        for (NodeClipboard.CopiedNode n : clipboard.nodes()) {
            double h = NodeGeometry.height(pipeline.registry().find(n.kindId()).orElseThrow().descriptor());
            double x = n.x() + dx;
            double y = n.y() + dy;
            for (NodeItem other : nodes) {
                if (other.intersects(x, y, x + NodeGeometry.WIDTH, y + h)) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- undo and redo -----------------------------------------------------------------------

    public boolean undo() {
        if (!history.canUndoProperty().get() || refuseWhileLocked()) {
            return false;
        }
        EditCommand command = history.popDone();
        try {
            command.revert();
        } catch (WiringException e) {
            throw new IllegalStateException("Undo of '" + command.description() + "' failed: " + e.getMessage(), e);
        }
        changed();
        return true;
    }

    public boolean redo() {
        if (!history.canRedoProperty().get() || refuseWhileLocked()) {
            return false;
        }
        EditCommand command = history.popUndone();
        try {
            command.apply();
        } catch (WiringException e) {
            throw new IllegalStateException("Redo of '" + command.description() + "' failed: " + e.getMessage(), e);
        }
        changed();
        return true;
    }

    private boolean execute(EditCommand command) {
        if (refuseWhileLocked()) {
            return false;
        }
        try {
            command.apply();
        } catch (WiringException e) {
            refuse(e.getMessage());
            return false;
        }
        history.pushDone(command);
        lastRefusal.set(null);
        changed();
        return true;
    }

    private boolean refuseWhileLocked() {
        if (locked.get()) {
            refuse(RUNNING_REFUSAL);
            return true;
        }
        return false;
    }

    /** Sets the reason anew even when it repeats, so the view shows it again. */
    private void refuse(String reason) {
        lastRefusal.set(null);
        lastRefusal.set(reason);
    }

    private void changed() {
        sync();
        revision.set(revision.get() + 1);
        refreshStates();
        updateDirty();
    }

    /** Brings the items and wires in line with the pipeline, keeping the item of a node that stays. */
    private void sync() {
        Set<String> present = new LinkedHashSet<>();
        List<NodeItem> added = new ArrayList<>();
        for (Node n : pipeline.nodes()) {
            present.add(n.id());
            NodeItem item = items.get(n.id());
            if (item == null) {
                item = new NodeItem(n);
                items.put(n.id(), item);
                added.add(item);
            } else {
                item.follow(n);
            }
        }
        items.keySet().retainAll(present);
        nodes.removeIf(i -> !present.contains(i.id()));
        nodes.addAll(added);
        selection.retainAll(present);
        List<Connection> now = pipeline.connections();
        if (!now.equals(wires)) {
            wires.removeIf(w -> !now.contains(w));
            now.stream().filter(w -> !wires.contains(w)).forEach(wires::add);
        }
    }

    /**
     * Puts badges on the nodes between runs: from the state source when one is set (the run
     * integration passes the runner's {@code states}), otherwise from validation (ready or not
     * configured, with the problem as the message).
     */
    public void refreshStates() {
        if (stateSource != null) {
            Map<String, NodeState> states = stateSource.apply(pipeline);
            nodes.forEach(i -> i.stateProperty().set(states.getOrDefault(i.id(), NodeState.NOT_CONFIGURED)));
            return;
        }
        ValidationReport report = PipelineValidator.validate(pipeline);
        for (NodeItem item : nodes) {
            item.stateProperty().set(report.isValid(item.id()) ? NodeState.READY : NodeState.NOT_CONFIGURED);
            item.messageProperty().set(report.summary(item.id()).orElse(null));
        }
    }

    /** Where badges come from between runs (null: from validation alone). */
    public void setStateSource(Function<Pipeline, Map<String, NodeState>> source) {
        this.stateSource = source;
        refreshStates();
    }

    private Map<String, MoveNodesCommand.Place> places(Collection<String> ids) {
        Map<String, MoveNodesCommand.Place> places = new LinkedHashMap<>();
        for (String id : ids) {
            pipeline.findNode(id).ifPresent(n -> places.put(id, new MoveNodesCommand.Place(n.x(), n.y())));
        }
        return places;
    }

    // ---- selection ---------------------------------------------------------------------------

    public void select(String id) {
        selection.clear();
        if (id != null && items.containsKey(id)) {
            selection.add(id);
        }
    }

    public void toggleSelection(String id) {
        if (!selection.remove(id) && items.containsKey(id)) {
            selection.add(id);
        }
    }

    public void selectAll() {
        selection.addAll(items.keySet());
    }

    public void clearSelection() {
        selection.clear();
    }

    /** Selects the nodes a rectangle (in canvas coordinates, any corner order) touches; adds to the selection when asked. */
    public void selectInRectangle(double x0, double y0, double x1, double y1, boolean add) {
        if (!add) {
            selection.clear();
        }
        double minX = Math.min(x0, x1);
        double maxX = Math.max(x0, x1);
        double minY = Math.min(y0, y1);
        double maxY = Math.max(y0, y1);
        nodes.stream().filter(i -> i.intersects(minX, minY, maxX, maxY)).forEach(i -> selection.add(i.id()));
    }

    // ---- running and saving ------------------------------------------------------------------

    /** While running, every edit (undo and redo included) is refused with {@link #RUNNING_REFUSAL}. */
    public void setRunning(boolean running) {
        if (running && dragStart != null) {
            dragStart = null;
            sync();
        }
        locked.set(running);
    }

    /** Saves under the pipeline's name, off the JavaFX thread; the undo history stays. */
    public boolean save() {
        return saveAs(name.get());
    }

    /** Saves under a name (a new pipeline takes it); the copy written is taken now, so edits made meanwhile are not half saved. */
    public boolean saveAs(String saveName) {
        if (repository == null) {
            refuse("This pipeline is not part of a project and cannot be saved");
            return false;
        }
        if (saveName == null || saveName.isBlank()) {
            refuse("Give the pipeline a name before saving it");
            return false;
        }
        if (saving.get()) {
            return false;
        }
        Pipeline snapshot = pipeline.copy();
        EditCommand marker = history.top();
        saving.set(true);
        executor.execute(() -> {
            repository.save(saveName, snapshot);
            return saveName;
        }, saved -> {
            saving.set(false);
            pipeline.setName(saved);
            name.set(saved);
            savedAt = marker;
            neverSaved = false;
            updateDirty();
            status.set("Saved pipeline '" + saved + "'");
            onSaved.run();
        }, error -> {
            saving.set(false);
            status.set("Could not save pipeline '" + saveName + "': " + error.getMessage());
        });
        return true;
    }

    /** Runs after each successful save (the shell refreshes its explorer). */
    public void setOnSaved(Runnable onSaved) {
        this.onSaved = onSaved == null ? () -> { } : onSaved;
    }

    private void updateDirty() {
        dirty.set(neverSaved || history.top() != savedAt);
    }

    // ---- read access -------------------------------------------------------------------------

    public Pipeline pipeline() {
        return pipeline;
    }

    /** The node kinds the palette offers, by stage then name. */
    public List<NodeKind<?>> kinds() {
        return pipeline.registry().all();
    }

    public ObservableList<NodeItem> nodes() {
        return readOnlyNodes;
    }

    public Optional<NodeItem> item(String id) {
        return Optional.ofNullable(items.get(id));
    }

    public ObservableList<Connection> wires() {
        return readOnlyWires;
    }

    public ObservableSet<String> selection() {
        return readOnlySelection;
    }

    /** The one selected node's id, or null when none or several are selected. */
    public ReadOnlyObjectProperty<String> selectedNodeProperty() {
        return selectedNode.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return history.canUndoProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return history.canRedoProperty();
    }

    /** "Undo Move 3 nodes", or "Undo" when there is nothing to undo. */
    public ReadOnlyStringProperty undoTextProperty() {
        return history.undoTextProperty();
    }

    public ReadOnlyStringProperty redoTextProperty() {
        return history.redoTextProperty();
    }

    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    /** Whether the pipeline differs from what was last saved (undoing back to the save makes it clean again). */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** Why the last edit was refused (set anew on each refusal; cleared by the next edit that succeeds). */
    public ReadOnlyStringProperty lastRefusalProperty() {
        return lastRefusal.getReadOnlyProperty();
    }

    /** The outcome of the last save. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    /** Counts changes of the pipeline (edits, undos, redos): the run integration re-reads states on it. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }
}
