package org.recblend.engine.model;

/** A model whose users and items have one vector each, for export and for maps of the item space. */
public interface EmbeddingSource {
    FloatMatrix userEmbeddings();

    FloatMatrix itemEmbeddings();
}
