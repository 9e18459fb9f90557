package org.recblend.cli;

import org.recblend.store.ProjectException;
import org.recblend.task.CancelledException;

/** The exit codes of {@code recblend}, documented in {@code --help} and docs/cli.md. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The command failed while running (an unexpected error, a file that cannot be written). */
    public static final int FAILED = 1;
    /** The command line was wrong: unknown option, missing or invalid value. */
    public static final int USAGE = 2;
    /** The project cannot be opened: not found, not a project, locked, or written by a newer version. */
    public static final int PROJECT = 3;
    /** The input data was refused (an import rejected rows and was told to abort). */
    public static final int BAD_INPUT = 4;
    /** The user cancelled (Ctrl-C); whatever the command had started was rolled back. */
    public static final int CANCELLED = 130;

    private ExitCodes() {
    }

    /** The exit code for an exception a command threw. */
    static int of(Throwable e) {
        if (e instanceof ProjectException) {
            return PROJECT;
        }
        if (e instanceof CancelledException) {
            return CANCELLED;
        }
        if (e instanceof BadInputException) {
            return BAD_INPUT;
        }
        return FAILED;
    }
}
