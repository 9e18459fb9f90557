package org.recblend.nodes.preprocess;

import java.io.Serializable;
import org.recblend.domain.InteractionTable;
import org.recblend.pipeline.ExecutionContext;
import org.recblend.pipeline.InvalidSettingsException;
import org.recblend.pipeline.NodeSettings;
import org.recblend.pipeline.PortTypes;

/** Keeps interactions whose weight reaches a threshold, or turns weights into 1/0 at it. */
public final class RatingThreshold extends InteractionsKind<RatingThreshold.Settings> {
    public static final String ID = "preprocess.threshold";

    /** What to do with the threshold. */
    public enum Mode {
        /** Keep rows with weight ≥ threshold, weights unchanged. */
        FILTER,
        /** Keep every row; weight becomes 1 when ≥ threshold, else 0. */
        BINARISE,
        /** Keep rows with weight ≥ threshold, each with weight 1 (implicit positive feedback). */
        FILTER_AND_BINARISE
    }

    /**
     * @param threshold the weight (rating) a row must reach
     * @param mode      filter, binarise, or both
     */
    public record Settings(double threshold, Mode mode) implements NodeSettings {
        @Override
        public void validate() throws InvalidSettingsException {
            if (!Double.isFinite(threshold)) {
                throw new InvalidSettingsException("Threshold must be a number, not " + threshold);
            }
            if (mode == null) {
                throw InvalidSettingsException.notConfigured("Choose a mode: FILTER, BINARISE or FILTER_AND_BINARISE");
            }
        }
    }

    public RatingThreshold() {
        super(ID, "Rating threshold", "interactions", PortTypes.INTERACTIONS, Settings.class,
                "Keeps interactions whose weight (rating) is at least the threshold, or binarises weights to 1 (at least"
                        + " the threshold) and 0 (below), or both: keep those at least the threshold with weight 1.");
    }

    @Override
    public Settings defaultSettings() {
        return new Settings(4.0, Mode.FILTER);
    }

    @Override
    Serializable compute(Settings s, InteractionTable in, ExecutionContext ctx) {
        float t = (float) s.threshold();
        InteractionTable out = s.mode() == Mode.BINARISE ? in : in.filter(r -> in.weight(r) >= t);
        if (s.mode() != Mode.FILTER) {
            float[] w = new float[out.size()];
            for (int r = 0; r < w.length; r++) {
                w[r] = out.weight(r) >= t ? 1f : 0f;
            }
            out = out.withWeights(w);
        }
        ctx.log("kept " + out.size() + " of " + in.size() + " rows (threshold " + s.threshold() + ", " + s.mode() + ")");
        return out;
    }
}
