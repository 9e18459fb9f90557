package org.recblend.sample;

import java.util.random.RandomGenerator;

/** Draws an index with probability proportional to its weight, by binary search in a running sum. */
final class CumulativeSampler {
    private final int[] indices;
    private final double[] cumulative;

    /** A sampler over 0..weights.length-1; indices with zero weight are never drawn. */
    CumulativeSampler(double[] weights) {
        int n = 0;
        for (double w : weights) {
            if (w < 0 || Double.isNaN(w)) {
                throw new IllegalArgumentException("Weights must be non-negative: " + w);
            }
            if (w > 0) {
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("At least one weight must be positive");
        }
        indices = new int[n];
        cumulative = new double[n];
        double sum = 0;
        int k = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                sum += weights[i];
                indices[k] = i;
                cumulative[k++] = sum;
            }
        }
    }

    int sample(RandomGenerator rng) {
        double target = rng.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {  // the first running sum above the target
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return indices[lo];
    }
}
