package org.recblend.ui.importwizard;

import java.nio.file.Path;
import org.recblend.ingest.ImportException;
import org.recblend.ingest.read.TextFileException;

/**
 * Why an import could not be done, with the place in the file when there is one.
 *
 * @param file       the file concerned, or null
 * @param line       the 1-based line, 0 when none
 * @param column     the 1-based column, 0 when none
 * @param columnName the column's name, or null
 * @param message    the importer's sentence for the user
 */
public record ErrorDetail(Path file, long line, int column, String columnName, String message) {

    static ErrorDetail of(Throwable failure, Path fallbackFile) {
        if (failure instanceof ImportException e) {
            return new ErrorDetail(e.file() == null ? fallbackFile : e.file(), e.line(), e.column(), e.columnName(), e.getMessage());
        }
        if (failure instanceof TextFileException e) {
            return new ErrorDetail(fallbackFile, e.line(), 0, null, e.getMessage());
        }
        return new ErrorDetail(fallbackFile, 0, 0, null, ImportWizardViewModel.messageOf(failure));
    }

    /** "File …, line …, column … (name)" as far as known. */
    public String place() {
        StringBuilder s = new StringBuilder(file == null ? "" : "File " + file.getFileName());
        if (line > 0) {
            s.append(s.length() == 0 ? "Line " : ", line ").append(line);
        }
        if (column > 0) {
            s.append(s.length() == 0 ? "Column " : ", column ").append(column);
            if (columnName != null) {
                s.append(" (").append(columnName).append(')');
            }
        }
        return s.toString();
    }

    /** The place on one line, the message below. */
    public String describe() {
        String place = place();
        return place.isEmpty() ? message : place + "\n" + message;
    }
}
