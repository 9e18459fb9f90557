package org.recblend.pipeline;

import java.io.Serializable;
import java.util.Objects;

/**
 * What flows through a port: an id that names the meaning (Interactions, Split, …) and the Java
 * class of the data. Later issues define their own types as constants next to their nodes; the
 * core only compares ids, so it needs no edit for a new type.
 */
public record PortType(String id, String displayName, Class<?> dataClass) implements Serializable {
    /** The type of a port of an unknown node kind: accepts and feeds anything, so its wires survive. */
    public static final PortType UNKNOWN = new PortType("unknown", "Unknown", Object.class);

    public PortType {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(dataClass, "dataClass");
    }

    /** Whether data of this type may flow into an input of the given type. */
    public boolean canFeed(PortType input) {
        return id.equals(input.id) || id.equals(UNKNOWN.id) || input.id.equals(UNKNOWN.id);
    }

    @Override
    public String toString() {
        return displayName;
    }
}
