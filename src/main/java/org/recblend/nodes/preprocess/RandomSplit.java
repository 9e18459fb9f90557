package org.recblend.nodes.preprocess;

import org.recblend.pipeline.SettingDoc;
import java.util.Map;
import java.io.Serializable;
import java.util.SplittableRandom;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.Split;
import org.recblend.pipeline.ExecutionContext;
import org.recblend.pipeline.InvalidSettingsException;
import org.recblend.pipeline.PortTypes;
import org.recblend.pipeline.SeededSettings;

/**
 * Splits each user's interactions at random in the given shares (stratified by user), so every
 * user with enough rows appears in training and in test. Each user's rows are put in a fixed order
 * (item, time, weight) before the seeded shuffle, so the split does not depend on row order.
 */
public final class RandomSplit extends InteractionsKind<RandomSplit.Settings> {
    public static final String ID = "preprocess.split.random";

    /**
     * @param testShare       share of each user's rows for test, e.g. 0.25
     * @param validationShare share for validation (0 for none)
     * @param seed            seed of the shuffle
     */
    public record Settings(double testShare, double validationShare, long seed) implements SeededSettings {
        @Override
        public void validate() throws InvalidSettingsException {
            Splits.checkShares(testShare, validationShare);
        }

        @Override
        public Settings withSeed(long newSeed) {
            return new Settings(testShare, validationShare, newSeed);
        }
    }

    public RandomSplit() {
        super(ID, "Random split (per user)", "split", PortTypes.SPLIT, Settings.class,
                "For every user, puts a random share of their interactions in test (and validation), the rest in"
                        + " training. Shares are rounded per user; a user always keeps at least one training row.");
    }

    @Override
    public Map<String, SettingDoc> settingDocs() {
        return SettingDoc.builder()
                .setting("testShare", "Share of each user's rows for test, e.g. 0.25")
                .setting("validationShare", "Share of each user's rows for validation (0 for none)")
                .setting("seed", "Seed of the shuffle")
                .build();
    }

    @Override
    public Settings defaultSettings() {
        return new Settings(0.25, 0.0, 42);
    }

    @Override
    Serializable compute(Settings s, InteractionTable in, ExecutionContext ctx) {
        byte[] part = new byte[in.size()];
        SplittableRandom random = new SplittableRandom(s.seed());
        int[][] byUser = in.rowsByUser();
        for (int u = 0; u < byUser.length; u++) {
            if ((u & 0x3FF) == 0) {
                ctx.checkCancelled();
                ctx.progress((double) u / byUser.length, "splitting users");
            }
            int[] rows = byUser[u];
            int n = rows.length;
            if (n == 0) {
                continue;
            }
            RowSort.sort(rows, (a, b) -> {
                int c = Integer.compare(in.item(a), in.item(b));
                c = c != 0 ? c : Long.compare(in.ts(a), in.ts(b));
                return c != 0 ? c : Float.compare(in.weight(a), in.weight(b));
            });
            Splits.shuffle(rows, random);
            int test = (int) Math.round(n * s.testShare());
            int validation = (int) Math.round(n * s.validationShare());
            if (test + validation >= n) {
                validation = Math.max(0, Math.min(validation, n - 1 - test));
                test = Math.max(0, Math.min(test, n - 1 - validation));
            }
            for (int k = 0; k < test; k++) {
                part[rows[k]] = Splits.TEST;
            }
            for (int k = test; k < test + validation; k++) {
                part[rows[k]] = Splits.VALIDATION;
            }
        }
        Split split = Splits.build(in, part, ctx);
        ctx.log("random split (seed " + s.seed() + "): " + split);
        return split;
    }
}
