package org.recblend.encode;

import java.util.List;
import org.recblend.task.TaskMonitor;

/**
 * Turns texts into dense vectors: the pretrained sentence encoder, a local ONNX model, TF-IDF, or a
 * remote embeddings endpoint. {@link #key()} names the encoder and its version so the embedding cache
 * never mixes vectors of two models.
 */
public interface TextEncoder extends AutoCloseable {
    /** Encoder id and version, e.g. "minilm-l6-v2-q@1.19.0-beta29"; keys the embedding cache. */
    String key();

    /** The vector length. */
    int dimension();

    /**
     * Encodes {@code texts} in order, one vector per text. Checks for cancel between batches and
     * reports progress; throws {@link EncoderException} with a message a user can act on.
     */
    float[][] encode(List<String> texts, TaskMonitor monitor) throws EncoderException;

    /** Frees native resources (models, sessions); encoders without any do nothing. */
    @Override
    default void close() {
    }
}
