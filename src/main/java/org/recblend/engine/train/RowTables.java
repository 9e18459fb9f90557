package org.recblend.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.recblend.engine.model.DeepModel;
import org.recblend.engine.model.FloatMatrix;

/**
 * A model's per-user and per-item tables held in Java with lazy Adam. Each batch, the rows it looks
 * up are copied, in batch order, into leaf arrays for the native forward and backward; their
 * gradients are summed per distinct row, and only those rows' weights and moments are updated (as
 * PyTorch's {@code SparseAdam}). Autograd then has no lookup to differentiate (gather's backward,
 * a scatter-add into a zeroed table, cost most of a batch) and Adam never walks untouched rows.
 */
final class RowTables {
    private final List<Table> tables = new ArrayList<>();
    private final Distinct users;
    private final Distinct items;
    private final List<Leaf> used = new ArrayList<>();
    private final List<ByteBuffer> buffers = new ArrayList<>();
    private float[] scratch = new float[0];
    private int[] userRows;
    private int[][] itemRows;
    private Map<String, NDArray> userLeaves;

    /** Takes the declared tables out of {@code params} (closing their native arrays). */
    RowTables(Map<String, NDArray> params, Map<String, DeepModel.RowTable> declared, int userCount, int itemCount) {
        for (Map.Entry<String, DeepModel.RowTable> e : declared.entrySet()) {
            NDArray p = params.remove(e.getKey());
            if (p == null) {
                throw new IllegalArgumentException("No parameter " + e.getKey() + " to keep as a row table");
            }
            Shape s = p.getShape();
            int rows = (int) s.get(0);
            int cols = (int) (s.size() / rows);
            DeepModel.Rows follows = e.getValue().follows();
            if (rows != (follows == DeepModel.Rows.USER ? userCount : itemCount)) {
                throw new IllegalArgumentException("Row table " + e.getKey() + " has " + rows + " rows");
            }
            tables.add(new Table(e.getKey(), follows, e.getValue().regularised(), rows, cols, p.toFloatArray()));
            p.close();
        }
        users = new Distinct(userCount);
        items = new Distinct(itemCount);
    }

    boolean isEmpty() {
        return tables.isEmpty();
    }

    /**
     * Starts a batch of (user, item) pairs, with a second item per pair (the negative) when
     * {@code moreItems} is not null: finds the distinct rows and forgets the previous batch's leaves.
     */
    void index(long[] batchUsers, long[] batchItems, long[] moreItems) {
        users.clear();
        items.clear();
        userRows = users.map(batchUsers);
        itemRows = new int[][] {items.map(batchItems), moreItems == null ? null : items.map(moreItems)};
        used.clear();
        userLeaves = null;
    }

    /**
     * The batch's rows of every table in batch order, as leaf arrays that record gradients, by
     * name: the users' rows and, for {@code call} 0 the first items, for 1 the second. The users'
     * leaves are the same arrays in both calls, so autograd adds up their gradients.
     */
    Map<String, NDArray> leaves(NDManager manager, int call) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        if (userLeaves == null) {
            userLeaves = new LinkedHashMap<>();
            for (Table t : tables) {
                if (t.space == DeepModel.Rows.USER) {
                    userLeaves.put(t.name, leaf(manager, t, users, userRows));
                }
            }
        } else {
            for (Leaf l : used) {
                if (l.table.space == DeepModel.Rows.USER) {
                    l.uses++;
                }
            }
        }
        for (Table t : tables) {
            out.put(t.name, t.space == DeepModel.Rows.USER ? userLeaves.get(t.name) : leaf(manager, t, items, itemRows[call]));
        }
        return out;
    }

    private NDArray leaf(NDManager manager, Table t, Distinct d, int[] local) {
        int n = local.length;
        // One direct buffer per leaf of a batch, reused: DJL copies a heap array through a fresh direct buffer otherwise.
        int slot = used.size();
        if (slot == buffers.size()) {
            buffers.add(ByteBuffer.allocateDirect(0));
        }
        ByteBuffer bytes = buffers.get(slot);
        if (bytes.capacity() < n * t.cols * Float.BYTES) {
            bytes = ByteBuffer.allocateDirect(n * t.cols * Float.BYTES).order(ByteOrder.nativeOrder());
            buffers.set(slot, bytes);
        }
        bytes.clear();
        FloatBuffer rows = bytes.asFloatBuffer();
        for (int k = 0; k < n; k++) {
            rows.put(t.weights, d.rows[local[k]] * t.cols, t.cols);
        }
        bytes.limit(n * t.cols * Float.BYTES);
        NDArray leaf = manager.create(bytes, new Shape(n, t.cols), DataType.FLOAT32);
        leaf.setRequiresGradient(true);
        used.add(new Leaf(t, leaf, local));
        return leaf;
    }

    /**
     * One lazy Adam step with step size {@code lr} on the distinct rows of the batch, from the sum
     * of their leaves' gradients plus, for regularised tables, the gradient of {@code penalty} times
     * the squared norm of each row per use (as if each scoring had added it to the loss).
     */
    void update(float lr, float penalty, float beta1, float beta2, float epsilon) {
        for (Leaf l : used) {
            Table t = l.table;
            int size = l.local.length * t.cols;
            if (scratch.length < size) {
                scratch = new float[size];
            }
            float[] g = scratch;
            try (NDArray grad = l.leaf.getGradient()) {
                grad.toByteBuffer().asFloatBuffer().get(g, 0, size);
            }
            Distinct d = t.space == DeepModel.Rows.USER ? users : items;
            float[] sum = t.gradient;
            int cols = t.cols;
            float decay = t.regularised ? 2 * penalty * l.uses : 0f;
            for (int k = 0; k < l.local.length; k++) {
                int row = l.local[k];
                t.decay[row] += decay;
                int to = d.rows[row] * cols;
                int from = k * cols;
                add(sum, to, g, from, cols);
            }
        }
        for (Table t : tables) {
            Distinct d = t.space == DeepModel.Rows.USER ? users : items;
            float[] g = t.gradient;
            float[] w = t.weights;
            float[] m = t.mean;
            float[] v = t.variance;
            for (int k = 0; k < d.count; k++) {
                int at = d.rows[k] * t.cols;
                adam(w, m, v, g, at, at + t.cols, t.decay[k], lr, beta1, beta2, epsilon);
                t.decay[k] = 0f;
            }
        }
    }

    private static void add(float[] sum, int to, float[] g, int from, int n) {
        for (int c = 0; c < n; c++) {
            sum[to + c] += g[from + c];
        }
    }

    /**
     * Adam on the entries {@code from..to} of a table, zeroing their gradient. Every array is read
     * at the same offset, so C2 vectorises the loop (four times faster than with a packed gradient).
     */
    private static void adam(float[] w, float[] m, float[] v, float[] g, int from, int to, float decay,
                             float lr, float beta1, float beta2, float epsilon) {
        for (int x = from; x < to; x++) {
            float gc = g[x] + decay * w[x];
            g[x] = 0f;
            float mc = beta1 * m[x] + (1 - beta1) * gc;
            float vc = beta2 * v[x] + (1 - beta2) * gc * gc;
            m[x] = mc;
            v[x] = vc;
            w[x] -= lr * mc / ((float) Math.sqrt(vc) + epsilon);
        }
    }

    /** Copies of the weights (or, with {@code moment} 1 or 2, Adam's moments), by name. */
    Map<String, FloatMatrix> copy(int moment) {
        Map<String, FloatMatrix> out = new LinkedHashMap<>();
        for (Table t : tables) {
            float[] a = moment == 0 ? t.weights : moment == 1 ? t.mean : t.variance;
            out.put(t.name, new FloatMatrix(t.rows, t.cols, a.clone()));
        }
        return out;
    }

    /** Restores weights and moments saved by a checkpoint. */
    void restore(Map<String, FloatMatrix> weights, Map<String, FloatMatrix> mean, Map<String, FloatMatrix> variance) {
        for (Table t : tables) {
            System.arraycopy(weights.get(t.name).data(), 0, t.weights, 0, t.weights.length);
            System.arraycopy(mean.get(t.name).data(), 0, t.mean, 0, t.mean.length);
            System.arraycopy(variance.get(t.name).data(), 0, t.variance, 0, t.variance.length);
        }
    }

    /** A table's weights and Adam moments, and the summed gradient of a batch's distinct rows. */
    private static final class Table {
        final String name;
        final DeepModel.Rows space;
        final boolean regularised;
        final int rows;
        final int cols;
        final float[] weights;
        final float[] mean;
        final float[] variance;
        /** The batch's gradient, laid out as the table and zero outside a batch. */
        final float[] gradient;
        /** Per distinct row of the batch: the weight of its L2 gradient. */
        final float[] decay;

        Table(String name, DeepModel.Rows space, boolean regularised, int rows, int cols, float[] weights) {
            this.name = name;
            this.space = space;
            this.regularised = regularised;
            this.rows = rows;
            this.cols = cols;
            this.weights = weights;
            this.mean = new float[weights.length];
            this.variance = new float[weights.length];
            this.gradient = new float[weights.length];
            this.decay = new float[rows];
        }
    }

    /** A leaf of one batch: its rows are the distinct rows {@code local}; {@code uses} scorings used it. */
    private static final class Leaf {
        final Table table;
        final NDArray leaf;
        final int[] local;
        int uses = 1;

        Leaf(Table table, NDArray leaf, int[] local) {
            this.table = table;
            this.leaf = leaf;
            this.local = local;
        }
    }

    /** The distinct rows of a batch in order of first use, and each global row's place among them. */
    private static final class Distinct {
        final int[] local;
        final int[] rows;
        int count;

        Distinct(int size) {
            local = new int[size];
            rows = new int[size];
            Arrays.fill(local, -1);
        }

        void clear() {
            for (int k = 0; k < count; k++) {
                local[rows[k]] = -1;
            }
            count = 0;
        }

        /** The place of each of {@code index}'s rows among the distinct rows, adding new ones. */
        int[] map(long[] index) {
            int[] out = new int[index.length];
            for (int k = 0; k < index.length; k++) {
                int g = (int) index[k];
                int l = local[g];
                if (l < 0) {
                    l = count++;
                    local[g] = l;
                    rows[l] = g;
                }
                out[k] = l;
            }
            return out;
        }
    }
}
