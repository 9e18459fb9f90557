package org.recblend.pipeline;

import java.util.Objects;

/**
 * A port of a node kind: its name (unique among the node's inputs, or among its outputs), its type
 * and, for an input, whether it may stay unconnected (the node then receives {@code null}).
 */
public record PortSpec(String name, PortType type, boolean optional) {
    public PortSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** A port that must be connected (inputs) or is always produced (outputs). */
    public static PortSpec of(String name, PortType type) {
        return new PortSpec(name, type, false);
    }

    /** An input that may stay unconnected. */
    public static PortSpec optional(String name, PortType type) {
        return new PortSpec(name, type, true);
    }
}
