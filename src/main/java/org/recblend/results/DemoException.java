package org.recblend.results;

/** Why the demo cannot show a run or answer a question, in words a presenter can act on. */
public final class DemoException extends Exception {
    public DemoException(String message) {
        super(message);
    }

    public DemoException(String message, Throwable cause) {
        super(message, cause);
    }
}
