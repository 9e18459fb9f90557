package org.recblend.ui.export;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Where an export goes: asked through the platform's file dialogs, replaced by fixed paths in tests. */
public interface ExportFiles {
    /** A folder for a report (HTML, its images and the PDF). */
    Optional<Path> chooseFolder(String title);

    /** A file to write, suggested under {@code suggestedName}, of one extension (e.g. "csv"). */
    Optional<Path> chooseFile(String title, String suggestedName, String description, String extension);

    /** The platform dialogs, owned by {@code owner}. */
    static ExportFiles dialogs(Window owner) {
        return new ExportFiles() {
            @Override
            public Optional<Path> chooseFolder(String title) {
                DirectoryChooser c = new DirectoryChooser();
                c.setTitle(title);
                File f = c.showDialog(owner);
                return Optional.ofNullable(f).map(File::toPath);
            }

            @Override
            public Optional<Path> chooseFile(String title, String suggestedName, String description, String extension) {
                FileChooser c = new FileChooser();
                c.setTitle(title);
                c.setInitialFileName(suggestedName);
                c.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, "*." + extension));
                File f = c.showSaveDialog(owner);
                if (f == null) {
                    return Optional.empty();
                }
                Path p = f.toPath();
                // some platforms return the name as typed, without the filter's extension
                return Optional.of(p.getFileName().toString().contains(".") ? p : p.resolveSibling(p.getFileName() + "." + extension));
            }
        };
    }
}
