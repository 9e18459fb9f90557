package org.recblend.ui.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Every dialog the shell shows goes through here, so tests can answer them without a screen. */
public interface DialogService {
    Optional<Path> chooseProjectToOpen();

    Optional<Path> chooseNewProjectLocation();

    /** Where to save a copy of the project named {@code currentName}. */
    Optional<Path> chooseSaveAsLocation(String currentName);

    /** Asks a yes/no question; true when the user chose {@code yes}. */
    boolean confirm(String title, String message, String yes, String no);

    /** Data files to import (CSV, TSV, JSON, …): one, or several of the same format; empty when cancelled. */
    List<Path> chooseFilesToImport();

    /** Asks for a line of text (a name); empty when cancelled. */
    Optional<String> askText(String title, String message, String initial);

    void showError(String title, String message);

    void showInformation(String title, String message);
}
