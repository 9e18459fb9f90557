package org.recblend.nodes.preprocess;

import org.recblend.domain.LongIntMap;
import java.io.Serializable;
import org.recblend.domain.InteractionTable;
import org.recblend.pipeline.ExecutionContext;
import org.recblend.pipeline.InvalidSettingsException;
import org.recblend.pipeline.NodeSettings;
import org.recblend.pipeline.PortTypes;

/**
 * Merges repeated (user, item) rows into one. The merged row sits where the pair first appeared;
 * its time is the latest of the pair's rows.
 */
public final class Deduplicate extends InteractionsKind<Deduplicate.Settings> {
    public static final String ID = "preprocess.dedup";

    /** How to merge the weights of one pair. */
    public enum Strategy {
        /** The weight of the latest row by time (the last in order among equal times). */
        KEEP_LAST,
        /** The mean of the pair's weights. */
        MEAN,
        /** The sum of the pair's weights (counts, for implicit events of weight 1). */
        SUM,
        /** The largest of the pair's weights. */
        MAX
    }

    /**
     * The settings.
     *
     * @param strategy how to merge the weights of repeated pairs
     */
    public record Settings(Strategy strategy) implements NodeSettings {
        @Override
        public void validate() throws InvalidSettingsException {
            if (strategy == null) {
                throw InvalidSettingsException.notConfigured("Choose how to merge repeated pairs: KEEP_LAST, MEAN, SUM or MAX");
            }
        }
    }

    public Deduplicate() {
        super(ID, "Deduplicate", "interactions", PortTypes.INTERACTIONS, Settings.class,
                "Merges rows of the same user and item into one: keep the latest by time, or the mean, sum or maximum"
                        + " of their weights.");
    }

    @Override
    public Settings defaultSettings() {
        return new Settings(Strategy.KEEP_LAST);
    }

    @Override
    Serializable compute(Settings s, InteractionTable in, ExecutionContext ctx) {
        int n = in.size();
        long items = in.items().size();
        LongIntMap firstRow = new LongIntMap(n);
        int[] group = new int[n];
        int[] groupFirst = new int[n];
        int groups = 0;
        for (int r = 0; r < n; r++) {
            if ((r & 0xFFFF) == 0) {
                ctx.checkCancelled();
            }
            long key = in.user(r) * items + in.item(r);
            int g = firstRow.get(key, -1);
            if (g < 0) {
                g = groups++;
                firstRow.put(key, g);
                groupFirst[g] = r;
            }
            group[r] = g;
        }
        double[] sum = new double[groups];
        float[] max = new float[groups];
        float[] last = new float[groups];
        long[] lastTs = new long[groups];
        int[] count = new int[groups];
        java.util.Arrays.fill(max, Float.NEGATIVE_INFINITY);
        java.util.Arrays.fill(lastTs, Long.MIN_VALUE);
        for (int r = 0; r < n; r++) {
            int g = group[r];
            float w = in.weight(r);
            sum[g] += w;
            max[g] = Math.max(max[g], w);
            count[g]++;
            if (in.ts(r) >= lastTs[g]) {
                lastTs[g] = in.ts(r);
                last[g] = w;
            }
        }
        InteractionTable.Builder b = InteractionTable.builder(in.users(), in.items(), groups);
        for (int g = 0; g < groups; g++) {
            int r = groupFirst[g];
            float w = switch (s.strategy()) {
                case KEEP_LAST -> last[g];
                case MEAN -> (float) (sum[g] / count[g]);
                case SUM -> (float) sum[g];
                case MAX -> max[g];
            };
            b.add(in.user(r), in.item(r), w, lastTs[g]);
        }
        ctx.log("merged " + (n - groups) + " repeated rows (" + s.strategy() + "): " + groups + " of " + n + " rows remain");
        return b.build();
    }
}
