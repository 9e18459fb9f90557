package org.recblend.ingest.read;

import java.nio.file.Path;

/** A file that cannot be read as text records at all; the message names the file (and line). */
public class TextFileException extends Exception {
    /** What is wrong, so callers can react (and tests can check) without parsing messages. */
    public enum Problem { EMPTY, BINARY, UNKNOWN_ENCODING, BAD_ENCODING, SYNTAX, IO }

    private final Problem problem;
    private final Path file;
    private final long line;

    public TextFileException(Problem problem, Path file, long line, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
        this.file = file;
        this.line = line;
    }

    public TextFileException(Problem problem, Path file, String message) {
        this(problem, file, 0, message, null);
    }

    public Problem problem() {
        return problem;
    }

    public Path file() {
        return file;
    }

    /** The line where the problem was found, or 0 when it concerns the whole file. */
    public long line() {
        return line;
    }
}
