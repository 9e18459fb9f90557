package org.recblend.pipeline;

/** A wire or node the graph refuses; the message says why, in the user's terms. */
public class WiringException extends Exception {
    public WiringException(String message) {
        super(message);
    }
}
