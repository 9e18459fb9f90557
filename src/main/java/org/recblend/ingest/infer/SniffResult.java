package org.recblend.ingest.infer;

import org.recblend.ingest.read.DetectedEncoding;
import org.recblend.ingest.read.FileFormat;

/**
 * The format {@link FormatSniffer} guessed for a file.
 *
 * @param format   the guessed format (encoding left to detection at import, so it is checked on the whole file)
 * @param encoding the encoding found in the first megabyte
 * @param reason   how the guess was made, for the wizard
 */
public record SniffResult(FileFormat format, DetectedEncoding encoding, String reason) {
}
