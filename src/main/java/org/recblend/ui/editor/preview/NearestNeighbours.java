package org.recblend.ui.editor.preview;

import java.util.ArrayList;
import java.util.List;
import org.recblend.domain.Embeddings;
import org.recblend.results.ItemMapVectors;

/**
 * Judges embeddings the way an analyst would: do the nearest neighbours of a few items look alike?
 * A brute-force cosine scan per anchor ({@link ItemMapVectors}); a handful of anchors over a
 * catalogue of 100,000 vectors is still well under a second, and the scan runs off the UI thread.
 */
final class NearestNeighbours {
    static final int ANCHORS = 5;
    static final int NEIGHBOURS = 5;

    private NearestNeighbours() {
    }

    static PortPreview.Neighbours of(Embeddings e, ItemLabels itemLabels) {
        ItemLabels labels = e.side() == Embeddings.Side.ITEM ? itemLabels : ItemLabels.NONE;
        // the cosine scan is shared with the item explorer and the user inspector
        ItemMapVectors vectors = new ItemMapVectors(e.values(), e.size(), e.dim(), e.present());
        List<PortPreview.Anchor> anchors = new ArrayList<>();
        // the first entities in id order that carry a vector: stable from run to run, so a change shows
        for (int a = 0; a < e.size() && anchors.size() < ANCHORS; a++) {
            if (vectors.hasVector(a)) {
                anchors.add(new PortPreview.Anchor(e.ids().id(a), labels.label(e.ids(), a), nearest(e, vectors, a, labels)));
            }
        }
        String noun = e.side() == Embeddings.Side.ITEM ? "item" : "user";
        String summary = Cells.count(e.size(), noun + " vector") + " × " + Cells.count(e.dim(), "dimension")
                + " (" + Cells.integer(e.presentCount()) + " with a vector) · " + Cells.source(e.source());
        if (anchors.isEmpty()) {
            summary += " · no non-zero vector to compare";
        }
        return new PortPreview.Neighbours(summary, e.size(), e.dim(), anchors);
    }

    private static List<PortPreview.Neighbour> nearest(Embeddings e, ItemMapVectors vectors, int anchor, ItemLabels labels) {
        List<PortPreview.Neighbour> out = new ArrayList<>(NEIGHBOURS);
        for (ItemMapVectors.Neighbour n : vectors.nearest(anchor, NEIGHBOURS)) {
            out.add(new PortPreview.Neighbour(e.ids().id(n.row()), labels.label(e.ids(), n.row()), n.cosine()));
        }
        return out;
    }
}
