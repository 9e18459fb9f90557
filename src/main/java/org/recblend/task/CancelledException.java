package org.recblend.task;

/** Thrown from inside long work when the user cancelled it; callers undo what the work started. */
public final class CancelledException extends RuntimeException {
    public CancelledException() {
        super("Cancelled by the user");
    }
}
