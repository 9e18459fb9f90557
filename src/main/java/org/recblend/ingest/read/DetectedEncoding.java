package org.recblend.ingest.read;

import java.nio.charset.Charset;

/**
 * The character set a file is read with.
 *
 * @param charset   the charset to decode with
 * @param bomLength bytes of byte-order mark to skip at the start of the file
 * @param how       how it was chosen, for the wizard and the log ("byte-order mark", "valid UTF-8", ...)
 */
public record DetectedEncoding(Charset charset, int bomLength, String how) {

    /** The name to show and to store in a spec. */
    public String name() {
        return charset.name();
    }
}
