package org.recblend.pipeline;

/**
 * Settings or inputs a node cannot work with. The message is shown to the user beside the node,
 * so it names the setting and what would be right ("Test share must be between 0 and 1, not 1.5").
 */
public class InvalidSettingsException extends Exception {
    private final boolean notConfigured;

    public InvalidSettingsException(String message) {
        this(message, false);
    }

    private InvalidSettingsException(String message, boolean notConfigured) {
        super(message);
        this.notConfigured = notConfigured;
    }

    /** A required setting has no value yet: the node is not configured rather than wrong. */
    public static InvalidSettingsException notConfigured(String message) {
        return new InvalidSettingsException(message, true);
    }

    public boolean isNotConfigured() {
        return notConfigured;
    }
}
