package org.recblend.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Row lookups in embedding tables, differentiable. Uses {@code gather} along axis 0 with a
 * broadcast index rather than an embedding op: PyTorch's CPU embedding backward adds one row at a
 * time (index_add_ on a 2-D table), while gather's backward is one vectorised scatter-add — several
 * times faster per batch here. A null index means the table already holds the batch's rows in
 * order (row tables, see {@link DeepModel#rowTables()}).
 */
final class Gather {
    private Gather() {
    }

    /** The rows {@code index} (int64 vector) of {@code table}: shape (batch, cols); the table itself when the index is null. */
    static NDArray rows(NDArray table, NDArray index) {
        if (index == null) {
            return table;
        }
        long cols = table.getShape().get(1);
        long n = index.getShape().get(0);
        return table.gather(index.reshape(n, 1).broadcast(new Shape(n, cols)), 0);
    }

    /** The entries {@code index} of a (n, 1) table as a vector of shape (batch). */
    static NDArray entries(NDArray table, NDArray index) {
        if (index == null) {
            return table.reshape(-1);
        }
        return table.gather(index.reshape(-1, 1), 0).reshape(-1);
    }
}
