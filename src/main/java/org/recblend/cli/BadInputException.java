package org.recblend.cli;

/** Input data that a command refused; exits with {@link ExitCodes#BAD_INPUT}. */
public class BadInputException extends Exception {
    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
