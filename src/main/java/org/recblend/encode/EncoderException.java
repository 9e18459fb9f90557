package org.recblend.encode;

/** An encoder could not load its model or encode a batch; the message says why and what to do. */
public class EncoderException extends Exception {
    private static final long serialVersionUID = 1L;

    public EncoderException(String message) {
        super(message);
    }

    public EncoderException(String message, Throwable cause) {
        super(message, cause);
    }
}
