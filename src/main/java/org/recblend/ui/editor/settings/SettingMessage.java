package org.recblend.ui.editor.settings;

import java.util.Objects;

/**
 * A message the sheet shows: an error (the edit is refused, or the settings cannot work) or a hint
 * (something is still to be chosen or connected, like "Enter a base URL").
 */
public record SettingMessage(Severity severity, String text) {
    public enum Severity { HINT, ERROR }

    public SettingMessage {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(text, "text");
    }

    public static SettingMessage error(String text) {
        return new SettingMessage(Severity.ERROR, text);
    }

    public static SettingMessage hint(String text) {
        return new SettingMessage(Severity.HINT, text);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
