package org.recblend.store;

/** An unexpected failure while reading or writing an open project (wraps {@link java.sql.SQLException}). */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
