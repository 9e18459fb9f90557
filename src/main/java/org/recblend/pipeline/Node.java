package org.recblend.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * A node in a pipeline: an id, its kind, its settings and its place on the canvas. Changed only
 * through {@link Pipeline}, which keeps the graph consistent.
 *
 * <p>The settings JSON is always kept: for an unknown kind, or settings that cannot be read, it is
 * what was loaded, so saving the pipeline loses nothing.
 */
public final class Node {
    private final String id;
    private final NodeKind<?> kind;
    private NodeSettings settings;
    private ObjectNode settingsJson;
    private int settingsVersion;
    private String settingsError;
    private double x;
    private double y;

    Node(String id, NodeKind<?> kind, NodeSettings settings) {
        this.id = id;
        this.kind = kind;
        applySettings(settings);
    }

    /** A node whose settings could not be read (or whose kind is unknown): keeps the JSON as it was. */
    Node(String id, NodeKind<?> kind, ObjectNode rawJson, int settingsVersion, String settingsError) {
        this.id = id;
        this.kind = kind;
        this.settingsJson = rawJson.deepCopy();
        this.settingsVersion = settingsVersion;
        this.settingsError = settingsError;
    }

    void applySettings(NodeSettings newSettings) {
        this.settings = newSettings;
        this.settingsJson = SettingsCodec.toJson(newSettings);
        this.settingsVersion = kind.settingsVersion();
        this.settingsError = null;
    }

    void moveTo(double newX, double newY) {
        this.x = newX;
        this.y = newY;
    }

    public String id() {
        return id;
    }

    public NodeKind<?> kind() {
        return kind;
    }

    public String kindId() {
        return kind.descriptor().id();
    }

    public NodeDescriptor descriptor() {
        return kind.descriptor();
    }

    /** Whether this workbench does not know the node's kind. */
    public boolean isUnknownKind() {
        return kind instanceof UnknownNodeKind;
    }

    /** The settings, or empty when the kind is unknown or the saved settings could not be read. */
    public Optional<NodeSettings> settings() {
        return Optional.ofNullable(settings);
    }

    /** The settings as the given record class. */
    public <S extends NodeSettings> S settings(Class<S> cls) {
        if (!cls.isInstance(settings)) {
            throw new IllegalStateException("Node " + id + " has no settings of type " + cls.getSimpleName());
        }
        return cls.cast(settings);
    }

    /** A copy of the settings JSON as it will be saved. */
    public ObjectNode settingsJson() {
        return settingsJson.deepCopy();
    }

    public int settingsVersion() {
        return settingsVersion;
    }

    /** Why the saved settings could not be read, if they could not. */
    public Optional<String> settingsError() {
        return Optional.ofNullable(settingsError);
    }

    public double x() {
        return x;
    }

    public double y() {
        return y;
    }

    @Override
    public String toString() {
        return id + " (" + kindId() + ")";
    }
}
