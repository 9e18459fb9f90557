package org.recblend.ui.editor;

import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.recblend.pipeline.Node;
import org.recblend.pipeline.NodeDescriptor;
import org.recblend.pipeline.NodeSettings;
import org.recblend.pipeline.NodeState;
import org.recblend.pipeline.PortSpec;
import org.recblend.pipeline.Stage;

/**
 * One node as the canvas shows it. Its place and settings follow the pipeline (the view model
 * keeps them in step after every edit, undo and redo); its run state, progress and message are
 * set by whoever runs the pipeline.
 */
public final class NodeItem {
    private final String id;
    private final NodeDescriptor descriptor;
    private final boolean unknownKind;
    private final ReadOnlyDoubleWrapper x = new ReadOnlyDoubleWrapper(this, "x");
    private final ReadOnlyDoubleWrapper y = new ReadOnlyDoubleWrapper(this, "y");
    private final ReadOnlyObjectWrapper<NodeSettings> settings = new ReadOnlyObjectWrapper<>(this, "settings");
    private final ObjectProperty<NodeState> state = new SimpleObjectProperty<>(this, "state", NodeState.READY);
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", -1);
    private final StringProperty message = new SimpleStringProperty(this, "message");

    NodeItem(Node node) {
        this.id = node.id();
        this.descriptor = node.descriptor();
        this.unknownKind = node.isUnknownKind();
        follow(node);
    }

    /** Takes the node's place and settings. */
    void follow(Node node) {
        x.set(node.x());
        y.set(node.y());
        settings.set(node.settings().orElse(null));
    }

    /** Shows the node at a place while it is dragged; the pipeline changes when the drag ends. */
    void showAt(double newX, double newY) {
        x.set(newX);
        y.set(newY);
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return descriptor.name();
    }

    public String kindId() {
        return descriptor.id();
    }

    public Stage stage() {
        return descriptor.stage();
    }

    public String help() {
        return descriptor.help();
    }

    public NodeDescriptor descriptor() {
        return descriptor;
    }

    /** Whether the workbench lacks this node's kind (a placeholder that keeps its settings). */
    public boolean isUnknownKind() {
        return unknownKind;
    }

    public List<PortSpec> inputs() {
        return descriptor.inputs();
    }

    public List<PortSpec> outputs() {
        return descriptor.outputs();
    }

    public double width() {
        return NodeGeometry.WIDTH;
    }

    public double height() {
        return NodeGeometry.height(descriptor);
    }

    public ReadOnlyDoubleProperty xProperty() {
        return x.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty yProperty() {
        return y.getReadOnlyProperty();
    }

    public double x() {
        return x.get();
    }

    public double y() {
        return y.get();
    }

    /** The current settings, or null for an unknown kind or unreadable saved settings. */
    public ReadOnlyObjectProperty<NodeSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public ObjectProperty<NodeState> stateProperty() {
        return state;
    }

    /** 0 to 1 while running; negative when unknown. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    /** What the badge explains: a validation problem, the error of a failed run, a progress note. */
    public StringProperty messageProperty() {
        return message;
    }

    boolean intersects(double minX, double minY, double maxX, double maxY) {
        return x() < maxX && x() + width() > minX && y() < maxY && y() + height() > minY;
    }

    @Override
    public String toString() {
        return id + " (" + kindId() + ")";
    }
}
