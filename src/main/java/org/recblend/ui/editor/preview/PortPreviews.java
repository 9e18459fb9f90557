package org.recblend.ui.editor.preview;

import org.recblend.domain.Embeddings;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.ItemTable;
import org.recblend.domain.SocialGraph;
import org.recblend.domain.Split;
import org.recblend.domain.TextCorpus;
import org.recblend.domain.UserTable;
import org.recblend.engine.TrainedModel;
import org.recblend.engine.eval.EvaluationResult;
import org.recblend.engine.feature.FeatureSet;
import org.recblend.engine.recommend.Recommendations;
import org.recblend.pipeline.PortData;

/**
 * Picks the preview of a port's data by what the data is, so a port type added by a later node kind
 * that reuses one of these classes is previewed without a change here; anything else gets a line.
 */
public final class PortPreviews {
    private PortPreviews() {
    }

    /** The preview of one output of node {@code nodeId}; item titles come from {@code items} when given (may be null). */
    public static PortPreview of(String nodeId, PortData data, ItemTable items) {
        ItemLabels labels = items == null ? ItemLabels.NONE : new ItemLabels(items);
        Object v = data.value();
        if (v instanceof InteractionTable t) {
            return DataTables.interactions(t);
        } else if (v instanceof Split s) {
            return DataTables.split(s);
        } else if (v instanceof ItemTable t) {
            return DataTables.items(t);
        } else if (v instanceof UserTable t) {
            return DataTables.users(t);
        } else if (v instanceof TextCorpus t) {
            return DataTables.texts(t);
        } else if (v instanceof SocialGraph g) {
            return DataTables.social(g);
        } else if (v instanceof FeatureSet f) {
            return ResultTables.features(f);
        } else if (v instanceof Recommendations r) {
            return ResultTables.recommendations(r, labels);
        } else if (v instanceof Embeddings e) {
            return NearestNeighbours.of(e, labels);
        } else if (v instanceof TrainedModel m) {
            return ModelPreviews.of(nodeId, m);
        } else if (v instanceof EvaluationResult r) {
            return MetricPreviews.of(r);
        }
        return new PortPreview.Message(data.type().displayName() + ": " + v + " (no preview for this kind of output)");
    }

    /** The preview without item titles. */
    public static PortPreview of(String nodeId, PortData data) {
        return of(nodeId, data, null);
    }
}
