package org.recblend.ingest.read;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Reads a file record by record. The reader is a cursor: {@link #next()} moves to the next record
 * and the accessors describe the current one, so reading a million rows creates no per-row
 * wrapper objects of ours.
 */
public interface RecordReader extends Closeable {

    /** Column names: the header of a delimited file or the fields of JSON objects; empty without a header. */
    List<String> header();

    /**
     * Moves to the next record.
     *
     * @return false at the end of the file
     * @throws MalformedRecordException when the record cannot be parsed (the reader has moved past it)
     * @throws TextFileException        when the file cannot be read on (bad encoding, broken syntax)
     * @throws IOException              when the bytes cannot be read
     */
    boolean next() throws IOException, TextFileException, MalformedRecordException;

    /** The number of values of the current record. */
    int size();

    /** A value of the current record, or {@code null} when the record has no such column. */
    String get(int index);

    /** The line where the current record starts (1-based, counting every line of the file). */
    long line();

    /** The current record as written in the file, for reject reports. */
    String rawText();

    /** Bytes consumed from the file so far (the decoder reads a little ahead), for progress. */
    long bytesRead();

    /** The encoding the file is read with. */
    DetectedEncoding encoding();

    /** The line of the header, 0 when there is none. */
    long headerLine();
}
