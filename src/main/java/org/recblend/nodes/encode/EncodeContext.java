package org.recblend.nodes.encode;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.recblend.domain.Embeddings;
import org.recblend.domain.InteractionContexts;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.Split;
import org.recblend.encode.EncodedFeatures;
import org.recblend.encode.context.ContextDistributions;
import org.recblend.encode.context.TimeFeatures;
import org.recblend.pipeline.ExecutionContext;
import org.recblend.pipeline.InvalidSettingsException;
import org.recblend.pipeline.NodeDescriptor;
import org.recblend.pipeline.BaseNodeKind;
import org.recblend.pipeline.NodeSettings;
import org.recblend.pipeline.PortData;
import org.recblend.pipeline.PortSpec;
import org.recblend.pipeline.PortTypes;
import org.recblend.pipeline.Stage;
import org.recblend.store.ProjectStore;
import org.recblend.store.StoredDataset;

/**
 * Context features per user and per item: time of activity (hour and weekday distributions,
 * recency, span) from the interactions' timestamps, and categorical context (device, channel, …)
 * as value distributions, read from the project for the rows of the training part only.
 */
public final class EncodeContext extends BaseNodeKind<EncodeContext.Settings> {
    public static final String ID = "encode.context";
    static final String INTERACTIONS = "interactions";
    static final String SPLIT = "split";

    /** The feature groups the node can make. */
    public enum Feature { HOUR, WEEKDAY, RECENCY, ACTIVITY, CATEGORICAL }

    /**
     * @param features  the groups to make
     * @param zone      the time zone of hours and weekdays, e.g. "UTC" or "Europe/Berlin"
     * @param dataset   the dataset whose stored context columns CATEGORICAL reads
     * @param sources   its sources to read (empty: all)
     * @param maxOneHot a context key with at most this many values gets a column per value
     * @param hashWidth buckets for a key with more values
     */
    public record Settings(List<Feature> features, String zone, String dataset, List<String> sources, int maxOneHot,
                           int hashWidth) implements NodeSettings {
        public Settings {
            features = features == null ? List.of() : features.stream().distinct().sorted(Comparator.naturalOrder()).toList();
            sources = sources == null ? List.of() : List.copyOf(sources);
            zone = zone == null || zone.isBlank() ? "UTC" : zone;
            dataset = dataset == null ? "" : dataset;
        }

        @Override
        public void validate() throws InvalidSettingsException {
            if (features.isEmpty()) {
                throw InvalidSettingsException.notConfigured("Choose at least one context feature");
            }
            try {
                ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw new InvalidSettingsException("Unknown time zone '" + zone + "' (use e.g. UTC or Europe/Berlin)");
            }
            if (features.contains(Feature.CATEGORICAL) && dataset.isBlank()) {
                throw InvalidSettingsException.notConfigured("CATEGORICAL reads the stored context: name the dataset");
            }
            if (maxOneHot < 1 || maxOneHot > 1000) {
                throw new InvalidSettingsException("maxOneHot must be between 1 and 1000, not " + maxOneHot);
            }
            if (hashWidth < 1 || hashWidth > 4096) {
                throw new InvalidSettingsException("hashWidth must be between 1 and 4096, not " + hashWidth);
            }
        }

        Set<TimeFeatures.Group> timeGroups() {
            Set<TimeFeatures.Group> groups = EnumSet.noneOf(TimeFeatures.Group.class);
            for (Feature f : features) {
                if (f != Feature.CATEGORICAL) {
                    groups.add(TimeFeatures.Group.valueOf(f.name()));
                }
            }
            return groups;
        }
    }

    private static final NodeDescriptor DESCRIPTOR = new NodeDescriptor(ID, "Context features", Stage.ENCODE,
            List.of(PortSpec.optional(INTERACTIONS, PortTypes.INTERACTIONS), PortSpec.optional(SPLIT, PortTypes.SPLIT)),
            List.of(PortSpec.of("user features", PortTypes.EMBEDDINGS), PortSpec.of("item features", PortTypes.EMBEDDINGS)),
            "Per user and per item: when they are active (shares per hour of day and weekday, their circular means,"
                    + " days since the last activity, activity span and volume) and in which context (shares of each value"
                    + " of the stored context columns such as device or channel; large vocabularies hashed to a fixed"
                    + " width). Connect a split to use only its training part.");

    public EncodeContext() {
        super(DESCRIPTOR, Settings.class);
    }

    @Override
    public Settings defaultSettings() {
        return new Settings(List.of(Feature.HOUR, Feature.WEEKDAY, Feature.RECENCY, Feature.ACTIVITY), "UTC", "", List.of(), 32, 16);
    }

    @Override
    public List<PortSpec> configure(Settings s, List<PortSpec> inputs) throws InvalidSettingsException {
        boolean interactions = !inputs.isEmpty() && inputs.get(0) != null;
        boolean split = inputs.size() > 1 && inputs.get(1) != null;
        if (interactions == split) {
            throw interactions ? new InvalidSettingsException("Connect either interactions or a split, not both")
                    : InvalidSettingsException.notConfigured("Connect a split (its training part is used) or interactions");
        }
        return DESCRIPTOR.outputs();
    }

    @Override
    public Optional<String> externalFingerprint(Settings s, ProjectStore store) throws Exception {
        if (!s.features().contains(Feature.CATEGORICAL)) {
            return Optional.empty();
        }
        return Optional.of(StoredDataset.open(store, s.dataset(), s.sources()).fingerprint());
    }

    @Override
    public List<PortData> execute(Settings s, List<PortData> inputs, ExecutionContext ctx) throws Exception {
        InteractionTable interactions = EncodeSocial.value(inputs, 0, InteractionTable.class);
        Split split = EncodeSocial.value(inputs, 1, Split.class);
        if (interactions == null && split == null) {
            throw new InvalidSettingsException("Connect a split or interactions");
        }
        InteractionTable train = split != null ? split.train() : interactions;
        ZoneId zone = ZoneId.of(s.zone());
        Set<TimeFeatures.Group> groups = s.timeGroups();
        InteractionContexts contexts = null;
        if (s.features().contains(Feature.CATEGORICAL)) {
            contexts = StoredDataset.open(ctx.store(), s.dataset(), s.sources()).contexts(ctx);
            if (contexts.keys().isEmpty()) {
                ctx.log("context: dataset " + s.dataset() + " stores no context columns; no categorical features");
            }
        }
        if (!groups.isEmpty() && !train.hasTimestamps()) {
            ctx.log("context: " + (train.size() == 0 ? "no training rows" : "some training rows have no time")
                    + "; time features cover the timed rows only");
        }
        List<PortData> out = new ArrayList<>();
        for (Embeddings.Side side : List.of(Embeddings.Side.USER, Embeddings.Side.ITEM)) {
            List<EncodedFeatures> parts = new ArrayList<>();
            if (!groups.isEmpty()) {
                parts.add(TimeFeatures.perEntity(train, side, groups, zone, ctx));
            }
            if (contexts != null && !contexts.keys().isEmpty()) {
                parts.add(ContextDistributions.of(train, contexts, side, s.maxOneHot(), s.hashWidth(), ctx));
            }
            Embeddings e = parts.isEmpty() ? empty(train, side)
                    : EncodedFeatures.concat("context:" + side.name().toLowerCase(), parts).embeddings();
            List<String> columns = parts.stream().flatMap(p -> p.columns().stream()).toList();
            ctx.log(String.format("context %s features: %d of %d with features, %d columns %s", side.name().toLowerCase(),
                    e.presentCount(), e.size(), e.dim(), abbreviate(columns)));
            out.add(PortData.of(PortTypes.EMBEDDINGS, e));
        }
        return out;
    }

    private static Embeddings empty(InteractionTable t, Embeddings.Side side) {
        var ids = side == Embeddings.Side.USER ? t.users() : t.items();
        return new Embeddings("context:none", side, ids, 0, new float[0], new boolean[ids.size()]);
    }

    private static String abbreviate(List<String> columns) {
        return columns.size() <= 12 ? columns.toString()
                : columns.subList(0, 12) + " … " + columns.get(columns.size() - 1);
    }
}
