package org.recblend.ingest;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.recblend.ingest.read.FileAccess;
import org.recblend.ingest.read.MalformedRecordException;
import org.recblend.ingest.read.RecordReader;
import org.recblend.ingest.read.Readers;
import org.recblend.ingest.read.TextFileException;
import org.recblend.task.TaskMonitor;

/** One file imported on a connection whose transaction the caller owns. */
final class ImportRun {
    /** Rows between progress reports. */
    static final int PROGRESS_EVERY = 10_000;

    private final Connection connection;
    private final FileAccess files;
    private final ImportSpec spec;
    private final Path file;
    private final String fileName;
    private final TaskMonitor monitor;

    ImportRun(Connection connection, FileAccess files, ImportSpec spec, Path file, TaskMonitor monitor) {
        this.connection = connection;
        this.files = files;
        this.spec = spec;
        this.file = file;
        this.fileName = file.getFileName().toString();
        this.monitor = monitor;
    }

    /** The file opened, its header checked, its first record read and the spec bound to it. */
    private record Opened(RecordReader reader, FileAccess.Stamp before, MalformedRecordException firstBad, boolean has,
                          int columnCount, BoundSpec bound) {
    }

    /**
     * Checks the spec against the file without writing anything: every problem that would stop
     * the import before its first row (for the wizard's "check" button).
     */
    static List<String> check(FileAccess files, ImportSpec spec, Path file) {
        List<String> problems = SpecValidator.problems(spec);
        if (!problems.isEmpty()) {
            return problems;
        }
        ImportRun run = new ImportRun(null, files, spec, file, TaskMonitor.none());
        try {
            run.open().reader().close();
            return List.of();
        } catch (ImportException e) {
            return List.of(e.getMessage());
        } catch (TextFileException e) {
            return List.of(e.getMessage());
        } catch (IOException e) {
            return List.of(run.fileName + " cannot be read: " + e.getMessage());
        }
    }

    private Opened open() throws ImportException, IOException, TextFileException {
        List<String> problems = SpecValidator.problems(spec);
        if (!problems.isEmpty()) {
            throw new ImportException("The import of " + fileName + " cannot start: " + String.join("; ", problems), file);
        }
        if (java.nio.file.Files.isDirectory(file)) {
            throw new ImportException(fileName + " is a folder, not a file (" + file.toAbsolutePath() + ")", file);
        }
        FileAccess.Stamp before = stamp("does not exist");
        if (before.size() == 0) {
            throw new ImportException(fileName + " is empty", file);
        }
        RecordReader reader = Readers.open(file, spec.format(), files, monitor);
        try {
            checkHeader(reader.header(), reader.headerLine());
            MalformedRecordException firstBad = null;
            boolean has;
            try {
                has = reader.next();
            } catch (MalformedRecordException e) {
                firstBad = e;
                has = false;
            }
            if (!has && firstBad == null) {
                throw new ImportException(fileName + (reader.header().isEmpty() ? " contains no data rows" : " has a header but no data rows"), file);
            }
            int columnCount = spec.format().isJson() || spec.format().header() ? reader.header().size() : has ? reader.size() : 0;
            BoundSpec bound = BoundSpec.bind(spec, file, reader.header(), columnCount, lookup -> Lookups.load(lookup, file, files, monitor));
            return new Opened(reader, before, firstBad, has, columnCount, bound);
        } catch (ImportException | IOException | TextFileException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    ImportResult execute() throws ImportException, SQLException {
        long started = System.nanoTime();
        monitor.progress(0, "Reading " + fileName);
        Opened opened;
        try {
            opened = open();
        } catch (TextFileException e) {
            throw new ImportException(e.getMessage(), file, e.line(), 0, null, e);
        } catch (NoSuchFileException e) {
            throw new ImportException(fileName + " does not exist (" + file.toAbsolutePath() + ")", file, 0, 0, null, e);
        } catch (IOException e) {
            throw unreadable(e);
        }
        try (RecordReader reader = opened.reader()) {
            int datasetId = SourceRows.datasetId(connection, spec.dataset());
            int sourceId = source(datasetId);
            String specJson = SpecJson.toJson(spec);
            try (IdRegistry users = new IdRegistry(connection, "users", datasetId);
                 IdRegistry items = new IdRegistry(connection, "items", datasetId);
                 RowSink sink = sink(sourceId, opened.bound(), users, items);
                 RejectLog rejects = new RejectLog(connection, file, spec.onError(), sourceId)) {
                Counts counts = readRows(opened, reader, sink, rejects);
                long read = counts.read();
                long accepted = counts.accepted();
                checkUnchanged(opened.before(), counts.lastLine());
                monitor.progress(1, String.format("Storing %s: %,d rows", fileName, read));
                sink.finish(monitor);
                users.flush();
                items.flush();
                rejects.flush();
                SourceRows.record(connection, sourceId, file.toAbsolutePath().toString(), specJson, read, accepted,
                        rejects.count(), sink.duplicates());
                long millis = (System.nanoTime() - started) / 1_000_000;
                return new ImportResult(datasetId, spec.dataset(), sourceId, spec.sourceName(), spec.kind(), file,
                        reader.encoding().name() + " (" + reader.encoding().how() + ")", read, accepted, rejects.count(),
                        sink.duplicates(), sink.stored(), users.created(), items.created(), millis);
            }
        } catch (TextFileException e) {
            throw new ImportException(e.getMessage(), file, e.line(), 0, null, e);
        } catch (NoSuchFileException e) {
            throw new ImportException(fileName + " disappeared while it was read; nothing was imported", file, 0, 0, null, e);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** Rows read and accepted, and the line of the last row. */
    private record Counts(long read, long accepted, long lastLine) {
    }

    /** The row loop: every record to the sink or the reject log, with progress and cancel checks. */
    private Counts readRows(Opened opened, RecordReader reader, RowSink sink, RejectLog rejects)
            throws IOException, TextFileException, ImportException, SQLException {
        boolean delimited = !spec.format().isJson();
        int columnCount = opened.columnCount();
        long size = Math.max(1, opened.before().size());
        long read = 0;
        long accepted = 0;
        long lastLine = 0;
        MalformedRecordException firstBad = opened.firstBad();
        if (firstBad != null) {
            read++;
            rejects.reject(firstBad.line(), 0, null, firstBad.reason(), firstBad.rawText());
        }
        boolean has = opened.has();
        while (has) {
            monitor.checkCancelled();
            read++;
            lastLine = reader.line();
            if (delimited && reader.size() != columnCount) {
                rejects.reject(reader.line(), 0, null, "expected " + columnCount + " columns, found " + reader.size(), reader.rawText());
            } else {
                try {
                    sink.accept(reader);
                    accepted++;
                } catch (RowReject r) {
                    rejects.reject(reader.line(), r, reader.rawText());
                }
            }
            if (read % PROGRESS_EVERY == 0) {
                monitor.progress((double) reader.bytesRead() / size, String.format("Importing %s: %,d rows", fileName, read));
            }
            while (true) {
                try {
                    has = reader.next();
                    break;
                } catch (MalformedRecordException e) {
                    read++;
                    rejects.reject(e.line(), 0, null, e.reason(), e.rawText());
                }
            }
        }
        return new Counts(read, accepted, lastLine);
    }

    private ImportException unreadable(IOException e) {
        return new ImportException(fileName + " could not be read (" + e.getMessage() + "); nothing was imported", file, 0, 0, null, e);
    }

    private FileAccess.Stamp stamp(String missing) throws ImportException {
        try {
            return files.stamp(file);
        } catch (NoSuchFileException e) {
            throw new ImportException(fileName + " " + missing + " (" + file.toAbsolutePath() + ")", file, 0, 0, null, e);
        } catch (IOException e) {
            throw new ImportException(fileName + " cannot be read: " + e.getMessage(), file, 0, 0, null, e);
        }
    }

    private void checkUnchanged(FileAccess.Stamp before, long lastLine) throws ImportException {
        FileAccess.Stamp after = stamp("disappeared while it was read (after line " + lastLine + "); nothing was imported");
        if (!after.equals(before)) {
            throw new ImportException(fileName + " changed while it was read (size " + before.size() + " -> " + after.size()
                    + " bytes); nothing was imported, import it again when it is complete", file);
        }
    }

    private void checkHeader(List<String> header, long headerLine) throws ImportException {
        if (spec.format().isJson()) {
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.isEmpty()) {
                continue;
            }
            Integer first = seen.putIfAbsent(name, i);
            if (first != null) {
                throw new ImportException(fileName + ", line " + headerLine + ": the header names two columns '" + name
                        + "' (columns " + (first + 1) + " and " + (i + 1) + "); rename one of them", file, headerLine, i + 1, name, null);
            }
        }
    }

    private int source(int datasetId) throws ImportException, SQLException {
        SourceRows.Existing existing = SourceRows.find(connection, datasetId, spec.sourceName());
        if (existing == null) {
            return SourceRows.create(connection, datasetId, spec, file.toAbsolutePath().toString(), SpecJson.toJson(spec));
        }
        switch (spec.mode()) {
            case NEW -> throw new ImportException("The dataset '" + spec.dataset() + "' already has a source '" + spec.sourceName()
                    + "'; choose another name, or import with mode APPEND or REPLACE", file);
            case APPEND -> {
                if (existing.kind() != spec.kind()) {
                    throw new ImportException("The source '" + spec.sourceName() + "' holds " + existing.kind()
                            + " rows; " + spec.kind() + " rows cannot be appended to it", file);
                }
            }
            case REPLACE -> {
                SourceRows.clear(connection, existing.id());
                try (var ps = connection.prepareStatement("UPDATE sources SET kind = ? WHERE id = ?")) {
                    ps.setString(1, spec.kind().name());
                    ps.setInt(2, existing.id());
                    ps.executeUpdate();
                }
            }
        }
        return existing.id();
    }

    private RowSink sink(int sourceId, BoundSpec bound, IdRegistry users, IdRegistry items) throws SQLException {
        return switch (spec.kind()) {
            case BEHAVIOUR -> new BehaviourSink(connection, sourceId, spec, bound, users, items, spec.mode() == ImportMode.APPEND, monitor);
            case ITEM_CONTENT -> new AttributeSink(connection, sourceId, bound, items, true);
            case USER_PROFILE -> new AttributeSink(connection, sourceId, bound, users, false);
            case SOCIAL -> new SocialSink(connection, sourceId, spec, bound, users);
            case USER_ITEM_TEXT -> new UserItemTextSink(connection, sourceId, spec, bound, users, items);
        };
    }
}
