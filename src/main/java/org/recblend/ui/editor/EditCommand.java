package org.recblend.ui.editor;

import org.recblend.pipeline.WiringException;

/** One undoable edit of the pipeline. {@code apply} may run again after {@code revert} (redo). */
interface EditCommand {
    /** What the edit did, for the menu: "Move 3 nodes". */
    String description();

    void apply() throws WiringException;

    void revert() throws WiringException;
}
