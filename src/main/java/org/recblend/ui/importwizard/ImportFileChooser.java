package org.recblend.ui.importwizard;

import java.nio.file.Path;
import java.util.Optional;

/** Asks the user for a file to import; the shell answers through its DialogService, tests without a screen. */
@FunctionalInterface
public interface ImportFileChooser {
    Optional<Path> chooseFileToImport();
}
