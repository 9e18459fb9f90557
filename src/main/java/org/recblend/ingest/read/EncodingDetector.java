package org.recblend.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import org.recblend.task.TaskMonitor;

/**
 * Finds the encoding of a text file: a byte-order mark, UTF-16 without one (every other byte
 * NUL), strictly valid UTF-8, else Latin-1. UTF-8 with a few Latin-1 lines (a common result of
 * concatenating files) is read with {@link Utf8Latin1Charset}. Refuses binary files.
 */
public final class EncodingDetector {
    /** Bytes looked at for a byte-order mark, NUL patterns and control characters. */
    static final int HEAD_BYTES = 64 * 1024;
    /** The name under which the mixed UTF-8/Latin-1 decoding can be chosen explicitly. */
    public static final String UTF8_LATIN1 = Utf8Latin1Charset.NAME;

    private EncodingDetector() {
    }

    /** Detects the encoding of a whole file, or checks and applies an explicit one. */
    public static DetectedEncoding detect(FileAccess files, Path file, String override) throws IOException, TextFileException {
        return detect(files, file, override, Long.MAX_VALUE, TaskMonitor.none());
    }

    /** Detects the encoding of a whole file, checking for a cancel between blocks (large files take a moment). */
    public static DetectedEncoding detect(FileAccess files, Path file, String override, TaskMonitor monitor)
            throws IOException, TextFileException {
        return detect(files, file, override, Long.MAX_VALUE, monitor);
    }

    /**
     * Detects the encoding from at most {@code maxBytes} bytes (the wizard's preview looks at the
     * start of a file only; the importer validates the whole file).
     */
    public static DetectedEncoding detect(FileAccess files, Path file, String override, long maxBytes)
            throws IOException, TextFileException {
        return detect(files, file, override, maxBytes, TaskMonitor.none());
    }

    private static DetectedEncoding detect(FileAccess files, Path file, String override, long maxBytes, TaskMonitor monitor)
            throws IOException, TextFileException {
        Charset explicit = override == null ? null : forName(override, file);
        try (InputStream in = files.open(file)) {
            byte[] head = in.readNBytes((int) Math.min(HEAD_BYTES, maxBytes));
            if (head.length == 0) {
                throw new TextFileException(TextFileException.Problem.EMPTY, file, file.getFileName() + " is empty");
            }
            int bom = bomLength(head);
            Charset bomCharset = bomCharset(head);
            if (explicit != null) {
                return new DetectedEncoding(explicit, bom > 0 && explicit.equals(bomCharset) ? bom : 0, "chosen");
            }
            if (bomCharset != null) {
                return new DetectedEncoding(bomCharset, bom, "byte-order mark");
            }
            Charset utf16 = utf16ByNulPattern(head);
            if (utf16 != null) {
                return new DetectedEncoding(utf16, 0, "UTF-16 without byte-order mark (NUL pattern)");
            }
            if (looksBinary(head)) {
                throw new TextFileException(TextFileException.Problem.BINARY, file,
                        file.getFileName() + " is not a text file (it contains binary data such as NUL or control bytes)");
            }
            Utf8Validator utf8 = new Utf8Validator();
            utf8.feed(head, head.length);
            byte[] buf = new byte[HEAD_BYTES];
            long seen = head.length;
            int n;
            while (seen < maxBytes && (n = in.read(buf, 0, (int) Math.min(buf.length, maxBytes - seen))) > 0) {
                monitor.checkCancelled();
                utf8.feed(buf, n);
                seen += n;
            }
            if (utf8.invalid() == 0) {
                return new DetectedEncoding(StandardCharsets.UTF_8, 0, utf8.multiByte() == 0 ? "ASCII" : "valid UTF-8");
            }
            if (utf8.multiByte() >= utf8.invalid()) {
                return new DetectedEncoding(Utf8Latin1Charset.INSTANCE, 0,
                        "UTF-8 with " + utf8.invalid() + " byte(s) read as Latin-1");
            }
            return new DetectedEncoding(StandardCharsets.ISO_8859_1, 0, "not UTF-8: read as Latin-1");
        }
    }

    /** A charset by any Java name (or {@link #UTF8_LATIN1}); an unknown name gives a clear error. */
    public static Charset forName(String name, Path file) throws TextFileException {
        if (Utf8Latin1Charset.NAME.equalsIgnoreCase(name.strip())) {
            return Utf8Latin1Charset.INSTANCE;
        }
        try {
            return Charset.forName(name.strip());
        } catch (UnsupportedCharsetException | IllegalCharsetNameException e) {
            throw new TextFileException(TextFileException.Problem.UNKNOWN_ENCODING, file, 0,
                    "Unknown encoding '" + name + "' for " + (file == null ? "the file" : file.getFileName())
                            + ": use a Java charset name such as UTF-8, ISO-8859-1, windows-1252 or UTF-16", e);
        }
    }

    static int bomLength(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return 3;
        }
        if (b.length >= 2 && ((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE || (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF)) {
            return 2;
        }
        return 0;
    }

    private static Charset bomCharset(byte[] b) {
        return switch (bomLength(b)) {
            case 3 -> StandardCharsets.UTF_8;
            case 2 -> (b[0] & 0xff) == 0xFF ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
            default -> null;
        };
    }

    /** Text in UTF-16 has a NUL in most high bytes (for Latin scripts); binary has NULs anywhere. */
    private static Charset utf16ByNulPattern(byte[] b) {
        int pairs = b.length / 2;
        if (pairs < 2) {
            return null;
        }
        int evenNul = 0;
        int oddNul = 0;
        for (int i = 0; i + 1 < b.length; i += 2) {
            if (b[i] == 0) {
                evenNul++;
            }
            if (b[i + 1] == 0) {
                oddNul++;
            }
        }
        if (oddNul > pairs * 0.3 && evenNul < pairs * 0.02) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenNul > pairs * 0.3 && oddNul < pairs * 0.02) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** Any NUL (not UTF-16), or more than 5% control bytes other than TAB, CR, LF and FF. */
    private static boolean looksBinary(byte[] b) {
        int control = 0;
        for (byte x : b) {
            int c = x & 0xff;
            if (c == 0) {
                return true;
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7f) {
                control++;
            }
        }
        return control > b.length * 0.05;
    }

    /** Counts valid multi-byte sequences and invalid bytes of UTF-8, across buffer boundaries. */
    static final class Utf8Validator {
        private int pending;        // continuation bytes still expected
        private int lowerBound = 0x80;
        private int upperBound = 0xBF;
        private long multiByte;
        private long invalid;

        void feed(byte[] buf, int len) {
            for (int i = 0; i < len; i++) {
                int c = buf[i] & 0xff;
                if (pending > 0) {
                    if (c >= lowerBound && c <= upperBound) {
                        lowerBound = 0x80;
                        upperBound = 0xBF;
                        if (--pending == 0) {
                            multiByte++;
                        }
                        continue;
                    }
                    invalid++;
                    pending = 0;
                    lowerBound = 0x80;
                    upperBound = 0xBF;
                    // the byte that broke the sequence starts afresh below
                }
                if (c < 0x80) {
                    continue;
                }
                if (c >= 0xC2 && c <= 0xDF) {
                    pending = 1;
                } else if (c >= 0xE0 && c <= 0xEF) {
                    pending = 2;
                    lowerBound = c == 0xE0 ? 0xA0 : 0x80;
                    upperBound = c == 0xED ? 0x9F : 0xBF;
                } else if (c >= 0xF0 && c <= 0xF4) {
                    pending = 3;
                    lowerBound = c == 0xF0 ? 0x90 : 0x80;
                    upperBound = c == 0xF4 ? 0x8F : 0xBF;
                } else {
                    invalid++;
                }
            }
        }

        long multiByte() {
            return multiByte;
        }

        long invalid() {
            return invalid;
        }
    }
}
