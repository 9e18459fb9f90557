package org.recblend.store;

/** A project could not be created, opened or written; the message is meant for the user. */
public class ProjectException extends Exception {
    /** Why a project could not be opened, so the GUI and the command line can react differently. */
    public enum Reason { NOT_FOUND, ALREADY_EXISTS, NOT_A_PROJECT, LOCKED, TOO_NEW, IO }

    private final Reason reason;

    public ProjectException(Reason reason, String message) {
        this(reason, message, null);
    }

    public ProjectException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
