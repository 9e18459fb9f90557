package org.recblend.ui.editor;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.CacheHint;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Affine;
import javafx.util.Duration;
import org.recblend.pipeline.Connection;

/**
 * The pipeline canvas: the palette on the left, the graph in the middle (pan, zoom, select, move,
 * wire), an inspector on the right and a toolbar above. It only talks to
 * {@link PipelineEditorViewModel}; every change of the pipeline goes through it.
 *
 * <p>Drawing stays cheap with many nodes: pan and zoom change one transform of the whole graph,
 * nodes are cached bitmaps (coarse while the view moves, sharp once it rests), and wires are
 * curves bound to the places of their nodes, so moving a node redraws only its own wires.
 */
public final class PipelineCanvasView {
    public static final double MIN_ZOOM = 0.2;
    public static final double MAX_ZOOM = 3.0;
    static final double ZOOM_STEP = 1.2;
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination PASTE = new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REDO = new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REDO_SHIFT_Z = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    private static final KeyCombination SELECT_ALL = new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    static final String WRONG_DIRECTION = "A wire runs from an output port (right side of a node) to an input port (left side)";

    private enum Gesture { NONE, PAN, BAND, MOVE, WIRE }

    private final PipelineEditorViewModel vm;
    private final StackPane root = new StackPane();
    private final BorderPane frame = new BorderPane();
    private final Pane viewport = new Pane();
    private final Group world = new Group();
    private final Group wireLayer = new Group();
    private final Group nodeLayer = new Group();
    private final CubicCurve pendingWire = new CubicCurve();
    private final Rectangle band = new Rectangle();
    private final Label message = new Label();
    private final Label ghost = new Label();
    private final Label emptyHint = new Label("Drag node kinds here from the palette, or double-click one");
    private final Pane overlay = new Pane(ghost);
    private final Affine transform = new Affine();
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);
    private final SimpleBooleanProperty nothingSelected = new SimpleBooleanProperty(true);
    private final Map<String, NodeView> nodeViews = new HashMap<>();
    private final Map<Connection, WireView> wireViews = new HashMap<>();
    private final Palette palette;
    private final NodeInfoPane info = new NodeInfoPane();
    private final StackPane inspectorSlot = new StackPane();
    private final ToolBar toolBar = new ToolBar();
    private final PauseTransition messageTimer = new PauseTransition(Duration.seconds(7));
    private final PauseTransition resting = new PauseTransition(Duration.millis(250));
    private Function<String, Node> inspectorFactory;
    private boolean fixedInspector;
    private double panX;
    private double panY;
    private boolean spaceDown;
    private boolean coarse;
    private boolean fittedOnce;
    private Gesture gesture = Gesture.NONE;
    private double pressX;
    private double pressY;
    private double panStartX;
    private double panStartY;
    private boolean additiveBand;
    private PortView wireStart;
    private Connection selectedWire;
    private String paletteKind;
    private boolean paletteDragging;

    public PipelineCanvasView(PipelineEditorViewModel viewModel) {
        this.vm = viewModel;
        this.palette = new Palette(viewModel.kinds(), this::wirePaletteEntry);
        buildViewport();
        inspectorSlot.setId("inspector");
        inspectorSlot.getChildren().setAll(info.root());
        inspectorSlot.setMinWidth(200);
        inspectorSlot.setPrefWidth(250);
        StackPane canvasStack = new StackPane(viewport, emptyHint, message);
        canvasStack.setPickOnBounds(false);
        StackPane.setAlignment(message, javafx.geometry.Pos.TOP_CENTER);
        StackPane.setMargin(message, new Insets(10, 12, 0, 12));
        SplitPane split = new SplitPane(palette.root(), canvasStack, inspectorSlot);
        split.setDividerPositions(0.2, 0.74);
        SplitPane.setResizableWithParent(palette.root(), false);
        SplitPane.setResizableWithParent(inspectorSlot, false);
        frame.setTop(toolBar());
        frame.setCenter(split);
        frame.setBottom(statusLine());
        overlay.setMouseTransparent(true);
        overlay.setPickOnBounds(false);
        ghost.getStyleClass().add("palette-ghost");
        ghost.setVisible(false);
        ghost.setManaged(false);
        root.getChildren().addAll(frame, overlay);
        root.setId("pipelineEditor");
        root.getStyleClass().add("pipeline-editor");
        root.getStylesheets().add(PipelineCanvasView.class.getResource("/org/recblend/ui/editor/editor.css").toExternalForm());
        root.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (SAVE.match(e)) {
                vm.save();
                e.consume();
            }
        });
        bind();
    }

    public Node root() {
        return root;
    }

    public PipelineEditorViewModel viewModel() {
        return vm;
    }

    /** The one selected node's id, or null. */
    public ReadOnlyObjectProperty<String> selectedNodeProperty() {
        return vm.selectedNodeProperty();
    }

    /** Adds controls (the run buttons) to the tool bar, after the zoom buttons. */
    public void addTools(Node... tools) {
        int spring = toolBar.getItems().size() - 2;
        toolBar.getItems().add(spring, new Separator(Orientation.VERTICAL));
        toolBar.getItems().addAll(spring + 1, java.util.List.of(tools));
    }

    /** Puts a fixed node in the right-hand slot (the integrator's property sheet and previews). */
    public void setInspector(Node inspector) {
        fixedInspector = inspector != null;
        inspectorFactory = null;
        inspectorSlot.getChildren().setAll(inspector != null ? inspector : info.root());
        showInspector();
    }

    /** Fills the right-hand slot anew for each selection (called with the selected id, or null). */
    public void setInspectorFactory(Function<String, Node> factory) {
        fixedInspector = false;
        inspectorFactory = factory;
        showInspector();
    }

    // ---- building ----------------------------------------------------------------------------

    private void buildViewport() {
        viewport.setId("canvas");
        viewport.getStyleClass().add("canvas");
        viewport.setFocusTraversable(true);
        viewport.setMinSize(200, 200);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(viewport.widthProperty());
        clip.heightProperty().bind(viewport.heightProperty());
        viewport.setClip(clip);
        world.getTransforms().add(transform);
        pendingWire.getStyleClass().add("pending-wire");
        pendingWire.setFill(null);
        pendingWire.setMouseTransparent(true);
        pendingWire.setVisible(false);
        world.getChildren().addAll(wireLayer, nodeLayer, pendingWire);
        band.getStyleClass().add("selection-band");
        band.setVisible(false);
        band.setMouseTransparent(true);
        band.setManaged(false);
        message.setId("canvasMessage");
        message.getStyleClass().add("canvas-message");
        message.setWrapText(true);
        message.setMaxWidth(560);
        message.setMaxHeight(Region.USE_PREF_SIZE);
        message.setVisible(false);
        message.setOnMouseClicked(e -> message.setVisible(false));
        messageTimer.setOnFinished(e -> message.setVisible(false));
        resting.setOnFinished(e -> setCoarse(false));
        emptyHint.setId("emptyHint");
        emptyHint.getStyleClass().add("empty-hint");
        emptyHint.setMouseTransparent(true);
        emptyHint.visibleProperty().bind(Bindings.isEmpty(vm.nodes()));
        viewport.getChildren().addAll(world, band);

        viewport.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressCanvas);
        viewport.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragCanvas);
        viewport.addEventHandler(MouseEvent.MOUSE_RELEASED, this::releaseCanvas);
        viewport.setOnScroll(e -> {
            if (e.isShortcutDown()) {
                zoomAt(Math.pow(1.0025, e.getDeltaY()), e.getX(), e.getY());
            } else {
                panBy(e.getDeltaX(), e.getDeltaY());
            }
            e.consume();
        });
        viewport.setOnZoom(e -> zoomAt(e.getZoomFactor(), e.getX(), e.getY()));
        viewport.setOnKeyPressed(this::keyPressed);
        viewport.setOnKeyReleased(e -> {
            if (e.getCode() == KeyCode.SPACE) {
                spaceDown = false;
                viewport.setCursor(Cursor.DEFAULT);
            }
        });
        viewport.widthProperty().addListener((obs, old, w) -> fitFirstTime());
        viewport.heightProperty().addListener((obs, old, h) -> fitFirstTime());
    }

    private ToolBar toolBar() {
        Button zoomIn = button("zoomInButton", "+", "Zoom in (Ctrl+wheel)", () -> zoomAt(ZOOM_STEP, viewport.getWidth() / 2, viewport.getHeight() / 2));
        Button zoomOut = button("zoomOutButton", "−", "Zoom out (Ctrl+wheel)", () -> zoomAt(1 / ZOOM_STEP, viewport.getWidth() / 2, viewport.getHeight() / 2));
        Button fit = button("fitButton", "Fit", "Show the whole pipeline", this::fit);
        Button layout = button("autoLayoutButton", "Layout", "Arrange the nodes left to right by their wires", vm::autoLayout);
        Button undo = button("undoButton", "Undo", "Undo (Ctrl+Z)", vm::undo);
        undo.disableProperty().bind(vm.canUndoProperty().not());
        undo.getTooltip().textProperty().bind(vm.undoTextProperty().concat(" (Ctrl+Z)"));
        Button redo = button("redoButton", "Redo", "Redo (Ctrl+Y)", vm::redo);
        redo.disableProperty().bind(vm.canRedoProperty().not());
        redo.getTooltip().textProperty().bind(vm.redoTextProperty().concat(" (Ctrl+Y)"));
        Button delete = button("deleteButton", "Delete", "Delete the selected nodes or wire (Delete)", this::deleteSelected);
        delete.disableProperty().bind(nothingSelected);
        Button save = button("saveButton", "Save", "Save the pipeline in the project (Ctrl+S)", vm::save);
        save.disableProperty().bind(vm.dirtyProperty().not().or(vm.savingProperty()));
        Label zoomLabel = new Label();
        zoomLabel.setId("zoomLabel");
        zoomLabel.setMinWidth(48);
        zoomLabel.textProperty().bind(Bindings.createStringBinding(() -> Math.round(zoom.get() * 100) + " %", zoom));
        Label running = new Label("Running: editing is paused");
        running.setId("lockedLabel");
        running.getStyleClass().add("locked-label");
        running.visibleProperty().bind(vm.lockedProperty());
        running.managedProperty().bind(running.visibleProperty());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        toolBar.getItems().setAll(save, new Separator(Orientation.VERTICAL), undo, redo, delete,
                new Separator(Orientation.VERTICAL), layout, new Separator(Orientation.VERTICAL), zoomOut, zoomLabel, zoomIn, fit,
                spring, running);
        toolBar.setId("editorToolBar");
        return toolBar;
    }

    private Node statusLine() {
        Label status = new Label();
        status.setId("editorStatus");
        status.textProperty().bind(Bindings.createStringBinding(() -> {
            String text = vm.nodes().size() + (vm.nodes().size() == 1 ? " node · " : " nodes · ") + vm.wires().size()
                    + (vm.wires().size() == 1 ? " wire" : " wires") + (vm.dirtyProperty().get() ? " · unsaved changes" : " · saved");
            String last = vm.statusProperty().get();
            return last == null || last.isEmpty() ? text : text + " · " + last;
        }, vm.nodes(), vm.wires(), vm.dirtyProperty(), vm.statusProperty()));
        HBox line = new HBox(status);
        line.getStyleClass().add("editor-status");
        line.setPadding(new Insets(3, 8, 3, 8));
        return line;
    }

    private static Button button(String id, String text, String tip, Runnable action) {
        return ToolButton.of(id, text, tip, action);
    }

    private void bind() {
        vm.nodes().forEach(this::addNodeView);
        vm.wires().forEach(this::addWireView);
        vm.nodes().addListener((ListChangeListener<NodeItem>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(i -> nodeLayer.getChildren().remove(nodeViews.remove(i.id())));
                c.getAddedSubList().forEach(this::addNodeView);
            }
        });
        vm.wires().addListener((ListChangeListener<Connection>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(w -> {
                    wireLayer.getChildren().remove(wireViews.remove(w));
                    if (w.equals(selectedWire)) {
                        selectWire(null);
                    }
                });
                c.getAddedSubList().forEach(this::addWireView);
            }
        });
        vm.selection().addListener((SetChangeListener<String>) c -> {
            if (c.wasRemoved() && nodeViews.containsKey(c.getElementRemoved())) {
                nodeViews.get(c.getElementRemoved()).setSelected(false);
            }
            if (c.wasAdded() && nodeViews.containsKey(c.getElementAdded())) {
                nodeViews.get(c.getElementAdded()).setSelected(true);
            }
            updateNothingSelected();
        });
        vm.selectedNodeProperty().addListener((obs, old, id) -> showInspector());
        vm.revisionProperty().addListener((obs, old, now) -> {
            message.setVisible(false);  // an edit went through: the last refusal is old news
            if (!fixedInspector && inspectorFactory == null) {
                showInspector();
            }
        });
        vm.lastRefusalProperty().addListener((obs, old, reason) -> {
            if (reason != null) {
                showMessage(reason);
            }
        });
        vm.statusProperty().addListener((obs, old, text) -> {
            if (text != null && text.startsWith("Could not save")) {
                showMessage(text);
            }
        });
    }

    private void addNodeView(NodeItem item) {
        NodeView view = new NodeView(item);
        view.setSelected(vm.selection().contains(item.id()));
        if (coarse) {
            view.setCacheHint(CacheHint.SPEED);
        }
        view.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> pressNode(e, item));
        view.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (gesture == Gesture.MOVE) {
                vm.dragMove((e.getSceneX() - pressX) / zoom.get(), (e.getSceneY() - pressY) / zoom.get());
                e.consume();
            }
        });
        view.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (gesture == Gesture.MOVE) {
                gesture = Gesture.NONE;
                vm.endMove();
                e.consume();
            }
        });
        for (PortView port : view.ports()) {
            port.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> pressPort(e, port));
            port.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> dragPort(e));
            port.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> releasePort(e));
        }
        nodeViews.put(item.id(), view);
        nodeLayer.getChildren().add(view);
    }

    private void addWireView(Connection wire) {
        NodeItem from = vm.item(wire.fromNode()).orElse(null);
        NodeItem to = vm.item(wire.toNode()).orElse(null);
        if (from == null || to == null) {
            return;
        }
        WireView view = new WireView(wire, from, to);
        view.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && !spaceDown) {
                viewport.requestFocus();
                vm.clearSelection();
                selectWire(wire);
                e.consume();
            }
        });
        MenuItem remove = new MenuItem("Remove Wire");
        remove.setOnAction(e -> vm.disconnect(wire));
        ContextMenu menu = new ContextMenu(remove);
        view.setOnContextMenuRequested(e -> {
            menu.show(view, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        wireViews.put(wire, view);
        wireLayer.getChildren().add(view);
    }

    // ---- mouse -------------------------------------------------------------------------------

    private void pressNode(MouseEvent e, NodeItem item) {
        if (e.getButton() != MouseButton.PRIMARY || spaceDown) {
            return;
        }
        e.consume();
        viewport.requestFocus();
        selectWire(null);
        if (e.isShortcutDown() || e.isShiftDown()) {
            vm.toggleSelection(item.id());
            gesture = Gesture.NONE;
            return;
        }
        pressX = e.getSceneX();
        pressY = e.getSceneY();
        gesture = vm.beginMove(item.id()) ? Gesture.MOVE : Gesture.NONE;
    }

    private void pressCanvas(MouseEvent e) {
        viewport.requestFocus();
        pressX = e.getX();
        pressY = e.getY();
        if (e.getButton() == MouseButton.MIDDLE || e.getButton() == MouseButton.SECONDARY
                || (e.getButton() == MouseButton.PRIMARY && spaceDown)) {
            gesture = Gesture.PAN;
            panStartX = panX;
            panStartY = panY;
            viewport.setCursor(Cursor.CLOSED_HAND);
        } else if (e.getButton() == MouseButton.PRIMARY) {
            gesture = Gesture.BAND;
            additiveBand = e.isShiftDown() || e.isShortcutDown();
            if (!additiveBand) {
                vm.clearSelection();
            }
            selectWire(null);
            band.setX(pressX);
            band.setY(pressY);
            band.setWidth(0);
            band.setHeight(0);
        }
    }

    private void dragCanvas(MouseEvent e) {
        if (gesture == Gesture.PAN) {
            setPan(panStartX + e.getX() - pressX, panStartY + e.getY() - pressY);
        } else if (gesture == Gesture.BAND) {
            band.setVisible(true);
            band.setX(Math.min(pressX, e.getX()));
            band.setY(Math.min(pressY, e.getY()));
            band.setWidth(Math.abs(e.getX() - pressX));
            band.setHeight(Math.abs(e.getY() - pressY));
        }
    }

    private void releaseCanvas(MouseEvent e) {
        if (gesture == Gesture.PAN) {
            viewport.setCursor(spaceDown ? Cursor.OPEN_HAND : Cursor.DEFAULT);
        } else if (gesture == Gesture.BAND && band.isVisible()) {
            Point2D a = toWorld(pressX, pressY);
            Point2D b = toWorld(e.getX(), e.getY());
            vm.selectInRectangle(a.getX(), a.getY(), b.getX(), b.getY(), additiveBand);
            band.setVisible(false);
        }
        gesture = Gesture.NONE;
    }

    private void pressPort(MouseEvent e, PortView port) {
        if (e.getButton() != MouseButton.PRIMARY || spaceDown) {
            return;
        }
        e.consume();
        viewport.requestFocus();
        gesture = Gesture.WIRE;
        wireStart = port;
        Point2D start = portCentre(port);
        pendingWire.setStroke(port.getFill());
        pendingWire.setStartX(start.getX());
        pendingWire.setStartY(start.getY());
        movePendingEnd(start);
        pendingWire.setVisible(true);
    }

    private void dragPort(MouseEvent e) {
        if (gesture != Gesture.WIRE) {
            return;
        }
        e.consume();
        movePendingEnd(world.sceneToLocal(e.getSceneX(), e.getSceneY()));
        PortView target = portAt(e.getSceneX(), e.getSceneY());
        pendingWire.getStyleClass().removeAll("fits", "refused");
        if (target != null && target != wireStart) {
            pendingWire.getStyleClass().add(whyNot(wireStart, target) == null ? "fits" : "refused");
        }
    }

    private void releasePort(MouseEvent e) {
        if (gesture != Gesture.WIRE) {
            return;
        }
        e.consume();
        gesture = Gesture.NONE;
        pendingWire.setVisible(false);
        pendingWire.getStyleClass().removeAll("fits", "refused");
        PortView target = portAt(e.getSceneX(), e.getSceneY());
        PortView start = wireStart;
        wireStart = null;
        if (target == null || target == start) {
            return;
        }
        if (start.isOutput() == target.isOutput()) {
            showMessage(WRONG_DIRECTION);
            return;
        }
        PortView out = start.isOutput() ? start : target;
        PortView in = start.isOutput() ? target : start;
        vm.connect(out.node().id(), out.spec().name(), in.node().id(), in.spec().name());
    }

    private String whyNot(PortView a, PortView b) {
        if (a.isOutput() == b.isOutput()) {
            return WRONG_DIRECTION;
        }
        PortView out = a.isOutput() ? a : b;
        PortView in = a.isOutput() ? b : a;
        return vm.whyNotConnect(out.node().id(), out.spec().name(), in.node().id(), in.spec().name()).orElse(null);
    }

    private void movePendingEnd(Point2D end) {
        double bend = Math.max(40, Math.abs(end.getX() - pendingWire.getStartX()) / 2) * (wireStart.isOutput() ? 1 : -1);
        pendingWire.setEndX(end.getX());
        pendingWire.setEndY(end.getY());
        pendingWire.setControlX1(pendingWire.getStartX() + bend);
        pendingWire.setControlY1(pendingWire.getStartY());
        pendingWire.setControlX2(end.getX() - bend);
        pendingWire.setControlY2(end.getY());
    }

    private Point2D portCentre(PortView port) {
        NodeItem n = port.node();
        return new Point2D(n.x() + port.getCenterX(), n.y() + port.getCenterY());
    }

    /** The port under a scene point, with some slack so a user need not hit the dot exactly. */
    PortView portAt(double sceneX, double sceneY) {
        Point2D p = world.sceneToLocal(sceneX, sceneY);
        double slack = Math.max(NodeGeometry.PORT_RADIUS + 4, 10 / zoom.get());
        PortView best = null;
        double bestDistance = slack;
        for (NodeView view : nodeViews.values()) {
            NodeItem n = view.item();
            if (p.getX() < n.x() - slack || p.getX() > n.x() + n.width() + slack
                    || p.getY() < n.y() - slack || p.getY() > n.y() + n.height() + slack) {
                continue;
            }
            for (PortView port : view.ports()) {
                double d = portCentre(port).distance(p);
                if (d <= bestDistance) {
                    bestDistance = d;
                    best = port;
                }
            }
        }
        return best;
    }

    // ---- palette -----------------------------------------------------------------------------

    private void wirePaletteEntry(Label entry) {
        String kindId = (String) entry.getUserData();
        entry.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                addAtCentre(kindId);
            }
        });
        entry.setOnMousePressed(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                paletteKind = kindId;
                paletteDragging = false;
                pressX = e.getSceneX();
                pressY = e.getSceneY();
            }
        });
        entry.setOnMouseDragged(e -> {
            if (paletteKind == null) {
                return;
            }
            if (!paletteDragging && Math.hypot(e.getSceneX() - pressX, e.getSceneY() - pressY) > 4) {
                paletteDragging = true;
                ghost.setText(entry.getText());
                ghost.autosize();
                ghost.setVisible(true);
            }
            if (paletteDragging) {
                Point2D p = overlay.sceneToLocal(e.getSceneX(), e.getSceneY());
                ghost.autosize();
                ghost.relocate(p.getX() - ghost.getWidth() / 2, p.getY() - ghost.getHeight() / 2);
            }
        });
        entry.setOnMouseReleased(e -> {
            String kind = paletteKind;
            boolean dropped = paletteDragging;
            paletteKind = null;
            paletteDragging = false;
            ghost.setVisible(false);
            if (kind == null || !dropped) {
                return;
            }
            Point2D local = viewport.sceneToLocal(e.getSceneX(), e.getSceneY());
            if (local.getX() >= 0 && local.getY() >= 0 && local.getX() <= viewport.getWidth() && local.getY() <= viewport.getHeight()) {
                Point2D w = toWorld(local.getX(), local.getY());
                vm.addNode(kind, w.getX() - NodeGeometry.WIDTH / 2, w.getY() - NodeGeometry.HEADER / 2);
                viewport.requestFocus();
            }
        });
    }

    /** Adds a node in the middle of what the canvas shows, stepping aside from a node already there. */
    private void addAtCentre(String kindId) {
        Point2D c = toWorld(viewport.getWidth() / 2, viewport.getHeight() / 2);
        double x = c.getX() - NodeGeometry.WIDTH / 2;
        double y = c.getY() - 40;
        for (int i = 0; i < 50 && occupied(x, y); i++) {
            x += 30;
            y += 30;
        }
        vm.addNode(kindId, x, y);
        viewport.requestFocus();
    }

    private boolean occupied(double x, double y) {
        return vm.nodes().stream().anyMatch(n -> Math.abs(n.x() - x) < 20 && Math.abs(n.y() - y) < 20);
    }

    // ---- keys and selection ------------------------------------------------------------------

    private void keyPressed(KeyEvent e) {
        if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
            deleteSelected();
        } else if (COPY.match(e)) {
            vm.copySelection();
        } else if (PASTE.match(e)) {
            vm.paste();
        } else if (REDO.match(e) || REDO_SHIFT_Z.match(e)) {
            vm.redo();
        } else if (UNDO.match(e)) {
            vm.undo();
        } else if (SELECT_ALL.match(e)) {
            selectWire(null);
            vm.selectAll();
        } else if (e.getCode() == KeyCode.SPACE) {
            spaceDown = true;
            if (gesture == Gesture.NONE) {
                viewport.setCursor(Cursor.OPEN_HAND);
            }
        } else if (e.getCode() == KeyCode.ESCAPE) {
            selectWire(null);
            vm.clearSelection();
        } else {
            return;
        }
        e.consume();
    }

    private void deleteSelected() {
        if (selectedWire != null) {
            Connection wire = selectedWire;
            if (vm.disconnect(wire)) {
                selectWire(null);
            }
        } else {
            vm.deleteSelection();
        }
    }

    private void selectWire(Connection wire) {
        if (selectedWire != null && wireViews.containsKey(selectedWire)) {
            wireViews.get(selectedWire).setSelected(false);
        }
        selectedWire = wire;
        if (wire != null && wireViews.containsKey(wire)) {
            wireViews.get(wire).setSelected(true);
        }
        updateNothingSelected();
    }

    private void updateNothingSelected() {
        nothingSelected.set(vm.selection().isEmpty() && selectedWire == null);
    }

    private void showInspector() {
        if (fixedInspector) {
            return;
        }
        String id = vm.selectedNodeProperty().get();
        if (inspectorFactory != null) {
            Node content = inspectorFactory.apply(id);
            inspectorSlot.getChildren().setAll(content != null ? content : info.root());
            return;
        }
        info.show(id == null ? null : vm.item(id).orElse(null));
        inspectorSlot.getChildren().setAll(info.root());
    }

    private void showMessage(String text) {
        message.setText(text);
        message.setVisible(true);
        messageTimer.playFromStart();
    }

    // ---- pan and zoom ------------------------------------------------------------------------

    /** Multiplies the zoom by a factor, keeping the canvas point under (x, y) of the viewport in place. */
    public void zoomAt(double factor, double x, double y) {
        double old = zoom.get();
        double now = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, old * factor));
        if (now == old) {
            return;
        }
        zoom.set(now);
        setPan(x - (x - panX) * now / old, y - (y - panY) * now / old);
    }

    public void panBy(double dx, double dy) {
        setPan(panX + dx, panY + dy);
    }

    private void setPan(double x, double y) {
        panX = x;
        panY = y;
        transform.setToTransform(zoom.get(), 0, panX, 0, zoom.get(), panY);
        setCoarse(true);
        resting.playFromStart();
    }

    /** While the view moves, nodes are drawn from their cached bitmaps as they are; sharp again at rest. */
    private void setCoarse(boolean now) {
        if (coarse == now) {
            return;
        }
        coarse = now;
        CacheHint hint = now ? CacheHint.SPEED : CacheHint.QUALITY;
        nodeViews.values().forEach(v -> v.setCacheHint(hint));
    }

    /** Zooms and pans so that every node is visible (at most 150 %). */
    public void fit() {
        if (vm.nodes().isEmpty() || viewport.getWidth() <= 0) {
            zoom.set(1);
            setPan(0, 0);
            return;
        }
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (NodeItem n : vm.nodes()) {
            minX = Math.min(minX, n.x());
            minY = Math.min(minY, n.y());
            maxX = Math.max(maxX, n.x() + n.width());
            maxY = Math.max(maxY, n.y() + n.height());
        }
        double margin = 30;
        double z = Math.min((viewport.getWidth() - 2 * margin) / (maxX - minX), (viewport.getHeight() - 2 * margin) / (maxY - minY));
        z = Math.max(MIN_ZOOM, Math.min(1.5, z));
        zoom.set(z);
        setPan((viewport.getWidth() - (maxX - minX) * z) / 2 - minX * z, (viewport.getHeight() - (maxY - minY) * z) / 2 - minY * z);
    }

    private void fitFirstTime() {
        if (!fittedOnce && viewport.getWidth() > 0 && viewport.getHeight() > 0) {
            fittedOnce = true;
            if (!vm.nodes().isEmpty()) {
                fit();
            }
        }
    }

    public ReadOnlyDoubleProperty zoomProperty() {
        return zoom;
    }

    /** A point of the viewport in canvas (pipeline) coordinates. */
    Point2D toWorld(double x, double y) {
        return new Point2D((x - panX) / zoom.get(), (y - panY) / zoom.get());
    }

    double panX() {
        return panX;
    }

    double panY() {
        return panY;
    }

    Pane viewport() {
        return viewport;
    }

    Map<String, NodeView> nodeViews() {
        return nodeViews;
    }

    Label message() {
        return message;
    }
}
