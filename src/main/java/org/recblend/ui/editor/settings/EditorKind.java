package org.recblend.ui.editor.settings;

/** Which editor a setting gets, decided by the Java type of its record component. */
public enum EditorKind {
    /** int, long, Integer, Long: a text field that takes whole numbers only. */
    WHOLE_NUMBER,
    /** double, float and their boxes: a text field that takes numbers only. */
    DECIMAL,
    /** boolean: a check box. */
    FLAG,
    /** String: a text field (a password-like field for secrets). */
    TEXT,
    /** An enum: a drop-down of its constants in words. */
    CHOICE,
    /** A list of an enum: one check box per constant. */
    CHOICES,
    /** A list of strings or numbers: comma-separated text. */
    LIST,
    /** A map from names to strings, numbers or flags: "name = value, name = value". */
    KEY_VALUES,
    /** Anything else (a nested record, other collections): its JSON. */
    JSON
}
