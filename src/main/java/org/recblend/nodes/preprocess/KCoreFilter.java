package org.recblend.nodes.preprocess;

import java.io.Serializable;
import org.recblend.domain.InteractionTable;
import org.recblend.pipeline.ExecutionContext;
import org.recblend.pipeline.InvalidSettingsException;
import org.recblend.pipeline.NodeSettings;
import org.recblend.pipeline.PortTypes;

/**
 * Drops users and items with too few interactions, again and again, until every remaining user
 * and item has enough (removing an item can push a user below the bar, so one pass is not enough).
 */
public final class KCoreFilter extends InteractionsKind<KCoreFilter.Settings> {
    public static final String ID = "preprocess.kcore";

    /**
     * @param minUserInteractions rows every remaining user must have
     * @param minItemInteractions rows every remaining item must have
     */
    public record Settings(int minUserInteractions, int minItemInteractions) implements NodeSettings {
        @Override
        public void validate() throws InvalidSettingsException {
            if (minUserInteractions < 1) {
                throw new InvalidSettingsException("Minimum interactions per user must be at least 1, not " + minUserInteractions);
            }
            if (minItemInteractions < 1) {
                throw new InvalidSettingsException("Minimum interactions per item must be at least 1, not " + minItemInteractions);
            }
        }
    }

    public KCoreFilter() {
        super(ID, "K-core filter", "interactions", PortTypes.INTERACTIONS, Settings.class,
                "Repeatedly removes users with fewer than the minimum interactions and items with fewer than theirs,"
                        + " until every remaining user and item has at least that many.");
    }

    @Override
    public Settings defaultSettings() {
        return new Settings(5, 5);
    }

    @Override
    Serializable compute(Settings s, InteractionTable in, ExecutionContext ctx) {
        int n = in.size();
        boolean[] alive = new boolean[n];
        java.util.Arrays.fill(alive, true);
        int[] userCount = in.userCounts();
        int[] itemCount = in.itemCounts();
        int remaining = n;
        int pass = 0;
        boolean changed = true;
        while (changed) {
            ctx.checkCancelled();
            changed = false;
            pass++;
            for (int r = 0; r < n; r++) {
                if (alive[r] && (userCount[in.user(r)] < s.minUserInteractions() || itemCount[in.item(r)] < s.minItemInteractions())) {
                    alive[r] = false;
                    userCount[in.user(r)]--;
                    itemCount[in.item(r)]--;
                    remaining--;
                    changed = true;
                }
                if ((r & 0xFFFF) == 0) {
                    ctx.checkCancelled();
                }
            }
            ctx.progress(-1, "pass " + pass + ": " + remaining + " rows remain");
        }
        InteractionTable out = in.filter(r -> alive[r]);
        ctx.log(String.format("k-core (users >= %d, items >= %d): %d of %d rows, %d users, %d items after %d passes",
                s.minUserInteractions(), s.minItemInteractions(), out.size(), n, out.distinctUsers(), out.distinctItems(), pass));
        return out;
    }
}
