package org.recblend.engine.eval;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The paired Wilcoxon signed-rank test, two-sided, with the normal approximation: zero differences
 * are dropped (scipy's {@code zero_method="wilcox"}), tied absolute differences get mid-ranks and
 * the variance is corrected for ties; no continuity correction (scipy's default). Pairs where
 * either value is NaN (a user not evaluated by one run) are left out.
 */
public final class WilcoxonSignedRank {

    /**
     * The outcome of a test.
     *
     * @param pairs     pairs with a non-zero difference (the test's n)
     * @param wPlus     sum of the ranks of positive differences (x greater than y)
     * @param wMinus    sum of the ranks of negative differences
     * @param statistic min(W+, W−), what scipy reports
     * @param z         the standardised W+ (positive when x tends to be greater)
     * @param pValue    two-sided p-value; 1 when no pair differs
     * @param meanDiff  mean of x − y over all valid pairs, zero differences included
     */
    public record Result(int pairs, double wPlus, double wMinus, double statistic, double z, double pValue, double meanDiff)
            implements Serializable {
    }

    private WilcoxonSignedRank() {
    }

    /** Tests whether paired values x and y differ in location. */
    public static Result test(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("Paired samples differ in length: " + x.length + " and " + y.length);
        }
        double[] d = new double[x.length];
        int n = 0;
        double sum = 0;
        int valid = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
                continue;
            }
            double diff = x[i] - y[i];
            sum += diff;
            valid++;
            if (diff != 0) {
                d[n++] = diff;
            }
        }
        double meanDiff = valid == 0 ? Double.NaN : sum / valid;
        if (n == 0) {
            return new Result(0, 0, 0, 0, 0, 1, meanDiff);
        }
        double[] abs = new double[n];
        for (int i = 0; i < n; i++) {
            abs[i] = Math.abs(d[i]);
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(abs[a], abs[b]));
        double[] rank = new double[n];
        double tieTerm = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && abs[order[j + 1]] == abs[order[i]]) {
                j++;
            }
            double mid = (i + j) / 2.0 + 1;
            for (int t = i; t <= j; t++) {
                rank[order[t]] = mid;
            }
            double t = j - i + 1;
            tieTerm += t * t * t - t;
            i = j + 1;
        }
        double wPlus = 0;
        double wMinus = 0;
        for (int i = 0; i < n; i++) {
            if (d[i] > 0) {
                wPlus += rank[i];
            } else {
                wMinus += rank[i];
            }
        }
        double mean = n * (n + 1) / 4.0;
        double variance = n * (n + 1) * (2.0 * n + 1) / 24.0 - tieTerm / 48.0;
        double z = variance > 0 ? (wPlus - mean) / Math.sqrt(variance) : 0;
        double p = Math.min(1, erfc(Math.abs(z) / Math.sqrt(2)));
        return new Result(n, wPlus, wMinus, Math.min(wPlus, wMinus), z, p, meanDiff);
    }

    /**
     * The complementary error function, by the Chebyshev fit of Numerical Recipes (erfcc), with a
     * relative error below 1.2e-7 everywhere: ample for a p-value.
     */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
