package org.recblend.nodes.encode;

import java.util.List;
import org.recblend.encode.CachedEncoding;
import org.recblend.encode.EmbeddingCache;
import org.recblend.encode.EncoderException;
import org.recblend.encode.TextEncoder;
import org.recblend.store.ProjectStore;
import org.recblend.task.TaskMonitor;

/**
 * An encoder seen through the project's embedding cache, for nodes that need vectors of arbitrary
 * texts (the sentiment anchors and tags): a re-run takes every vector from the cache and never
 * loads the model. Without a project it encodes directly. Texts must not be blank.
 */
final class CachedTextEncoder implements TextEncoder {
    private final TextEncoder encoder;
    private final EmbeddingCache cache;

    CachedTextEncoder(TextEncoder encoder, ProjectStore store) {
        this.encoder = encoder;
        this.cache = store == null ? null : new EmbeddingCache(store);
    }

    @Override
    public String key() {
        return encoder.key();
    }

    @Override
    public int dimension() {
        return encoder.dimension();
    }

    @Override
    public float[][] encode(List<String> texts, TaskMonitor monitor) throws EncoderException {
        CachedEncoding.Result r = CachedEncoding.encode(encoder, cache, texts, CachedEncoding.DEFAULT_BATCH, monitor);
        monitor.log(encoder.key() + ": " + r.summary());
        return r.vectors();
    }

    @Override
    public void close() {
        encoder.close();
    }
}
