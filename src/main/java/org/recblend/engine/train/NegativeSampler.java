package org.recblend.engine.train;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.recblend.domain.InteractionTable;

/**
 * Draws items a user has not interacted with in training, uniformly or by popularity. The
 * generator is passed in, so a sampler has no state of its own and an epoch's draws depend only on
 * the epoch's seed.
 */
public final class NegativeSampler {
    private static final int MAX_TRIES = 64;
    private static final double POPULARITY_EXPONENT = 0.75;

    private final int items;
    private final int[][] positives;
    private final double[] cumulative;

    private NegativeSampler(int items, int[][] positives, double[] cumulative) {
        this.items = items;
        this.positives = positives;
        this.cumulative = cumulative;
    }

    /** A sampler over the items of {@code train}, excluding each user's training items. */
    public static NegativeSampler of(SamplerKind kind, InteractionTable train) {
        int[][] byUser = train.rowsByUser();
        int[][] pos = new int[byUser.length][];
        for (int u = 0; u < byUser.length; u++) {
            int[] rows = byUser[u];
            int[] its = new int[rows.length];
            for (int k = 0; k < rows.length; k++) {
                its[k] = train.item(rows[k]);
            }
            Arrays.sort(its);
            pos[u] = Arrays.stream(its).distinct().toArray();
        }
        double[] cum = null;
        if (kind == SamplerKind.POPULARITY) {
            int[] counts = train.itemCounts();
            cum = new double[counts.length];
            double total = 0;
            for (int i = 0; i < counts.length; i++) {
                total += Math.pow(counts[i], POPULARITY_EXPONENT);
                cum[i] = total;
            }
            if (total == 0) {
                cum = null;
            }
        }
        return new NegativeSampler(train.items().size(), pos, cum);
    }

    /** Whether {@code item} is one of the user's training items. */
    public boolean isPositive(int user, int item) {
        return Arrays.binarySearch(positives[user], item) >= 0;
    }

    /** An item the user has no training interaction with (any item when the user has them all). */
    public int sample(int user, SplittableRandom random) {
        int[] pos = positives[user];
        if (pos.length >= items) {
            return random.nextInt(items);
        }
        for (int t = 0; t < MAX_TRIES; t++) {
            int i = draw(random);
            if (Arrays.binarySearch(pos, i) < 0) {
                return i;
            }
        }
        // A user with most of the catalogue: pick uniformly among the items left.
        int k = random.nextInt(items - pos.length);
        for (int i = 0, free = 0; i < items; i++) {
            if (Arrays.binarySearch(pos, i) < 0 && free++ == k) {
                return i;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private int draw(SplittableRandom random) {
        if (cumulative == null) {
            return random.nextInt(items);
        }
        double x = random.nextDouble() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, x);
        i = i >= 0 ? i + 1 : -i - 1;
        return Math.min(i, items - 1);
    }
}
