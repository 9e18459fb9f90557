package org.recblend.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;

/** Row lookups in embedding tables, differentiable and with dense gradients. */
final class Gather {
    private Gather() {
    }

    /** The rows {@code index} (int64 vector) of {@code table}: shape (batch, cols). */
    static NDArray rows(NDArray table, NDArray index) {
        return Embedding.embedding(index, table, SparseFormat.DENSE).singletonOrThrow();
    }

    /** The entries {@code index} of a (n, 1) table as a vector of shape (batch). */
    static NDArray entries(NDArray table, NDArray index) {
        return rows(table, index).reshape(-1);
    }
}
