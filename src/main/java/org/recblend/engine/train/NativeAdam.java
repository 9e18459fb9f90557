package org.recblend.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam over named parameters with the update done natively (one call per parameter), keeping its
 * moments where a checkpoint can read and restore them: DJL's own {@code Adam} hides its state.
 */
final class NativeAdam implements AutoCloseable {
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    private final float learningRate;
    private final Map<String, NDArray> mean = new LinkedHashMap<>();
    private final Map<String, NDArray> variance = new LinkedHashMap<>();
    private long step;

    NativeAdam(float learningRate, Map<String, NDArray> params) {
        this.learningRate = learningRate;
        params.forEach((name, p) -> {
            mean.put(name, p.zerosLike());
            variance.put(name, p.zerosLike());
        });
    }

    /** Counts one more step and returns its bias-corrected step size. */
    float advance() {
        step++;
        double correction = Math.sqrt(1 - Math.pow(BETA2, step)) / (1 - Math.pow(BETA1, step));
        return (float) (learningRate * correction);
    }

    /** Applies the step of {@link #advance} to every parameter of {@code params} from its gradient. */
    void update(Map<String, NDArray> params, float lr) {
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            NDArray w = e.getValue();
            NDArray m = mean.get(e.getKey());
            NDArray v = variance.get(e.getKey());
            try (NDArray grad = w.getGradient()) {
                w.getNDArrayInternal().adamUpdate(new NDList(w, grad, m, v), new NDList(w),
                        lr, lr, 0f, 1f, -1f, BETA1, BETA2, EPSILON, false, false);
            }
        }
    }

    /** Lazy Adam with this optimiser's settings on the rows a batch touched, with L2 weight {@code penalty} per use of a row. */
    void update(RowTables tables, float lr, float penalty) {
        tables.update(lr, penalty, BETA1, BETA2, EPSILON);
    }

    long step() {
        return step;
    }

    Map<String, NDArray> mean() {
        return mean;
    }

    Map<String, NDArray> variance() {
        return variance;
    }

    /** Restores the state saved in a checkpoint. */
    void restore(long savedStep, Map<String, float[]> savedMean, Map<String, float[]> savedVariance) {
        step = savedStep;
        mean.forEach((name, m) -> m.set(savedMean.get(name)));
        variance.forEach((name, v) -> v.set(savedVariance.get(name)));
    }

    @Override
    public void close() {
        mean.values().forEach(NDArray::close);
        variance.values().forEach(NDArray::close);
    }
}
