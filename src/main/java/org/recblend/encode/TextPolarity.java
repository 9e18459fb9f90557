package org.recblend.encode;

import java.util.List;
import org.recblend.task.TaskMonitor;

/**
 * Scores how positive or negative a short user text (a tag, a review) is, in [-1, 1]: below zero
 * the writer disliked the item, above zero they liked it, near zero the text only describes it
 * ("sci-fi", "Tom Hanks").
 */
public interface TextPolarity {
    /** The method and its version, e.g. "lexicon@1"; part of an output's source name. */
    String key();

    /** One score in [-1, 1] per text, in order; checks for cancel and reports progress. */
    double[] score(List<String> texts, TaskMonitor monitor) throws EncoderException;
}
