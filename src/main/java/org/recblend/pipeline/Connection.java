package org.recblend.pipeline;

import java.util.Objects;

/** A wire from an output port of one node to an input port of another, by node id and port name. */
public record Connection(String fromNode, String fromPort, String toNode, String toPort) {
    public Connection {
        Objects.requireNonNull(fromNode, "fromNode");
        Objects.requireNonNull(fromPort, "fromPort");
        Objects.requireNonNull(toNode, "toNode");
        Objects.requireNonNull(toPort, "toPort");
    }

    @Override
    public String toString() {
        return fromNode + "." + fromPort + " -> " + toNode + "." + toPort;
    }
}
