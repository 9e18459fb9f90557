package org.recblend.pipeline;

/** The badge of a node in the editor, reported through {@link RunListener}. */
public enum NodeState {
    /** A setting or an input is missing or wrong: it cannot run. */
    NOT_CONFIGURED,
    /** It can run and has no outputs yet. */
    READY,
    /** It has outputs from earlier settings or data, which a change made out of date. */
    STALE,
    /** Waiting in a run for its turn. */
    QUEUED,
    /** Executing now. */
    RUNNING,
    /** Its outputs match its current settings and inputs. */
    DONE,
    /** The last attempt failed. */
    FAILED
}
