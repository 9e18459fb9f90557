package org.recblend.nodes.preprocess;

import org.recblend.pipeline.SettingDoc;
import java.util.Map;
import java.io.Serializable;
import java.time.Instant;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.Split;
import org.recblend.pipeline.ExecutionContext;
import org.recblend.pipeline.InvalidSettingsException;
import org.recblend.pipeline.NodeSettings;
import org.recblend.pipeline.PortTypes;

/**
 * Splits all interactions at points in time: the latest share goes to test, the share before it to
 * validation. The cut times are quantiles of the timestamps, and rows at a cut time go to the later
 * part, so no test row is older than a training row.
 */
public final class TemporalSplit extends InteractionsKind<TemporalSplit.Settings> {
    public static final String ID = "preprocess.split.temporal";

    /**
     * @param testShare       the latest share of rows for test, e.g. 0.2
     * @param validationShare the share before it for validation (0 for none)
     */
    public record Settings(double testShare, double validationShare) implements NodeSettings {
        @Override
        public void validate() throws InvalidSettingsException {
            Splits.checkShares(testShare, validationShare);
        }
    }

    public TemporalSplit() {
        super(ID, "Temporal split (global)", "split", PortTypes.SPLIT, Settings.class,
                "Cuts all interactions by time: the latest test share goes to test, the share before it to validation,"
                        + " the rest to training. Needs timestamps.");
    }

    @Override
    public Map<String, SettingDoc> settingDocs() {
        return SettingDoc.builder()
                .setting("testShare", "The latest share of rows for test, e.g. 0.2")
                .setting("validationShare", "The share before it for validation (0 for none)")
                .build();
    }

    @Override
    public Settings defaultSettings() {
        return new Settings(0.2, 0.0);
    }

    @Override
    Serializable compute(Settings s, InteractionTable in, ExecutionContext ctx) {
        Splits.requireTimestamps(in, "The temporal split");
        int n = in.size();
        byte[] part = new byte[n];
        if (n == 0) {
            return Splits.build(in, part, ctx);
        }
        long[] times = new long[n];
        for (int r = 0; r < n; r++) {
            times[r] = in.ts(r);
        }
        java.util.Arrays.sort(times);
        ctx.checkCancelled();
        long testCut = times[Math.min(n - 1, n - (int) Math.round(n * s.testShare()))];
        long validationCut = times[Math.max(0, Math.min(n - 1,
                n - (int) Math.round(n * (s.testShare() + s.validationShare()))))];
        boolean validation = s.validationShare() > 0;
        for (int r = 0; r < n; r++) {
            long t = in.ts(r);
            part[r] = t >= testCut ? Splits.TEST : validation && t >= validationCut ? Splits.VALIDATION : Splits.TRAIN;
        }
        Split split = Splits.build(in, part, ctx);
        ctx.log("temporal split: test from " + Instant.ofEpochSecond(testCut)
                + (validation ? ", validation from " + Instant.ofEpochSecond(validationCut) : "") + ": " + split);
        return split;
    }
}
