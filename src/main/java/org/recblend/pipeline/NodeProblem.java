package org.recblend.pipeline;

/** Why a node cannot run yet, in words for the user. */
public record NodeProblem(String nodeId, Kind kind, String message) {
    /** The sort of problem, so the editor can badge it and offer a fix. */
    public enum Kind {
        /** A required setting has no value yet. */
        NOT_CONFIGURED,
        /** A required input port has no wire. */
        MISSING_INPUT,
        /** A wire brings data of a type the input does not take. */
        WRONG_TYPE,
        /** A setting is out of range or cannot be read. */
        INVALID_SETTING,
        /** The node's kind is not known to this workbench. */
        UNKNOWN_KIND,
        /** A node it depends on has a problem. */
        UPSTREAM,
        /** The node sits on a cycle of wires. */
        CYCLE
    }

    @Override
    public String toString() {
        return nodeId + ": " + message;
    }
}
