package org.recblend.ingest.preset;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.recblend.domain.ColumnRole;
import org.recblend.domain.SourceKind;
import org.recblend.ingest.ColumnMapping;
import org.recblend.ingest.ImportException;
import org.recblend.ingest.ImportJob;
import org.recblend.ingest.ImportSpec;
import org.recblend.ingest.ValueLookup;
import org.recblend.ingest.read.FileFormat;
import org.recblend.ingest.read.RecBoleTypes;

/**
 * RecBole atomic files: TAB-separated with typed headers ({@code user_id:token}). Reads
 * {@code *.inter} (interactions; in sequence files such as UniSRec's
 * {@code user_id, item_id_list, item_id} the target item is the interaction), {@code *.text},
 * {@code *.item}, {@code *.user} and {@code *.net}. When ids are indices and {@code X.item2index}
 * / {@code X.user2index} exist, the indices are mapped back to the original ids, so interactions
 * and texts meet on the same items.
 */
final class RecBoleAtomic implements Preset {
    private static final Map<String, SourceKind> KINDS = Map.of("inter", SourceKind.BEHAVIOUR, "item", SourceKind.ITEM_CONTENT,
            "text", SourceKind.ITEM_CONTENT, "user", SourceKind.USER_PROFILE, "net", SourceKind.SOCIAL);
    private static final List<String> ORDER = List.of("inter", "item", "text", "user", "net");
    private static final int SAMPLE = 200;

    @Override
    public String id() {
        return "recbole-atomic";
    }

    @Override
    public String description() {
        return "RecBole atomic files with typed headers: *.inter, *.text, *.item, *.user and *.net, mapping indices back"
                + " to ids through *.item2index and *.user2index when present";
    }

    @Override
    public List<ImportJob> parts(Path folder, String dataset) throws ImportException {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> KINDS.containsKey(extension(p)) && Files.isRegularFile(p))
                    .sorted(Comparator.comparing((Path p) -> ORDER.indexOf(extension(p))).thenComparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new ImportException("The folder " + folder + " cannot be listed: " + e.getMessage(), folder);
        }
        if (files.isEmpty()) {
            throw new ImportException("The folder " + folder + " has no RecBole atomic files (*.inter, *.text, *.item, *.user, *.net)", folder);
        }
        List<ImportJob> jobs = new ArrayList<>();
        for (Path file : files) {
            jobs.add(job(file, dataset));
        }
        return jobs;
    }

    private ImportJob job(Path file, String dataset) throws ImportException {
        String ext = extension(file);
        SourceKind kind = KINDS.get(ext);
        List<String> header = rawHeader(file);
        if (!RecBoleTypes.isTypedHeader(header)) {
            throw new ImportException(file.getFileName() + ", line 1: not a RecBole atomic header (every field must be"
                    + " name:type with type token, token_seq, float or float_seq): " + String.join(" ", header), file, 1, 0, null, null);
        }
        String prefix = file.getFileName().toString().split("\\.", 2)[0];
        Path itemIndex = file.resolveSibling(prefix + ".item2index");
        Path userIndex = file.resolveSibling(prefix + ".user2index");
        List<ColumnMapping> columns = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = RecBoleTypes.stripType(header.get(i).strip());
            String type = RecBoleTypes.typeOf(header.get(i).strip());
            ColumnRole role = role(kind, name, type);
            ColumnMapping m = ColumnMapping.named(name, role);
            if (role == ColumnRole.ITEM_CATEGORY) {
                m = m.withFormat(" ");
            }
            if ((role == ColumnRole.USER_ATTRIBUTE || role == ColumnRole.ITEM_ATTRIBUTE) && type.startsWith("token")) {
                m = m.withFormat(ColumnMapping.TEXT);
            }
            Path index = role == ColumnRole.ITEM_ID ? itemIndex
                    : role == ColumnRole.USER_ID || role == ColumnRole.SOCIAL_SOURCE || role == ColumnRole.SOCIAL_TARGET ? userIndex : null;
            if (index != null && Files.isRegularFile(index) && valuesAreIndices(file, i, index)) {
                m = m.withLookup(ValueLookup.byIndex(index.getFileName().toString(), FileFormat.tsv(false), 1, 0));
            }
            columns.add(m);
        }
        FileFormat format = FileFormat.tsv(true).withTypedHeader(true);
        return new ImportJob(ImportSpec.of(dataset, file.getFileName().toString(), kind, format, columns), file);
    }

    private static ColumnRole role(SourceKind kind, String name, String type) {
        String n = name.toLowerCase(Locale.ROOT);
        boolean seq = type.endsWith("_seq");
        return switch (kind) {
            case BEHAVIOUR -> switch (n) {
                case "user_id" -> ColumnRole.USER_ID;
                case "item_id" -> ColumnRole.ITEM_ID;
                case "rating", "label", "weight", "count" -> ColumnRole.RATING;
                case "timestamp" -> ColumnRole.TIMESTAMP;
                default -> seq || n.endsWith("_list") ? ColumnRole.IGNORE : ColumnRole.CONTEXT;
            };
            case ITEM_CONTENT -> n.equals("item_id") ? ColumnRole.ITEM_ID
                    : seq && (n.contains("class") || n.contains("genre") || n.contains("categor") || n.contains("tag"))
                    ? ColumnRole.ITEM_CATEGORY
                    : seq ? ColumnRole.ITEM_TEXT : ColumnRole.ITEM_ATTRIBUTE;
            case USER_PROFILE -> n.equals("user_id") ? ColumnRole.USER_ID : seq ? ColumnRole.IGNORE : ColumnRole.USER_ATTRIBUTE;
            case SOCIAL -> n.startsWith("source") ? ColumnRole.SOCIAL_SOURCE
                    : n.startsWith("target") ? ColumnRole.SOCIAL_TARGET
                    : type.startsWith("float") ? ColumnRole.SOCIAL_WEIGHT : ColumnRole.IGNORE;
            default -> ColumnRole.IGNORE;
        };
    }

    /** Whether the first values of a column are all indices listed in an index file (id TAB index). */
    private static boolean valuesAreIndices(Path file, int column, Path indexFile) throws ImportException {
        Set<String> indices = new HashSet<>();
        try (BufferedReader r = Files.newBufferedReader(indexFile, StandardCharsets.ISO_8859_1)) {
            String line;
            while ((line = r.readLine()) != null) {
                int tab = line.lastIndexOf('\t');
                if (tab >= 0) {
                    indices.add(line.substring(tab + 1).strip());
                }
            }
        } catch (IOException e) {
            throw new ImportException(indexFile.getFileName() + " cannot be read: " + e.getMessage(), indexFile);
        }
        List<String> sample = sample(file, column);
        return !sample.isEmpty() && indices.containsAll(sample);
    }

    private static List<String> sample(Path file, int column) throws ImportException {
        List<String> values = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            r.readLine();
            String line;
            while (values.size() < SAMPLE && (line = r.readLine()) != null) {
                String[] parts = line.split("\t", -1);
                if (column < parts.length) {
                    values.add(parts[column].strip());
                }
            }
        } catch (IOException e) {
            throw new ImportException(file.getFileName() + " cannot be read: " + e.getMessage(), file);
        }
        return values;
    }

    private static List<String> rawHeader(Path file) throws ImportException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String first = r.readLine();
            if (first == null) {
                throw new ImportException(file.getFileName() + " is empty", file);
            }
            if (first.startsWith("\u00EF\u00BB\u00BF")) {
                first = first.substring(3);
            }
            return List.of(first.split("\t", -1));
        } catch (IOException e) {
            throw new ImportException(file.getFileName() + " cannot be read: " + e.getMessage(), file);
        }
    }

    private static String extension(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
