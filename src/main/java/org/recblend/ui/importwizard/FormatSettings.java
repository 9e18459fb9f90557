package org.recblend.ui.importwizard;

import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.recblend.ingest.read.FileFormat;
import org.recblend.ingest.read.FormatType;

/**
 * The format page's choices as properties the controls bind to, turned into an ingest
 * {@link FileFormat}. The delimiter is kept as the user reads it ({@code TAB}, {@code SPACE}, {@code ;}).
 */
public final class FormatSettings {
    /** The encoding choice meaning "let the importer detect it". */
    public static final String DETECT = "Detect";
    public static final List<String> DELIMITERS = List.of("TAB", ",", ";", "|", "::", "SPACE");
    public static final List<String> ENCODINGS = List.of(DETECT, "UTF-8", "ISO-8859-1", "windows-1252", "UTF-16", "X-UTF-8-LATIN-1");

    private final ObjectProperty<FormatType> type = new SimpleObjectProperty<>(FormatType.DELIMITED);
    private final StringProperty delimiter = new SimpleStringProperty(",");
    private final StringProperty encoding = new SimpleStringProperty(DETECT);
    private final BooleanProperty header = new SimpleBooleanProperty(true);
    private final BooleanProperty quoted = new SimpleBooleanProperty(true);
    private final IntegerProperty skipLines = new SimpleIntegerProperty(0);
    private boolean typedHeader;

    Observable[] observables() {
        return new Observable[] {type, delimiter, encoding, header, quoted, skipLines};
    }

    /** The format the controls describe; a blank delimiter falls back to a comma. */
    FileFormat toFormat() {
        String enc = encoding.get() == null || DETECT.equals(encoding.get()) ? null : encoding.get();
        if (type.get() != FormatType.DELIMITED) {
            return new FileFormat(type.get(), null, null, false, enc, 0, false);
        }
        String d = delimiter.get() == null || delimiter.get().isEmpty() ? "," : delimiter.get();
        return new FileFormat(FormatType.DELIMITED, d, quoted.get() ? null : "", header.get() || typedHeader, enc,
                Math.max(0, skipLines.get()), typedHeader);
    }

    /** Shows a format (sniffed, from a preset or a stored source) in the controls. */
    void show(FileFormat format) {
        type.set(format.type());
        if (!format.isJson()) {
            delimiter.set(displayName(format.delimiter()));
            quoted.set(format.quoteChar() != null);
            header.set(format.header());
            skipLines.set(format.skipLines());
        }
        typedHeader = format.typedHeader();
        encoding.set(format.encoding() == null ? DETECT : format.encoding());
    }

    static String displayName(String delimiter) {
        return switch (delimiter) {
            case "\t" -> "TAB";
            case " " -> "SPACE";
            default -> delimiter;
        };
    }

    public ObjectProperty<FormatType> typeProperty() {
        return type;
    }

    public StringProperty delimiterProperty() {
        return delimiter;
    }

    public StringProperty encodingProperty() {
        return encoding;
    }

    public BooleanProperty headerProperty() {
        return header;
    }

    public BooleanProperty quotedProperty() {
        return quoted;
    }

    public IntegerProperty skipLinesProperty() {
        return skipLines;
    }
}
