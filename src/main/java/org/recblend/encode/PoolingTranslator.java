package org.recblend.encode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;

/**
 * Feeds a padded {@link TokenBatch} to a sentence-transformer and turns its token embeddings into
 * sentence vectors as sentence-transformers does: the mean over the tokens the attention mask keeps,
 * then L2 normalisation. Pooling runs in plain Java on the output buffer, so no NDArray operation
 * (which ONNX Runtime lacks and would hand to another engine) is needed.
 */
final class PoolingTranslator implements NoBatchifyTranslator<TokenBatch, float[][]> {
    /** Output names of sentence-transformer exports that carry one vector per token. */
    private static final java.util.List<String> TOKEN_OUTPUTS = java.util.List.of("last_hidden_state", "token_embeddings");

    private final boolean typeIds;

    PoolingTranslator(boolean typeIds) {
        this.typeIds = typeIds;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, TokenBatch batch) {
        NDManager m = ctx.getNDManager();
        Shape shape = new Shape(batch.rows(), batch.length());
        NDList in = new NDList(named(m.create(batch.ids(), shape), "input_ids"),
                named(m.create(batch.mask(), shape), "attention_mask"));
        if (typeIds) {
            in.add(named(m.create(batch.typeIds(), shape), "token_type_ids"));
        }
        ctx.setAttachment("batch", batch);
        return in;
    }

    private static NDArray named(NDArray a, String name) {
        a.setName(name);
        return a;
    }

    @Override
    public float[][] processOutput(TranslatorContext ctx, NDList list) throws TranslateException {
        TokenBatch batch = (TokenBatch) ctx.getAttachment("batch");
        NDArray tokens = tokenOutput(list, batch);
        if (tokens != null) {
            return pool(tokens.toFloatArray(), batch, (int) tokens.getShape().get(2));
        }
        // an export that pools inside the graph: one vector per row
        for (NDArray a : list) {
            Shape s = a.getShape();
            if (s.dimension() == 2 && s.get(0) == batch.rows()) {
                float[] flat = a.toFloatArray();
                int dim = (int) s.get(1);
                float[][] out = new float[batch.rows()][dim];
                for (int r = 0; r < batch.rows(); r++) {
                    System.arraycopy(flat, r * dim, out[r], 0, dim);
                    normalise(out[r]);
                }
                return out;
            }
        }
        throw new TranslateException("The model has no output of shape [batch, tokens, dim] (token embeddings such as "
                + TOKEN_OUTPUTS + ") nor [batch, dim]; it has " + describe(list));
    }

    private static NDArray tokenOutput(NDList list, TokenBatch batch) {
        NDArray firstThreeD = null;
        for (NDArray a : list) {
            Shape s = a.getShape();
            if (s.dimension() == 3 && s.get(0) == batch.rows() && s.get(1) == batch.length()) {
                if (TOKEN_OUTPUTS.contains(a.getName())) {
                    return a;
                }
                firstThreeD = firstThreeD == null ? a : firstThreeD;
            }
        }
        return firstThreeD;
    }

    static String describe(NDList list) {
        StringBuilder sb = new StringBuilder();
        for (NDArray a : list) {
            sb.append(sb.length() == 0 ? "" : ", ").append(a.getName()).append(' ').append(a.getShape());
        }
        return sb.toString();
    }

    /** Mean of the unmasked token vectors of each row, L2-normalised. */
    static float[][] pool(float[] hidden, TokenBatch batch, int dim) {
        int len = batch.length();
        float[][] out = new float[batch.rows()][dim];
        for (int r = 0; r < batch.rows(); r++) {
            float[] v = out[r];
            int kept = 0;
            for (int t = 0; t < len; t++) {
                if (batch.mask()[r * len + t] == 0) {
                    continue;
                }
                kept++;
                int base = (r * len + t) * dim;
                for (int c = 0; c < dim; c++) {
                    v[c] += hidden[base + c];
                }
            }
            // sentence-transformers clamps the token count at 1e-9
            float n = Math.max(kept, 1e-9f);
            for (int c = 0; c < dim; c++) {
                v[c] /= n;
            }
            normalise(v);
        }
        return out;
    }

    /** Scales to unit length (torch's normalize, eps 1e-12). */
    static void normalise(float[] v) {
        double ss = 0;
        for (float x : v) {
            ss += (double) x * x;
        }
        float norm = (float) Math.max(Math.sqrt(ss), 1e-12);
        for (int c = 0; c < v.length; c++) {
            v[c] /= norm;
        }
    }
}
