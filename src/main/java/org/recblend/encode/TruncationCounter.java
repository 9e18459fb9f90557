package org.recblend.encode;

/** An encoder that cuts long texts at a token limit and counts how many it cut. */
public interface TruncationCounter {
    /** Texts cut since the encoder was opened. */
    long truncatedCount();

    /** The token limit. */
    int maxTokens();
}
