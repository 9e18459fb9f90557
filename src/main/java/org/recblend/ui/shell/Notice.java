package org.recblend.ui.shell;

/** A message about a finished background job, for the notification bar. */
record Notice(Kind kind, String text) {
    enum Kind { SUCCEEDED, FAILED, CANCELLED }
}
