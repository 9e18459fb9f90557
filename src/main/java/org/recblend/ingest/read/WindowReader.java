package org.recblend.ingest.read;

import java.io.IOException;
import java.io.Reader;

/**
 * Keeps the characters read since the oldest record still of interest, so a rejected row can be
 * reported with its exact raw text (quotes and embedded line breaks included). The CSV parser
 * reports where each record starts; the window is trimmed as reading moves on.
 */
final class WindowReader extends Reader {
    private static final int TRIM_AT = 1 << 20;

    private final Reader in;
    private final StringBuilder window = new StringBuilder(1 << 16);
    private long windowStart;     // absolute position of window.charAt(0)
    private long origin;          // absolute position where the parser started

    WindowReader(Reader in) {
        this.in = in;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = in.read(buf, off, len);
        if (n > 0) {
            window.append(buf, off, n);
        }
        return n;
    }

    /** Reads one line and drops it (for lines to skip before the data); false at end of input. */
    boolean skipLine() throws IOException {
        int c;
        boolean any = false;
        while ((c = readOne()) >= 0) {
            any = true;
            if (c == '\n') {
                return true;
            }
            if (c == '\r') {
                int next = readOne();
                if (next != '\n' && next >= 0) {
                    pushBack = next;
                }
                return true;
            }
        }
        return any;
    }

    private int pushBack = -1;

    private int readOne() throws IOException {
        if (pushBack >= 0) {
            int c = pushBack;
            pushBack = -1;
            return c;
        }
        int c = in.read();
        if (c >= 0) {
            window.append((char) c);
        }
        return c;
    }

    /** Marks the current position as the parser's position 0 (after skipped lines). */
    Reader startParsing() {
        origin = windowStart + window.length() - (pushBack >= 0 ? 1 : 0);
        if (pushBack >= 0) {
            // a lone CR ended the last skipped line: the pushed-back character belongs to the data
            char c = (char) pushBack;
            pushBack = -1;
            return new PrefixReader(c, this);
        }
        return this;
    }

    /** Drops characters before a parser position that is no longer needed. */
    void release(long parserPosition) {
        long abs = origin + parserPosition;
        if (window.length() > TRIM_AT && abs > windowStart) {
            int cut = (int) Math.min(abs - windowStart, window.length());
            window.delete(0, cut);
            windowStart += cut;
        }
    }

    /**
     * The text of a record starting at a parser position and spanning {@code lineBreaks} line
     * breaks (0 = up to the end of what was read), without its final line break.
     */
    String text(long parserPosition, long lineBreaks) {
        int start = (int) Math.max(0, origin + parserPosition - windowStart);
        if (start >= window.length()) {
            return "";
        }
        int end = start;
        long breaks = 0;
        int n = window.length();
        while (end < n) {
            char c = window.charAt(end);
            if (c == '\n' || c == '\r') {
                breaks++;
                if (lineBreaks > 0 && breaks == lineBreaks) {
                    break;
                }
                if (c == '\r' && end + 1 < n && window.charAt(end + 1) == '\n') {
                    end++;
                }
            }
            end++;
        }
        String s = window.substring(start, end);
        return lineBreaks == 0 ? stripTrailingBreaks(s) : s;
    }

    /** The position after a record that starts at a parser position and spans the given line breaks. */
    long endOf(long parserPosition, long lineBreaks) {
        String t = text(parserPosition, lineBreaks);
        int start = (int) Math.max(0, origin + parserPosition - windowStart) + t.length();
        int n = window.length();
        if (start < n && window.charAt(start) == '\r') {
            start++;
        }
        if (start < n && window.charAt(start) == '\n') {
            start++;
        }
        return windowStart + start - origin;
    }

    private static String stripTrailingBreaks(String s) {
        int e = s.length();
        while (e > 0 && (s.charAt(e - 1) == '\n' || s.charAt(e - 1) == '\r')) {
            e--;
        }
        return s.substring(0, e);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Puts one character back in front of a reader. */
    private static final class PrefixReader extends Reader {
        private final Reader rest;
        private int first;

        PrefixReader(char first, Reader rest) {
            this.first = first;
            this.rest = rest;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (first >= 0) {
                buf[off] = (char) first;
                first = -1;
                return 1;
            }
            return rest.read(buf, off, len);
        }

        @Override
        public void close() throws IOException {
            rest.close();
        }
    }
}
