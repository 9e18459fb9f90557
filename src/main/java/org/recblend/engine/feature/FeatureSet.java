package org.recblend.engine.feature;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.recblend.domain.IdIndex;
import org.recblend.engine.model.FloatMatrix;
import org.recblend.engine.model.Fusion;
import org.recblend.engine.model.FusedFeatures;

/**
 * Dense features of the users or of the items of one id space, as named blocks. It is what the
 * fuse stage hands to models with feature towers: item attributes now, and text embeddings,
 * social and context features as further blocks, without a change to the models.
 */
public record FeatureSet(Side side, IdIndex ids, List<FeatureBlock> blocks, Fusion fusion) implements Serializable {
    /** Whose features these are. */
    public enum Side { USER, ITEM }

    public FeatureSet {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(ids, "ids");
        blocks = List.copyOf(blocks);
        fusion = fusion == null ? Fusion.CONCAT : fusion;
        for (FeatureBlock b : blocks) {
            if (b.values().rows() != ids.size()) {
                throw new IllegalArgumentException("Feature block " + b.name() + " has " + b.values().rows() + " rows for "
                        + ids.size() + " ids");
            }
        }
    }

    /** Blocks fused by concatenation. */
    public FeatureSet(Side side, IdIndex ids, List<FeatureBlock> blocks) {
        this(side, ids, blocks, Fusion.CONCAT);
    }

    /** The same blocks under another fusion mode. */
    public FeatureSet withFusion(Fusion newFusion) {
        return new FeatureSet(side, ids, blocks, newFusion);
    }

    /**
     * The blocks as the Hybrid model takes them, rows following {@code target}; null when there are
     * no columns.
     */
    public FusedFeatures fused(IdIndex target) {
        if (width() == 0) {
            return null;
        }
        int[] widths = blocks.stream().mapToInt(b -> b.values().cols()).toArray();
        return new FusedFeatures(matrixFor(target), blocks.stream().map(FeatureBlock::name).toList(), widths, fusion);
    }

    /** All features side by side in block order. */
    public int width() {
        return blocks.stream().mapToInt(b -> b.values().cols()).sum();
    }

    /** The column names, prefixed by their block. */
    public List<String> columns() {
        List<String> out = new ArrayList<>();
        for (FeatureBlock b : blocks) {
            b.columns().forEach(c -> out.add(b.name() + ":" + c));
        }
        return out;
    }

    /** Adds the blocks of another set over the same ids. */
    public FeatureSet plus(FeatureSet other) {
        if (other.side != side || !other.ids.equals(ids)) {
            throw new IllegalArgumentException("Feature sets of different sides or id spaces cannot be joined");
        }
        List<FeatureBlock> all = new ArrayList<>(blocks);
        all.addAll(other.blocks);
        // The fuse stage's mode wins over the plain concatenation of item-table features.
        return new FeatureSet(side, ids, all, fusion.mode() == Fusion.Mode.CONCAT ? other.fusion : fusion);
    }

    /** The same blocks with rows re-ordered to follow {@code target} (matched by external id; unknown ids get zeros). */
    public FeatureSet alignedTo(IdIndex target) {
        if (target.equals(ids)) {
            return this;
        }
        List<FeatureBlock> aligned = new ArrayList<>();
        for (FeatureBlock b : blocks) {
            FeatureSet one = new FeatureSet(side, ids, List.of(b));
            aligned.add(new FeatureBlock(b.name(), b.columns(), one.matrixFor(target)));
        }
        return new FeatureSet(side, target, aligned, fusion);
    }

    /**
     * All blocks as one matrix whose rows follow {@code target}: rows are matched by external id,
     * and ids this set does not know get zeros.
     */
    public FloatMatrix matrixFor(IdIndex target) {
        int width = width();
        float[] out = new float[target.size() * width];
        boolean same = target.equals(ids);
        for (int t = 0; t < target.size(); t++) {
            int r = same ? t : ids.indexOf(target.id(t));
            if (r < 0) {
                continue;
            }
            int col = 0;
            for (FeatureBlock b : blocks) {
                FloatMatrix v = b.values();
                System.arraycopy(v.data(), r * v.cols(), out, t * width + col, v.cols());
                col += v.cols();
            }
        }
        return new FloatMatrix(target.size(), width, out);
    }
}
