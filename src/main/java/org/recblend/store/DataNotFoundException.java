package org.recblend.store;

/** A dataset or source the user named is not in the project; the message lists what is. */
public class DataNotFoundException extends Exception {
    public DataNotFoundException(String message) {
        super(message);
    }
}
