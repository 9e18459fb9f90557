package org.recblend.nodes.encode;

import org.recblend.domain.Embeddings;
import org.recblend.pipeline.InvalidSettingsException;
import org.recblend.pipeline.NodeSettings;

/** What every text-encode node's settings say about the texts: whose, from which template, how many per batch. */
public interface TextSettings extends NodeSettings {
    /** Whose texts: items (ItemTable input) or users (UserTable and optional TextCorpus inputs). */
    Embeddings.Side side();

    /** The text template, e.g. "{title}. Genres: {genres}. {plot}". */
    String template();

    /** At most this many tags or reviews joined into one user's text. */
    int maxTexts();

    /** Texts per encoder call and per cache transaction. */
    int batchSize();

    /** The checks every text node shares; records call it from their {@code validate()}. */
    default void validateText() throws InvalidSettingsException {
        if (side() == null) {
            throw new InvalidSettingsException("Choose the side: ITEM or USER");
        }
        if (template() == null || template().isBlank()) {
            throw InvalidSettingsException.notConfigured("Write a text template, e.g. {title}. {plot}");
        }
        try {
            org.recblend.encode.TextTemplate.parse(template());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage());
        }
        if (maxTexts() < 1) {
            throw new InvalidSettingsException("maxTexts must be at least 1, not " + maxTexts());
        }
        if (batchSize() < 1 || batchSize() > 100_000) {
            throw new InvalidSettingsException("batchSize must be in [1, 100000], not " + batchSize());
        }
    }

    /** The default template of a side. */
    static String defaultTemplate(Embeddings.Side side) {
        return side == Embeddings.Side.USER ? "{age} {gender} {occupation}. Tags: {tags}" : "{title}. Genres: {genres}. {plot}";
    }
}
