package org.recblend.ingest.infer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.recblend.domain.ColumnRole;
import org.recblend.domain.SourceKind;
import org.recblend.ingest.ColumnMapping;
import org.recblend.ingest.ImportSpec;
import org.recblend.ingest.read.FileFormat;
import org.recblend.ingest.read.Preview;
import org.recblend.ingest.read.Readers;
import org.recblend.ingest.read.TextFileException;

/**
 * A first draft of an import spec for a file: sniffed format, inferred types, suggested roles and
 * kind. The wizard shows it for the user to correct; the command line can print it as a mapping file.
 */
public final class SpecSuggester {

    /**
     * A draft spec with what it was based on.
     *
     * @param spec     the draft
     * @param sniff    the format guess
     * @param profiles the column profiles with their suggested roles
     * @param preview  the first rows as parsed
     */
    public record Suggestion(ImportSpec spec, SniffResult sniff, List<ColumnProfile> profiles, Preview preview) {
    }

    private SpecSuggester() {
    }

    public static Suggestion suggest(Path file, String dataset, String sourceName) throws IOException, TextFileException {
        SniffResult sniff = FormatSniffer.sniff(file);
        return suggest(file, sniff.format(), dataset, sourceName, sniff);
    }

    /** A draft for a format the user has already chosen. */
    public static Suggestion suggest(Path file, FileFormat format, String dataset, String sourceName)
            throws IOException, TextFileException {
        return suggest(file, format, dataset, sourceName, null);
    }

    private static Suggestion suggest(Path file, FileFormat format, String dataset, String sourceName, SniffResult sniff)
            throws IOException, TextFileException {
        Preview preview = Readers.preview(file, format, TypeInference.SAMPLE_ROWS);
        List<ColumnProfile> profiles = TypeInference.profile(preview);
        List<ColumnRole> roles = profiles.stream().map(ColumnProfile::suggestedRole).toList();
        SourceKind kind = RoleSuggester.kindOf(roles);
        if (roles.contains(ColumnRole.USER_ATTRIBUTE) && !roles.contains(ColumnRole.ITEM_ID)) {
            kind = SourceKind.USER_PROFILE;
        }
        List<ColumnMapping> columns = new ArrayList<>();
        for (ColumnProfile p : profiles) {
            if (p.suggestedRole() == ColumnRole.IGNORE) {
                continue;
            }
            ColumnMapping m = p.name() != null && !p.name().isBlank()
                    ? ColumnMapping.named(p.name(), p.suggestedRole()) : ColumnMapping.at(p.index(), p.suggestedRole());
            m = switch (p.suggestedRole()) {
                case TIMESTAMP -> m.withFormat(p.type() == ValueType.EPOCH_MILLIS ? ColumnMapping.EPOCH_MILLIS
                        : p.type() == ValueType.DATE ? p.format() : null);
                case ITEM_CATEGORY -> m.withFormat(p.format());
                default -> m;
            };
            columns.add(m);
        }
        String name = sourceName != null ? sourceName : file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        ImportSpec spec = ImportSpec.of(dataset, name, kind, format, columns);
        return new Suggestion(spec, sniff, profiles, preview);
    }
}
