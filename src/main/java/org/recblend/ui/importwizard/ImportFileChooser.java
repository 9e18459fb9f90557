package org.recblend.ui.importwizard;

import java.nio.file.Path;
import java.util.List;

/**
 * Asks the user for the files to import (one, or several of the same format for one source); the
 * shell answers through its DialogService, tests without a screen.
 */
@FunctionalInterface
public interface ImportFileChooser {
    /** The chosen files, empty when the user cancelled. */
    List<Path> chooseFilesToImport();
}
