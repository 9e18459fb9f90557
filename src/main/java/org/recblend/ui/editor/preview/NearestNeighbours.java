package org.recblend.ui.editor.preview;

import java.util.ArrayList;
import java.util.List;
import org.recblend.domain.Embeddings;

/**
 * Judges embeddings the way an analyst would: do the nearest neighbours of a few items look alike?
 * A brute-force cosine scan per anchor; a handful of anchors over a catalogue of 100,000 vectors is
 * still well under a second, and the scan runs off the UI thread.
 */
final class NearestNeighbours {
    static final int ANCHORS = 5;
    static final int NEIGHBOURS = 5;

    private NearestNeighbours() {
    }

    static PortPreview.Neighbours of(Embeddings e, ItemLabels itemLabels) {
        ItemLabels labels = e.side() == Embeddings.Side.ITEM ? itemLabels : ItemLabels.NONE;
        double[] norms = norms(e);
        List<PortPreview.Anchor> anchors = new ArrayList<>();
        // the first entities in id order that carry a vector: stable from run to run, so a change shows
        for (int a = 0; a < e.size() && anchors.size() < ANCHORS; a++) {
            if (norms[a] > 0) {
                anchors.add(new PortPreview.Anchor(e.ids().id(a), labels.label(e.ids(), a), nearest(e, norms, a, labels)));
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

    private static List<PortPreview.Neighbour> nearest(Embeddings e, double[] norms, int anchor, ItemLabels labels) {
        int[] best = new int[NEIGHBOURS];
        double[] sims = new double[NEIGHBOURS];
        int found = 0;
        int dim = e.dim();
        float[] v = e.values();
        int base = anchor * dim;
        for (int r = 0; r < e.size(); r++) {
            if (r == anchor || norms[r] == 0) {
                continue;
            }
            double dot = 0;
            int off = r * dim;
            for (int c = 0; c < dim; c++) {
                dot += (double) v[base + c] * v[off + c];
            }
            // rounding can push a near-duplicate's cosine a hair past 1
            double sim = Math.max(-1, Math.min(1, dot / (norms[anchor] * norms[r])));
            if (found < NEIGHBOURS || sim > sims[found - 1]) {
                int at = Math.min(found, NEIGHBOURS - 1);
                while (at > 0 && sims[at - 1] < sim) {
                    sims[at] = sims[at - 1];
                    best[at] = best[at - 1];
                    at--;
                }
                sims[at] = sim;
                best[at] = r;
                found = Math.min(found + 1, NEIGHBOURS);
            }
        }
        List<PortPreview.Neighbour> out = new ArrayList<>(found);
        for (int i = 0; i < found; i++) {
            out.add(new PortPreview.Neighbour(e.ids().id(best[i]), labels.label(e.ids(), best[i]), sims[i]));
        }
        return out;
    }

    /** Row lengths; 0 for rows without a vector, which are then skipped. */
    private static double[] norms(Embeddings e) {
        double[] norms = new double[e.size()];
        float[] v = e.values();
        for (int r = 0; r < e.size(); r++) {
            if (!e.present(r)) {
                continue;
            }
            double s = 0;
            for (int c = 0; c < e.dim(); c++) {
                double x = v[r * e.dim() + c];
                s += x * x;
            }
            norms[r] = Math.sqrt(s);
        }
        return norms;
    }
}
