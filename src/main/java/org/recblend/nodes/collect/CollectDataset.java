package org.recblend.nodes.collect;

import org.recblend.pipeline.SettingDoc;
import java.util.Map;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.ItemTable;
import org.recblend.domain.SocialGraph;
import org.recblend.domain.TextCorpus;
import org.recblend.domain.UserTable;
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
import org.recblend.task.TaskMonitor;

/**
 * Reads a stored dataset (all its sources, or the named ones) into the pipeline. It always has its
 * five outputs; a part that was not chosen, or that the sources do not hold, comes out empty (with
 * the dataset's id spaces), so wiring never depends on what was imported.
 */
public final class CollectDataset extends BaseNodeKind<CollectDataset.Settings> {
    public static final String ID = "collect.dataset";

    /** The parts of a dataset the node reads. */
    public enum Part { INTERACTIONS, ITEMS, USERS, SOCIAL, TEXTS }

    /**
     * @param dataset the dataset's name
     * @param sources the sources to read; empty for all of the dataset's sources
     * @param parts   which outputs to fill
     */
    public record Settings(String dataset, List<String> sources, List<Part> parts) implements NodeSettings {
        public Settings {
            sources = sources == null ? List.of() : List.copyOf(sources);
            // sorted and distinct: equal choices give equal JSON, hence equal cache keys
            parts = parts == null ? List.of() : parts.stream().distinct().sorted(Comparator.naturalOrder()).toList();
        }

        @Override
        public void validate() throws InvalidSettingsException {
            if (dataset == null || dataset.isBlank()) {
                throw InvalidSettingsException.notConfigured("Choose the dataset to collect");
            }
            if (parts.isEmpty()) {
                throw InvalidSettingsException.notConfigured("Choose at least one part to output (interactions, items, …)");
            }
            for (String s : sources) {
                if (s == null || s.isBlank()) {
                    throw new InvalidSettingsException("A source name is empty");
                }
            }
        }

        boolean wants(Part part) {
            return parts.contains(part);
        }
    }

    private static final NodeDescriptor DESCRIPTOR = new NodeDescriptor(ID, "Dataset", Stage.COLLECT, List.of(),
            List.of(PortSpec.of("interactions", PortTypes.INTERACTIONS), PortSpec.of("items", PortTypes.ITEM_TABLE),
                    PortSpec.of("users", PortTypes.USER_TABLE), PortSpec.of("social", PortTypes.SOCIAL_GRAPH),
                    PortSpec.of("texts", PortTypes.TEXT_CORPUS)),
            "Reads a dataset of the project: its interactions, item content, user attributes, social edges and"
                    + " user-item texts (tags, reviews). Choose sources to read only some of its files. A re-import"
                    + " of a source makes the outputs stale.");

    public CollectDataset() {
        super(DESCRIPTOR, Settings.class);
    }

    @Override
    public Map<String, SettingDoc> settingDocs() {
        return SettingDoc.builder()
                .setting("dataset", "The dataset of the project to read")
                .setting("sources", "The sources to read; empty for all of the dataset's sources")
                .setting("parts", "Outputs", "Which outputs to fill; the others come out empty")
                .build();
    }

    @Override
    public Settings defaultSettings() {
        return new Settings("", List.of(), List.of(Part.values()));
    }

    @Override
    public Optional<String> externalFingerprint(Settings settings, ProjectStore store) throws Exception {
        return Optional.of(StoredDataset.open(store, settings.dataset(), settings.sources()).fingerprint());
    }

    @Override
    public List<PortData> execute(Settings s, List<PortData> inputs, ExecutionContext ctx) throws Exception {
        StoredDataset data = StoredDataset.open(ctx.store(), s.dataset(), s.sources());
        ctx.progress(0, "reading ids");
        List<PortData> out = new ArrayList<>();
        out.add(PortData.of(PortTypes.INTERACTIONS, s.wants(Part.INTERACTIONS)
                ? data.interactions(scaled(ctx, 0.8)) : InteractionTable.empty(data.users(), data.items())));
        ctx.progress(0.8, "reading items");
        out.add(PortData.of(PortTypes.ITEM_TABLE, s.wants(Part.ITEMS) ? data.items(ctx) : ItemTable.empty(data.items())));
        ctx.progress(0.85, "reading users");
        out.add(PortData.of(PortTypes.USER_TABLE, s.wants(Part.USERS) ? data.users(ctx) : UserTable.empty(data.users())));
        ctx.progress(0.9, "reading social edges");
        out.add(PortData.of(PortTypes.SOCIAL_GRAPH, s.wants(Part.SOCIAL) ? data.social(ctx) : SocialGraph.empty(data.users())));
        ctx.progress(0.95, "reading texts");
        out.add(PortData.of(PortTypes.TEXT_CORPUS, s.wants(Part.TEXTS)
                ? data.texts(ctx) : TextCorpus.empty(data.users(), data.items())));
        ctx.progress(1, "done");
        ctx.log(String.format("dataset %s (%d sources): %s, %s, %s, %s, %s", s.dataset(), data.sources().size(),
                out.get(0).value(), out.get(1).value(), out.get(2).value(), out.get(3).value(), out.get(4).value()));
        return out;
    }

    /** The context with progress squeezed into [0, share]: reading interactions is most of the work. */
    private static TaskMonitor scaled(ExecutionContext ctx, double share) {
        return new TaskMonitor() {
            @Override
            public void progress(double fraction, String message) {
                ctx.progress(fraction < 0 ? fraction : fraction * share, message);
            }

            @Override
            public boolean isCancelled() {
                return ctx.isCancelled();
            }

            @Override
            public void log(String message) {
                ctx.log(message);
            }
        };
    }
}
