package org.recblend.pipeline;

/**
 * Receives per-node events of a run, on the thread that runs it (a GUI hands them to its own
 * thread). Default methods do nothing, so a listener implements what it needs.
 */
public interface RunListener {
    RunListener NONE = new RunListener() { };

    /** A node changed state; {@code message} explains failures and is otherwise short or empty. */
    default void nodeState(String nodeId, NodeState state, String message) {
    }

    /** Progress inside an executing node: a fraction in [0, 1] (negative when unknown). */
    default void nodeProgress(String nodeId, double fraction, String message) {
    }

    /** A point of a live series of an executing node (see {@link ExecutionContext#metric}). */
    default void nodeMetric(String nodeId, String series, int step, double value) {
    }

    /** A log line of the run; {@code nodeId} is null for lines about the run as a whole. */
    default void nodeLog(String nodeId, String line) {
    }
}
