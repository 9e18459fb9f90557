package org.recblend.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/** Seeded parameter initialisers drawn in Java, so the same seed gives the same start everywhere. */
final class Inits {
    private Inits() {
    }

    /** Normal values with the given standard deviation. */
    static NDArray normal(NDManager m, SplittableRandom r, int rows, int cols, double std) {
        float[] v = new float[rows * cols];
        for (int k = 0; k < v.length; k++) {
            v[k] = (float) (gaussian(r) * std);
        }
        return trainable(m.create(v, new Shape(rows, cols)));
    }

    /** Glorot-uniform weights of a dense layer. */
    static NDArray glorot(NDManager m, SplittableRandom r, int in, int out) {
        double limit = Math.sqrt(6.0 / (in + out));
        float[] v = new float[in * out];
        for (int k = 0; k < v.length; k++) {
            v[k] = (float) ((r.nextDouble() * 2 - 1) * limit);
        }
        return trainable(m.create(v, new Shape(in, out)));
    }

    static NDArray zeros(NDManager m, int rows, int cols) {
        return trainable(m.create(new float[rows * cols], new Shape(rows, cols)));
    }

    private static NDArray trainable(NDArray a) {
        a.setRequiresGradient(true);
        return a;
    }

    private static double gaussian(SplittableRandom r) {
        // Box-Muller on the seeded generator (SplittableRandom has no nextGaussian in Java 17).
        double u1 = r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
