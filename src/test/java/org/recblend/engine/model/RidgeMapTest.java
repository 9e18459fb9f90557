package org.recblend.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The ridge map recovers a linear map with intercept from the rows it may use and predicts the others. */
class RidgeMapTest {
    @Test
    void recoversALinearMapAndPredictsHeldOutRows() {
        int n = 300;
        int p = 6;
        int q = 3;
        SplittableRandom r = new SplittableRandom(5);
        double[] b = new double[p * q];
        for (int k = 0; k < b.length; k++) {
            b[k] = r.nextDouble(-1, 1);
        }
        float[] x = new float[n * p];
        float[] y = new float[n * q];
        boolean[] use = new boolean[n];
        for (int i = 0; i < n; i++) {
            use[i] = i % 5 != 0;
            for (int a = 0; a < p; a++) {
                x[i * p + a] = (float) r.nextDouble(-2, 2);
            }
            for (int c = 0; c < q; c++) {
                double v = 0.5 * c;
                for (int a = 0; a < p; a++) {
                    v += x[i * p + a] * b[a * q + c];
                }
                // Held-out rows carry garbage targets: they must not enter the fit.
                y[i * q + c] = use[i] ? (float) v : 1000f;
            }
        }
        RidgeMap map = RidgeMap.fit(x, p, y, q, use, 1e-6);
        for (int i = 0; i < n; i += 5) {
            float[] pred = map.predict(x, i * p);
            for (int c = 0; c < q; c++) {
                double v = 0.5 * c;
                for (int a = 0; a < p; a++) {
                    v += x[i * p + a] * b[a * q + c];
                }
                assertThat((double) pred[c]).isCloseTo(v, within(1e-3));
            }
        }
        RidgeMap heavy = RidgeMap.fit(x, p, y, q, use, 1e6);
        float[] shrunk = heavy.predict(x, 0);
        float[] mean = RidgeMap.fit(new float[n * p], p, y, q, use, 1).predict(new float[p], 0);
        for (int c = 0; c < q; c++) {
            assertThat((double) shrunk[c]).as("a huge penalty predicts the mean").isCloseTo(mean[c], within(0.05));
        }
    }
}
