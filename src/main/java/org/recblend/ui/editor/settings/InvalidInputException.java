package org.recblend.ui.editor.settings;

/** Text in an editor that is not a value of the setting's type; the message completes "Epochs …". */
final class InvalidInputException extends Exception {
    InvalidInputException(String message) {
        super(message);
    }
}
