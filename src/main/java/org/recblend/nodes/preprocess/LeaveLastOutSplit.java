package org.recblend.nodes.preprocess;

import org.recblend.pipeline.SettingDoc;
import java.util.Map;
import java.io.Serializable;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.Split;
import org.recblend.pipeline.ExecutionContext;
import org.recblend.pipeline.InvalidSettingsException;
import org.recblend.pipeline.NodeSettings;
import org.recblend.pipeline.PortTypes;

/**
 * For every user, the latest interaction goes to test and, optionally, the one before it to
 * validation. Users with too few rows stay wholly in training. Among rows of equal time the later
 * row in the table counts as later.
 */
public final class LeaveLastOutSplit extends InteractionsKind<LeaveLastOutSplit.Settings> {
    public static final String ID = "preprocess.split.leavelast";

    /**
     * @param validation   also hold out the second-latest row for validation
     * @param minTrainRows rows a user must keep in training to be held out from at all
     */
    public record Settings(boolean validation, int minTrainRows) implements NodeSettings {
        @Override
        public void validate() throws InvalidSettingsException {
            if (minTrainRows < 1) {
                throw new InvalidSettingsException("Minimum training rows per user must be at least 1, not " + minTrainRows);
            }
        }
    }

    public LeaveLastOutSplit() {
        super(ID, "Leave-last-out split", "split", PortTypes.SPLIT, Settings.class,
                "Puts each user's latest interaction in test (and the one before in validation, if chosen). Users who"
                        + " would keep fewer than the minimum training rows stay wholly in training. Needs timestamps.");
    }

    @Override
    public Map<String, SettingDoc> settingDocs() {
        return SettingDoc.builder()
                .setting("validation", "Validation row", "Also hold out the second-latest row for validation")
                .setting("minTrainRows", "Minimum training rows", "Rows a user must keep in training to be held out from at all")
                .build();
    }

    @Override
    public Settings defaultSettings() {
        return new Settings(false, 1);
    }

    @Override
    Serializable compute(Settings s, InteractionTable in, ExecutionContext ctx) {
        Splits.requireTimestamps(in, "The leave-last-out split");
        byte[] part = new byte[in.size()];
        int holdout = s.validation() ? 2 : 1;
        int[][] byUser = in.rowsByUser();
        int heldOut = 0;
        for (int u = 0; u < byUser.length; u++) {
            if ((u & 0x3FF) == 0) {
                ctx.checkCancelled();
            }
            int[] rows = byUser[u];
            if (rows.length < s.minTrainRows() + holdout) {
                continue;
            }
            int last = rows[0];
            int second = -1;
            for (int k = 1; k < rows.length; k++) {
                int r = rows[k];
                if (in.ts(r) >= in.ts(last)) {
                    second = last;
                    last = r;
                } else if (second < 0 || in.ts(r) >= in.ts(second)) {
                    second = r;
                }
            }
            part[last] = Splits.TEST;
            if (s.validation()) {
                part[second] = Splits.VALIDATION;
            }
            heldOut++;
        }
        Split split = Splits.build(in, part, ctx);
        ctx.log("leave-last-out: " + heldOut + " users held out: " + split);
        return split;
    }
}
