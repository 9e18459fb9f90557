package org.recblend.pipeline;

/**
 * The settings of one node: an immutable record, written to JSON by Jackson. Validation has no
 * side effects, so the editor can call it on every keystroke.
 */
public interface NodeSettings {
    /** Throws when a value is missing or out of range; the default accepts everything. */
    default void validate() throws InvalidSettingsException {
    }
}
