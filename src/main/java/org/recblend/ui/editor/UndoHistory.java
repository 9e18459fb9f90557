package org.recblend.ui.editor;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The editor's one undo/redo stack; a new edit clears what could be redone. */
final class UndoHistory {
    private final Deque<EditCommand> done = new ArrayDeque<>();
    private final Deque<EditCommand> undone = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper(this, "undoText", "Undo");
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper(this, "redoText", "Redo");

    void pushDone(EditCommand command) {
        done.push(command);
        undone.clear();
        update();
    }

    EditCommand popDone() {
        EditCommand command = done.pop();
        undone.push(command);
        update();
        return command;
    }

    EditCommand popUndone() {
        EditCommand command = undone.pop();
        done.push(command);
        update();
        return command;
    }

    /** The last edit in effect, or null: the dirty flag compares it with the one in effect when saved. */
    EditCommand top() {
        return done.peek();
    }

    private void update() {
        canUndo.set(!done.isEmpty());
        canRedo.set(!undone.isEmpty());
        undoText.set(done.isEmpty() ? "Undo" : "Undo " + done.peek().description());
        redoText.set(undone.isEmpty() ? "Redo" : "Redo " + undone.peek().description());
    }

    ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    ReadOnlyStringProperty redoTextProperty() {
        return redoText.getReadOnlyProperty();
    }
}
