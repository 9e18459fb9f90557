package org.recblend.ui.shell;

import java.nio.file.Path;
import java.util.Optional;

/** Every dialog the shell shows goes through here, so tests can answer them without a screen. */
public interface DialogService {
    Optional<Path> chooseProjectToOpen();

    Optional<Path> chooseNewProjectLocation();

    /** A data file to import (CSV, TSV, JSON, …). */
    Optional<Path> chooseFileToImport();

    void showError(String title, String message);

    void showInformation(String title, String message);
}
