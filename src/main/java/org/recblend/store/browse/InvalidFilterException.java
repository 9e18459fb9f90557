package org.recblend.store.browse;

/** A filter the user typed cannot be applied; the message says why, in the user's terms. */
public class InvalidFilterException extends IllegalArgumentException {
    public InvalidFilterException(String message) {
        super(message);
    }
}
