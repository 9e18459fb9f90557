package org.recblend.engine.bundle;

/** A model bundle cannot be written or read; the message names the file and what is wrong. */
public class BundleException extends Exception {
    public BundleException(String message) {
        super(message);
    }

    public BundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
