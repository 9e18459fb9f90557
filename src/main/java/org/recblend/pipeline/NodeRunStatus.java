package org.recblend.pipeline;

/** What happened to one node in one run, as kept in the {@code node_runs} table. */
public enum NodeRunStatus {
    /** Outputs are ready: executed now or taken from the cache. */
    DONE,
    /** It threw, or could not start (invalid settings, missing input, unknown kind). */
    FAILED,
    /** The user cancelled the run while it executed. */
    CANCELLED,
    /** Not run: a node it depends on failed, or the run was cancelled before it. */
    SKIPPED
}
