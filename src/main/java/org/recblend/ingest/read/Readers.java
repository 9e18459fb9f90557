package org.recblend.ingest.read;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.recblend.task.TaskMonitor;

/** Opens record readers for delimited text and JSON, and reads previews for the import wizard. */
public final class Readers {
    /** Bytes the preview looks at to detect the encoding. */
    static final long PREVIEW_DETECT_BYTES = 1 << 20;

    private Readers() {
    }

    /** Opens a file of the local file system; the encoding is validated over the whole file. */
    public static RecordReader open(Path file, FileFormat format) throws IOException, TextFileException {
        return open(file, format, FileAccess.local());
    }

    /** Opens a file through the given byte source. */
    public static RecordReader open(Path file, FileFormat format, FileAccess files) throws IOException, TextFileException {
        return open(file, format, files, TaskMonitor.none());
    }

    /** Opens a file through the given byte source; the whole-file encoding check can be cancelled. */
    public static RecordReader open(Path file, FileFormat format, FileAccess files, TaskMonitor monitor)
            throws IOException, TextFileException {
        DetectedEncoding encoding = EncodingDetector.detect(files, file, format.encoding(), monitor);
        return open(file, format, files, encoding);
    }

    /** Opens a file with an encoding already detected. */
    public static RecordReader open(Path file, FileFormat format, FileAccess files, DetectedEncoding encoding)
            throws IOException, TextFileException {
        InputStream raw = files.open(file);
        try {
            CountingInputStream counter = new CountingInputStream(new BufferedInputStream(raw, 1 << 16));
            counter.skipNBytes(encoding.bomLength());
            CharsetDecoder decoder = encoding.charset().newDecoder();
            CodingErrorAction onError = encoding.charset() == Utf8Latin1Charset.INSTANCE
                    ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT;
            decoder.onMalformedInput(onError).onUnmappableCharacter(onError);
            Reader reader = new InputStreamReader(counter, decoder);
            if (format.isJson()) {
                return new JsonRecordReader(file, format, counter, new BufferedReader(reader, 1 << 16), encoding);
            }
            return new DelimitedRecordReader(file, format, counter, new WindowReader(reader), encoding);
        } catch (IOException | TextFileException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /**
     * The first {@code rows} records of a file, parsed with the given format, for a live preview.
     * Rows that cannot be parsed are included with their problem, so the user sees why.
     */
    public static Preview preview(Path file, FileFormat format, int rows) throws IOException, TextFileException {
        return preview(file, format, rows, FileAccess.local());
    }

    /** A preview through the given byte source. */
    public static Preview preview(Path file, FileFormat format, int rows, FileAccess files) throws IOException, TextFileException {
        DetectedEncoding encoding = EncodingDetector.detect(files, file, format.encoding(), PREVIEW_DETECT_BYTES);
        List<Preview.Row> result = new ArrayList<>();
        try (RecordReader reader = open(file, format, files, encoding)) {
            while (result.size() < rows) {
                try {
                    if (!reader.next()) {
                        break;
                    }
                    List<String> values = new ArrayList<>(reader.size());
                    for (int i = 0; i < reader.size(); i++) {
                        values.add(reader.get(i));
                    }
                    result.add(new Preview.Row(reader.line(), values, null));
                } catch (MalformedRecordException e) {
                    result.add(new Preview.Row(e.line(), List.of(e.rawText()), e.reason()));
                }
            }
            return new Preview(reader.header(), result, encoding, format);
        }
    }
}
