package org.recblend.nodes.fuse;

import org.recblend.pipeline.SettingDoc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.recblend.domain.Embeddings;
import org.recblend.domain.IdIndex;
import org.recblend.domain.ItemTable;
import org.recblend.engine.feature.FeatureBlock;
import org.recblend.engine.feature.FeatureSet;
import org.recblend.engine.feature.ItemFeatures;
import org.recblend.engine.feature.NumericBins;
import org.recblend.engine.model.FloatMatrix;
import org.recblend.engine.model.Fusion;
import org.recblend.nodes.train.FeaturePorts;
import org.recblend.pipeline.BaseNodeKind;
import org.recblend.pipeline.ExecutionContext;
import org.recblend.pipeline.InvalidSettingsException;
import org.recblend.pipeline.NodeDescriptor;
import org.recblend.pipeline.NodeSettings;
import org.recblend.pipeline.PortData;
import org.recblend.pipeline.PortSpec;
import org.recblend.pipeline.PortTypes;
import org.recblend.pipeline.Stage;

/**
 * The fuse stage: gathers per-source embeddings (text, social, context, sentiment…) and item
 * content (categories, each numeric attribute) into one feature set per side, each source a named
 * block, and says how the Hybrid model fuses them (concatenation, fixed weights, learned gates or
 * attention). One node with a mode setting rather than one kind per mode, so that trying another
 * fusion is a settings change, not a rewiring, and a seeded sweep can vary it.
 */
public final class FuseFeatures extends BaseNodeKind<FuseFeatures.Settings> {
    public static final String ID = "fuse.features";
    static final List<String> EMBEDDING_PORTS = List.of("text", "text 2", "social", "context", "sentiment");
    static final String ITEMS = "items";
    static final String ITEM_OUT = "item features";
    static final String USER_OUT = "user features";

    /**
     * @param mode      how the Hybrid combines the sources
     * @param weights   weighted mode: the weight of every source by block name (e.g. "text:minilm-l6-v2-q",
     *                  "categories", "year"); must name exactly the sources that arrive
     * @param normalise scale every block so its rows have mean length 1, so no source wins by its scale alone
     * @param itemContent which sources of the ItemTable to use ("categories", a numeric attribute such as "year");
     *                    empty for all
     * @param numericBins a numeric attribute becomes indicators of up to this many quantile bins; 0 keeps it as one
     *                    standardised column (decision 0018)
     */
    public record Settings(Fusion.Mode mode, Map<String, Double> weights, boolean normalise, List<String> itemContent,
            int numericBins) implements NodeSettings {
        /** The default number of quantile bins of a numeric attribute. */
        public static final int DEFAULT_BINS = 50;

        public Settings {
            weights = weights == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
            itemContent = itemContent == null ? List.of() : List.copyOf(itemContent);
        }

        /** All of the ItemTable's content, numeric attributes in the default bins. */
        public Settings(Fusion.Mode mode, Map<String, Double> weights, boolean normalise) {
            this(mode, weights, normalise, List.of(), DEFAULT_BINS);
        }

        public Settings(Fusion.Mode mode, Map<String, Double> weights, boolean normalise, List<String> itemContent) {
            this(mode, weights, normalise, itemContent, DEFAULT_BINS);
        }

        @Override
        public void validate() throws InvalidSettingsException {
            if (mode == null) {
                throw new InvalidSettingsException("mode must be one of concat, weighted, gated, attention");
            }
            for (Map.Entry<String, Double> w : weights.entrySet()) {
                if (w.getValue() == null || !(w.getValue() >= 0) || w.getValue().isInfinite()) {
                    throw new InvalidSettingsException("The weight of source '" + w.getKey() + "' must be a number of 0 or more, not "
                            + w.getValue());
                }
            }
            if (numericBins < 0 || numericBins > 1000) {
                throw new InvalidSettingsException("numericBins must be between 0 (one standardised column) and 1000, not "
                        + numericBins);
            }
            if (mode == Fusion.Mode.WEIGHTED && weights.isEmpty()) {
                throw new InvalidSettingsException("Weighted fusion needs a weight for every source (settings 'weights')");
            }
            if (mode != Fusion.Mode.WEIGHTED && !weights.isEmpty()) {
                throw new InvalidSettingsException("Weights are used by weighted fusion only; the mode is " + mode.name().toLowerCase());
            }
        }
    }

    public FuseFeatures() {
        super(describe(), Settings.class);
    }

    private static NodeDescriptor describe() {
        List<PortSpec> inputs = new ArrayList<>();
        EMBEDDING_PORTS.forEach(p -> inputs.add(PortSpec.optional(p, PortTypes.EMBEDDINGS)));
        inputs.add(PortSpec.optional(ITEMS, PortTypes.ITEM_TABLE));
        return new NodeDescriptor(ID, "Fuse features", Stage.FUSE, inputs,
                List.of(PortSpec.of(ITEM_OUT, FeaturePorts.FEATURE_SET), PortSpec.of(USER_OUT, FeaturePorts.FEATURE_SET)),
                "Puts every source (text, social, context or sentiment embeddings; item categories and numeric attributes,"
                        + " the latter as indicators of up to 'numericBins' quantile bins, from an ItemTable) into a feature set"
                        + " per side, one named block per source, for the Hybrid"
                        + " model. Mode: concat (one linear map of all sources), weighted (fixed weights), gated (a learned"
                        + " gate per source) or attention (per entity, a softmax over sources). Item sources leave by the"
                        + " item port, user sources by the user port.");
    }

    @Override
    public Map<String, SettingDoc> settingDocs() {
        return SettingDoc.builder()
                .setting("mode", "Fusion mode", "How the Hybrid combines the sources: concat, weighted (fixed weights),"
                        + " gated (a learned gate per source) or attention")
                .setting("weights", "Source weights", "Weighted mode only: the weight of every source by block name, e.g."
                        + " text:minilm-l6-v2-q = 2, categories = 1; must name exactly the sources that arrive")
                .setting("normalise", "Normalise blocks", "Scale every block so its rows have mean length 1, so no source"
                        + " wins by its scale alone")
                .setting("itemContent", "Item content", "Which sources of the ItemTable to use (categories, a numeric"
                        + " attribute such as year); empty for all")
                .setting("numericBins", "Numeric bins", "A numeric attribute becomes indicators of up to this many quantile"
                        + " bins; 0 keeps it as one standardised column")
                .build();
    }

    @Override
    public Settings defaultSettings() {
        return new Settings(Fusion.Mode.GATED, Map.of(), true, List.of(), Settings.DEFAULT_BINS);
    }

    @Override
    public List<PortSpec> configure(Settings settings, List<PortSpec> inputs) throws InvalidSettingsException {
        settings.validate();
        if (inputs.stream().allMatch(p -> p == null)) {
            throw new InvalidSettingsException("Connect at least one source: embeddings (" + String.join(", ", EMBEDDING_PORTS)
                    + ") or an ItemTable");
        }
        return descriptor().outputs();
    }

    @Override
    public List<PortData> execute(Settings s, List<PortData> inputs, ExecutionContext ctx) throws Exception {
        List<FeatureBlock> itemBlocks = new ArrayList<>();
        List<FeatureBlock> userBlocks = new ArrayList<>();
        IdIndex itemIds = null;
        IdIndex userIds = null;
        ItemTable table = inputs.size() > EMBEDDING_PORTS.size() && inputs.get(EMBEDDING_PORTS.size()) != null
                ? inputs.get(EMBEDDING_PORTS.size()).as(ItemTable.class) : null;
        if (table != null) {
            itemIds = table.items();
            itemBlocks.addAll(selected(itemTableBlocks(table, s.numericBins()), s.itemContent()));
        }
        List<Embeddings> sources = new ArrayList<>();
        for (int k = 0; k < EMBEDDING_PORTS.size() && k < inputs.size(); k++) {
            if (inputs.get(k) != null) {
                sources.add(inputs.get(k).as(Embeddings.class));
            }
        }
        if (table == null && sources.isEmpty()) {
            throw new InvalidSettingsException("Connect at least one source: embeddings or an ItemTable");
        }
        for (Embeddings e : sources) {
            boolean item = e.side() == Embeddings.Side.ITEM;
            IdIndex base = item ? itemIds : userIds;
            if (base == null) {
                base = e.ids();
                if (item) {
                    itemIds = base;
                } else {
                    userIds = base;
                }
            }
            FeatureSet.Side side = item ? FeatureSet.Side.ITEM : FeatureSet.Side.USER;
            FeatureBlock block = new FeatureBlock(e.source(), columns(e.dim()), new FloatMatrix(e.size(), e.dim(), e.values()));
            FeatureSet one = new FeatureSet(side, e.ids(), List.of(block)).alignedTo(base);
            (item ? itemBlocks : userBlocks).add(one.blocks().get(0));
            ctx.log(String.format("%s source %s: %d of %d rows carry a vector, %d columns", side.name().toLowerCase(), e.source(),
                    e.presentCount(), e.size(), e.dim()));
        }
        checkUnique(itemBlocks, "item");
        checkUnique(userBlocks, "user");
        if (s.normalise()) {
            itemBlocks.replaceAll(FuseFeatures::normalised);
            userBlocks.replaceAll(FuseFeatures::normalised);
        }
        Fusion fusion = new Fusion(s.mode(), s.weights());
        if (s.mode() == Fusion.Mode.WEIGHTED) {
            checkWeights(s.weights(), itemBlocks, userBlocks);
        }
        FeatureSet items = new FeatureSet(FeatureSet.Side.ITEM, itemIds == null ? IdIndex.of() : itemIds, itemBlocks, fusion);
        FeatureSet users = new FeatureSet(FeatureSet.Side.USER, userIds == null ? IdIndex.of() : userIds, userBlocks, fusion);
        ctx.log("fused by " + s.mode().name().toLowerCase() + ": items " + names(itemBlocks) + ", users " + names(userBlocks));
        return List.of(PortData.of(FeaturePorts.FEATURE_SET, items), PortData.of(FeaturePorts.FEATURE_SET, users));
    }

    /**
     * Categories as one block, and every numeric attribute (release year, price…) as a block of its own:
     * indicators of up to {@code bins} quantile bins, or with {@code bins} 0 one standardised column.
     */
    public static List<FeatureBlock> itemTableBlocks(ItemTable table, int bins) {
        List<FeatureBlock> out = new ArrayList<>();
        for (FeatureBlock b : ItemFeatures.of(table).blocks()) {
            if (!b.name().equals("attributes")) {
                out.add(b);
                continue;
            }
            for (int c = 0; c < b.values().cols(); c++) {
                String name = b.columns().get(c);
                out.add(bins == 0 ? standardised(b, c) : NumericBins.of(name, ItemFeatures.numbers(table, name), bins));
            }
        }
        return out;
    }

    private static FeatureBlock standardised(FeatureBlock b, int c) {
        FloatMatrix v = b.values();
        float[] col = new float[v.rows()];
        for (int r = 0; r < v.rows(); r++) {
            col[r] = v.get(r, c);
        }
        return new FeatureBlock(b.columns().get(c), List.of(b.columns().get(c)), new FloatMatrix(v.rows(), 1, col));
    }

    private static List<FeatureBlock> selected(List<FeatureBlock> blocks, List<String> wanted) throws InvalidSettingsException {
        if (wanted.isEmpty()) {
            return blocks;
        }
        List<String> names = blocks.stream().map(FeatureBlock::name).toList();
        List<String> unknown = wanted.stream().filter(w -> !names.contains(w)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidSettingsException("itemContent names " + unknown + ", which the ItemTable does not have; it has " + names);
        }
        return blocks.stream().filter(b -> wanted.contains(b.name())).toList();
    }

    private static List<String> columns(int dim) {
        List<String> c = new ArrayList<>(dim);
        for (int k = 0; k < dim; k++) {
            c.add(String.valueOf(k));
        }
        return c;
    }

    private static void checkUnique(List<FeatureBlock> blocks, String side) throws InvalidSettingsException {
        Set<String> seen = new LinkedHashSet<>();
        for (FeatureBlock b : blocks) {
            if (!seen.add(b.name())) {
                throw new InvalidSettingsException("Two " + side + " sources are both named '" + b.name()
                        + "': connect each encoder once (two different encoders have different names)");
            }
        }
    }

    private static void checkWeights(Map<String, Double> weights, List<FeatureBlock> items, List<FeatureBlock> users)
            throws InvalidSettingsException {
        Set<String> names = new LinkedHashSet<>();
        items.forEach(b -> names.add(b.name()));
        users.forEach(b -> names.add(b.name()));
        Set<String> unknown = new LinkedHashSet<>(weights.keySet());
        unknown.removeAll(names);
        Set<String> missing = new LinkedHashSet<>(names);
        missing.removeAll(weights.keySet());
        if (!unknown.isEmpty() || !missing.isEmpty()) {
            throw new InvalidSettingsException("The weights do not match the sources " + names
                    + (unknown.isEmpty() ? "" : "; no source is named " + unknown)
                    + (missing.isEmpty() ? "" : "; no weight for " + missing));
        }
    }

    /** The block scaled so its non-zero rows have mean Euclidean length 1. */
    public static FeatureBlock normalised(FeatureBlock b) {
        FloatMatrix v = b.values();
        double sum = 0;
        int count = 0;
        for (int r = 0; r < v.rows(); r++) {
            double sq = 0;
            for (int c = 0; c < v.cols(); c++) {
                sq += (double) v.get(r, c) * v.get(r, c);
            }
            if (sq > 0) {
                sum += Math.sqrt(sq);
                count++;
            }
        }
        if (count == 0 || Math.abs(sum / count - 1) < 1e-9) {
            return b;
        }
        float scale = (float) (count / sum);
        float[] d = v.data().clone();
        for (int k = 0; k < d.length; k++) {
            d[k] *= scale;
        }
        return new FeatureBlock(b.name(), b.columns(), new FloatMatrix(v.rows(), v.cols(), d));
    }

    private static String names(List<FeatureBlock> blocks) {
        return blocks.stream().map(b -> b.name() + "(" + b.values().cols() + ")").toList().toString();
    }
}
