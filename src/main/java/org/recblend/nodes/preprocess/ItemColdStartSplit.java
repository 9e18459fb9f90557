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
 * Holds out a random share of items entirely: every interaction with a test item goes to test (and
 * with a validation item to validation), so no test item is seen in training. This measures how a
 * model does on new items, where only content can help.
 */
public final class ItemColdStartSplit extends InteractionsKind<ItemColdStartSplit.Settings> {
    public static final String ID = "preprocess.split.coldstart";

    /**
     * @param testShare       share of items (with interactions) held out for test
     * @param validationShare share of items held out for validation (0 for none)
     * @param seed            seed of the item draw
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

    public ItemColdStartSplit() {
        super(ID, "Item cold-start split", "split", PortTypes.SPLIT, Settings.class,
                "Draws a share of the items that have interactions and moves all their interactions to test (and a"
                        + " further share to validation): test items never appear in training.");
    }

    @Override
    public Map<String, SettingDoc> settingDocs() {
        return SettingDoc.builder()
                .setting("testShare", "Share of the items (with interactions) held out for test")
                .setting("validationShare", "Share of the items held out for validation (0 for none)")
                .setting("seed", "Seed of the item draw")
                .build();
    }

    @Override
    public Settings defaultSettings() {
        return new Settings(0.2, 0.0, 42);
    }

    @Override
    Serializable compute(Settings s, InteractionTable in, ExecutionContext ctx) {
        int[] counts = in.itemCounts();
        int m = 0;
        for (int c : counts) {
            if (c > 0) {
                m++;
            }
        }
        int[] present = new int[m];
        for (int i = 0, k = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                present[k++] = i;
            }
        }
        Splits.shuffle(present, new SplittableRandom(s.seed()));
        int test = (int) Math.round(m * s.testShare());
        int validation = Math.min((int) Math.round(m * s.validationShare()), m - test);
        byte[] itemPart = new byte[counts.length];
        for (int k = 0; k < test + validation; k++) {
            itemPart[present[k]] = k < test ? Splits.TEST : Splits.VALIDATION;
        }
        ctx.checkCancelled();
        byte[] part = new byte[in.size()];
        for (int r = 0; r < part.length; r++) {
            part[r] = itemPart[in.item(r)];
        }
        Split split = Splits.build(in, part, ctx);
        ctx.log("item cold start (seed " + s.seed() + "): " + test + " test items, " + validation + " validation items of "
                + m + ": " + split);
        return split;
    }
}
