package org.recblend.engine.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.recblend.domain.IdIndex;
import org.recblend.engine.Recommender;

/**
 * A recommender trained by the DJL loop: it scores through a pure-Java delegate and keeps the
 * named weights it was built from, so a model bundle can write them as a DJL parameter file.
 */
public final class DeepRecommender implements Recommender, EmbeddingSource {
    private static final long serialVersionUID = 1L;

    private final Recommender delegate;
    private final LinkedHashMap<String, FloatMatrix> weights;

    public DeepRecommender(Recommender delegate, Map<String, FloatMatrix> weights) {
        this.delegate = delegate;
        this.weights = new LinkedHashMap<>(weights);
    }

    /** The named weights in parameter order. */
    public Map<String, FloatMatrix> weights() {
        return Collections.unmodifiableMap(weights);
    }

    /** The pure-Java scorer. */
    public Recommender delegate() {
        return delegate;
    }

    @Override
    public String kind() {
        return delegate.kind();
    }

    @Override
    public IdIndex users() {
        return delegate.users();
    }

    @Override
    public IdIndex items() {
        return delegate.items();
    }

    @Override
    public void score(int user, float[] out) {
        delegate.score(user, out);
    }

    @Override
    public FloatMatrix userEmbeddings() {
        return ((EmbeddingSource) delegate).userEmbeddings();
    }

    @Override
    public FloatMatrix itemEmbeddings() {
        return ((EmbeddingSource) delegate).itemEmbeddings();
    }
}
