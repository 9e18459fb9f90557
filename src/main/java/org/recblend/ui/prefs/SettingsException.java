package org.recblend.ui.prefs;

/** The settings file cannot be read or written; the message is meant for the user and holds no secret. */
public final class SettingsException extends RuntimeException {
    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
