package org.recblend.engine.feature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.recblend.engine.model.FloatMatrix;

/**
 * A numeric attribute as indicators of quantile bins. A release year or a price rarely acts
 * linearly on taste (ML-100K: films of the last two years before the ratings were collected are
 * liked differently from both the 1980s and 1998), so one standardised column under-uses it; one
 * indicator per bin lets a linear map give every range its own direction. Bin edges are the
 * quantiles of the values present, so dense ranges (the 1990s) get narrow bins and sparse ones
 * (the 1930s) share one; equal edges merge, so no bin is empty. Missing values are all zero.
 */
public final class NumericBins {
    private NumericBins() {
    }

    /**
     * @param values one value per row, NaN where missing
     * @param bins   the most bins wanted (1 or more)
     */
    public static FeatureBlock of(String name, double[] values, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be 1 or more, not " + bins);
        }
        double[] edges = edges(values, bins);
        int n = values.length;
        int w = edges.length;
        float[] v = new float[n * w];
        for (int r = 0; r < n; r++) {
            if (!Double.isNaN(values[r])) {
                v[r * w + bin(edges, values[r])] = 1f;
            }
        }
        return new FeatureBlock(name, labels(name, edges), new FloatMatrix(n, w, v));
    }

    /** Lower edges of the bins, ascending and distinct; the first bin also takes values below it. */
    static double[] edges(double[] values, int bins) {
        double[] present = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (present.length == 0) {
            return new double[] {0};
        }
        double[] out = new double[bins];
        int count = 0;
        for (int k = 0; k < bins; k++) {
            double e = present[(int) Math.floor((double) k * (present.length - 1) / bins)];
            if (count == 0 || e > out[count - 1]) {
                out[count++] = e;
            }
        }
        return Arrays.copyOf(out, count);
    }

    private static int bin(double[] edges, double x) {
        int k = Arrays.binarySearch(edges, x);
        int b = k >= 0 ? k : -k - 2;
        return Math.max(b, 0);
    }

    private static List<String> labels(String name, double[] edges) {
        List<String> out = new ArrayList<>(edges.length);
        for (int k = 0; k < edges.length; k++) {
            String from = k == 0 ? "" : fmt(edges[k]);
            String to = k + 1 < edges.length ? fmt(edges[k + 1]) : "";
            out.add(name + "[" + from + ".." + to + ")");
        }
        return out;
    }

    private static String fmt(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? String.valueOf((long) x) : String.format(Locale.ROOT, "%.4g", x);
    }
}
