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

    @Test
    void gcvMatchesTheClosedFormForOneFeature() {
        int n = 20;
        float[] x = new float[n];
        float[] y = new float[n];
        boolean[] use = new boolean[n];
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextDouble(-1, 1);
            y[i] = (float) (2 * x[i] + r.nextGaussian());
            use[i] = true;
        }
        double lambda = 0.5;
        RidgeMap.Chosen chosen = RidgeMap.fitByGcv(x, 1, y, 1, use, new double[] {lambda});
        double rss = 0;
        for (int i = 0; i < n; i++) {
            double e = y[i] - chosen.map().predict(x, i)[0];
            rss += e * e;
        }
        // centred Gram = Sxx, penalty = lambda·Sxx: trace(H) = 1 (intercept) + Sxx / (Sxx + lambda·Sxx)
        double dof = 1 + 1 / (1 + lambda);
        assertThat(chosen.gcv()).isCloseTo(rss * n / ((n - dof) * (n - dof)), within(1e-6));
        assertThat(chosen.map().predict(x, 3)[0]).isEqualTo(RidgeMap.fit(x, 1, y, 1, use, lambda).predict(x, 3)[0]);
    }

    @Test
    void gcvTakesAWeakPenaltyForASignalAndAStrongOneForNoise() {
        int n = 200;
        int p = 40;
        SplittableRandom r = new SplittableRandom(3);
        float[] x = new float[n * p];
        float[] signal = new float[n];
        float[] noise = new float[n];
        boolean[] use = new boolean[n];
        for (int i = 0; i < n; i++) {
            use[i] = true;
            double v = 0;
            for (int a = 0; a < p; a++) {
                x[i * p + a] = (float) r.nextGaussian();
                v += x[i * p + a] * (a % 3 - 1);
            }
            signal[i] = (float) (v + 0.1 * r.nextGaussian());
            noise[i] = (float) r.nextGaussian();
        }
        double[] grid = RidgeMap.defaultGrid();
        assertThat(RidgeMap.fitByGcv(x, p, signal, 1, use, grid).lambda()).isEqualTo(grid[0]);
        // pure noise: GCV's curve is flat and slightly bumpy at the top, but the choice is a strong penalty
        assertThat(RidgeMap.fitByGcv(x, p, noise, 1, use, grid).lambda()).isGreaterThanOrEqualTo(8);
    }
}
