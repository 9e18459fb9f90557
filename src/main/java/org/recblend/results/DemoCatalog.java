package org.recblend.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.recblend.domain.AttributeValue;
import org.recblend.domain.Embeddings;
import org.recblend.domain.IdIndex;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.ItemInfo;
import org.recblend.domain.ItemTable;
import org.recblend.domain.UserTable;
import org.recblend.encode.CachedEncoding;
import org.recblend.encode.EmbeddingCache;
import org.recblend.encode.EncoderException;
import org.recblend.encode.EntityTexts;
import org.recblend.encode.LazyTextEncoder;
import org.recblend.encode.OnnxSentenceEncoder;
import org.recblend.encode.TextTemplate;
import org.recblend.encode.TfIdfEncoder;
import org.recblend.nodes.encode.MiniLmEncode;
import org.recblend.nodes.encode.OnnxFolderEncode;
import org.recblend.nodes.encode.TfIdfEncode;
import org.recblend.nodes.recommend.ExecutedRuns;
import org.recblend.nodes.recommend.RecommendTopK;
import org.recblend.nodes.train.HybridTrain;
import org.recblend.pipeline.OutputCache;
import org.recblend.pipeline.PortData;
import org.recblend.store.DataNotFoundException;
import org.recblend.store.ProjectStore;
import org.recblend.store.StoredDataset;
import org.recblend.task.TaskMonitor;

/**
 * Finds the runs the demo can show and loads one of them into a {@link DemoRun}. Everything comes
 * from the project store, so runs made from the GUI and from the command line look the same:
 * recommendation lists from {@code recommendations}, the catalogue and purchases from the run's
 * dataset, item text vectors from the run's text node (its cached outputs, or else the
 * {@code embedding_cache} under the node's encoder and template).
 */
public final class DemoCatalog {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoCatalog() {
    }

    /** Finished runs with stored recommendation lists, newest first. */
    public static List<DemoRunChoice> runs(ProjectStore store) {
        List<Object[]> rows = store.read(c -> {
            List<Object[]> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT r.id, r.pipeline_name, r.finished_at, n.node_id FROM runs r"
                    + " JOIN node_runs n ON n.run_id = r.id WHERE r.status = 'DONE' AND n.node_kind = ? AND n.status = 'DONE'"
                    + " ORDER BY r.id DESC, n.node_id")) {
                ps.setString(1, RecommendTopK.ID);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Object[] {rs.getInt(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class), rs.getString(4)});
                    }
                }
            }
            return out;
        });
        List<DemoRunChoice> choices = new ArrayList<>();
        for (Object[] r : rows) {
            int runId = (Integer) r[0];
            if (choices.stream().anyMatch(ch -> ch.runId() == runId)) {
                continue;
            }
            ExecutedRuns.resolve(store, "recommendations", runId, (String) r[3]).ifPresent(src ->
                    choices.add(new DemoRunChoice(runId, (String) r[1], (OffsetDateTime) r[2], src.runId(), src.nodeId())));
        }
        return choices;
    }

    /** Loads a run for the demo; reports progress and stops when cancelled. */
    public static DemoRun load(ProjectStore store, DemoRunChoice choice, TaskMonitor monitor) throws DemoException {
        monitor.progress(0, "reading the catalogue and the customers");
        StoredDataset dataset = dataset(store, choice);
        IdIndex users = dataset.users();
        IdIndex items = dataset.items();
        ItemTable itemTable = dataset.items(monitor);
        UserTable userTable = dataset.users(monitor);
        DemoRun.Item[] catalogue = new DemoRun.Item[items.size()];
        for (int i = 0; i < catalogue.length; i++) {
            catalogue[i] = item(items.id(i), itemTable.info(i));
        }
        String[] userLines = new String[users.size()];
        for (int u = 0; u < userLines.length; u++) {
            userLines[u] = describe(userTable.attributes(u));
        }
        monitor.checkCancelled();
        monitor.progress(0.3, "reading purchases");
        int[][] history = history(dataset.interactions(monitor));
        int[] userDbIds = userDbIds(store, dataset.id(), users);
        monitor.checkCancelled();
        monitor.progress(0.6, "reading item text vectors");
        Optional<TextNode> text = textNode(store, choice.runId());
        DemoVectors vectors = null;
        String source = null;
        LazyTextEncoder encoder = null;
        String noEncoder = "Run " + choice.runId() + " has no item text encoder, so new items cannot be placed";
        if (text.isPresent()) {
            TextNode t = text.get();
            encoder = t.opener();
            Embeddings cached = cachedEmbeddings(store, t).orElse(null);
            if (encoder == null && t.tfidf() != null) {
                encoder = refitTfIdf(itemTable, t, cached, monitor);
            }
            noEncoder = encoder != null ? null : t.tfidf() != null
                    ? "The items changed since run " + choice.runId() + ": TF-IDF fitted on them now differs from the run's,"
                    + " so a new text cannot be encoded the run's way; run the pipeline again"
                    : "New items need the run's text encoder; " + t.kind()
                    + " cannot encode a new text the same way (use a MiniLM, ONNX or TF-IDF text node)";
            if (cached != null) {
                vectors = align(cached, items);
                source = cached.source();
            } else if (encoder != null) {
                vectors = encodeThroughCache(store, encoder, itemTable, t.template(), monitor);
                source = "text:" + encoder.key();
            }
        }
        monitor.progress(1, "ready");
        DemoRun run = new DemoRun(store, choice, users, items, userDbIds, catalogue, userLines, history, vectors, source, encoder,
                noEncoder);
        run.setSources(sources(store, choice.runId()));
        return run;
    }

    private static StoredDataset dataset(ProjectStore store, DemoRunChoice choice) throws DemoException {
        String name = store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT d.name FROM recommendations r JOIN users u ON u.id = r.user_id"
                    + " JOIN datasets d ON d.id = u.dataset_id WHERE r.run_id = ? AND r.node_id = ? LIMIT 1")) {
                ps.setInt(1, choice.recRunId());
                ps.setString(2, choice.recNodeId());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        if (name == null) {
            throw new DemoException("Run " + choice.runId() + " stored no recommendations; run its recommend node first");
        }
        try {
            return StoredDataset.open(store, name, List.of());
        } catch (DataNotFoundException e) {
            throw new DemoException(e.getMessage(), e);
        }
    }

    /** The item-side source shares the run's hybrid node stored (metrics "contribution:SOURCE", segment "item"). */
    static List<DemoRun.SourceShare> sources(ProjectStore store, int runId) {
        List<DemoRun.SourceShare> out = new ArrayList<>();
        for (String node : RunNodes.done(store, runId, HybridTrain.ID)) {
            Optional<ExecutedRuns.RunNode> src = ExecutedRuns.resolve(store, "metrics", runId, node);
            if (src.isEmpty()) {
                continue;
            }
            store.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT name, metric_value FROM metrics WHERE run_id = ? AND node_id = ?"
                        + " AND segment = 'item' AND name LIKE 'contribution:%' ORDER BY metric_value DESC")) {
                    ps.setInt(1, src.get().runId());
                    ps.setString(2, src.get().nodeId());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String s = rs.getString(1).substring("contribution:".length());
                            out.add(new DemoRun.SourceShare(s, sourceLabel(s), rs.getDouble(2)));
                        }
                    }
                }
                return null;
            });
            if (!out.isEmpty()) {
                break;
            }
        }
        return out;
    }

    /** "text:minilm-l6-v2-q" → "product text", "categories" → "categories": words for a stakeholder. */
    static String sourceLabel(String source) {
        String s = source.toLowerCase(java.util.Locale.ROOT);
        if (s.startsWith("text")) {
            return "product text";
        }
        if (s.startsWith("social")) {
            return "friends";
        }
        if (s.startsWith("context")) {
            return "context";
        }
        int colon = s.indexOf(':');
        return (colon >= 0 ? s.substring(colon + 1) : s).replace('_', ' ').replace('-', ' ');
    }

    static DemoRun.Item item(String id, ItemInfo info) {
        Map<String, String> texts = info.texts();
        String title = texts.getOrDefault("title", texts.getOrDefault("name", ""));
        if (title.isBlank()) {
            title = texts.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue)
                    .filter(t -> !t.isBlank()).findFirst().orElse("");
        }
        title = title.replaceAll("\\s+", " ").strip();
        if (title.length() > 80) {
            title = title.substring(0, 79) + "…";
        }
        return new DemoRun.Item(id, title, String.join(", ", info.categories()));
    }

    /** "35-44 · female · North · mainstream": attribute values in attribute-name order. */
    static String describe(Map<String, AttributeValue> attributes) {
        return new TreeMap<>(attributes).values().stream().map(AttributeValue::text).filter(t -> t != null && !t.isBlank())
                .collect(Collectors.joining(" · "));
    }

    /** Item indices per user, newest first (ties and untimed rows in table order), each item once. */
    static int[][] history(InteractionTable t) {
        int[][] byUser = t.rowsByUser();
        int[][] out = new int[t.users().size()][];
        for (int u = 0; u < out.length; u++) {
            int[] rows = u < byUser.length && byUser[u] != null ? byUser[u] : new int[0];
            Integer[] sorted = Arrays.stream(rows).boxed().toArray(Integer[]::new);
            Arrays.sort(sorted, Comparator.comparingLong((Integer r) -> t.ts(r)).reversed());
            out[u] = Arrays.stream(sorted).mapToInt(r -> t.item(r)).distinct().toArray();
        }
        return out;
    }

    private static int[] userDbIds(ProjectStore store, int datasetId, IdIndex users) {
        return store.read(c -> {
            int[] ids = new int[users.size()];
            try (PreparedStatement ps = c.prepareStatement("SELECT id, ext_id FROM users WHERE dataset_id = ?")) {
                ps.setInt(1, datasetId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int u = users.indexOf(rs.getString(2));
                        if (u >= 0) {
                            ids[u] = rs.getInt(1);
                        }
                    }
                }
            }
            return ids;
        });
    }

    /**
     * The run's item text node: its kind, cache key, template, how to reopen its encoder (null when
     * it cannot be opened without the items), and the TF-IDF settings when the node is TF-IDF.
     */
    record TextNode(String nodeId, String kind, String cacheKey, String template, LazyTextEncoder opener,
                    TfIdfEncoder.Settings tfidf) {
    }

    /**
     * TF-IDF fitted again on the same item texts with the same settings and seed: the fit is
     * deterministic, so it is the run's encoder exactly when the items have not changed since. Its
     * key fingerprints the fitted vocabulary and SVD, so a key unlike that of the run's stored
     * vectors means they have: then there is no encoder (null) rather than a different one.
     */
    static LazyTextEncoder refitTfIdf(ItemTable itemTable, TextNode t, Embeddings cached, TaskMonitor monitor)
            throws DemoException {
        monitor.progress(0.7, "fitting TF-IDF on the item texts again");
        List<String> texts = EntityTexts.items(itemTable, TextTemplate.parse(t.template()), monitor);
        TfIdfEncoder fitted = TfIdfEncoder.fit(texts, t.tfidf(), monitor);
        if (cached != null && !cached.source().equals("text:" + fitted.key())) {
            return null;
        }
        return new LazyTextEncoder(fitted.key(), () -> fitted);
    }

    static Optional<TextNode> textNode(ProjectStore store, int runId) throws DemoException {
        List<String[]> rows = store.read(c -> {
            List<String[]> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT node_id, node_kind, cache_key, settings_json FROM node_runs"
                    + " WHERE run_id = ? AND node_kind LIKE 'encode.text.%' AND status = 'DONE' ORDER BY node_id")) {
                ps.setInt(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                    }
                }
            }
            return out;
        });
        for (String[] r : rows) {
            JsonNode s;
            try {
                s = JSON.readTree(r[3] == null ? "{}" : r[3]);
            } catch (IOException e) {
                continue;
            }
            if (!"ITEM".equals(s.path("side").asText("ITEM"))) {
                continue;
            }
            TfIdfEncoder.Settings tfidf = TfIdfEncode.ID.equals(r[1]) ? new TfIdfEncoder.Settings(s.path("dim").asInt(128),
                    s.path("seed").asLong(42), s.path("stopWords").asBoolean(true), TfIdfEncode.MAX_FEATURES) : null;
            return Optional.of(new TextNode(r[0], r[1], r[2], s.path("template").asText(""), opener(r[1], s), tfidf));
        }
        return Optional.empty();
    }

    /**
     * The node's encoder, loaded on first use. MiniLM and a local ONNX folder encode a new text
     * exactly as the run encoded its items; TF-IDF needs the item texts (see {@link #refitTfIdf}); a
     * remote endpoint (keys, network) is not reopened here.
     */
    private static LazyTextEncoder opener(String kind, JsonNode s) throws DemoException {
        try {
            if (MiniLmEncode.ID.equals(kind)) {
                boolean quantized = s.path("quantized").asBoolean(true);
                return new LazyTextEncoder(OnnxSentenceEncoder.miniLmKey(quantized), () -> OnnxSentenceEncoder.miniLm(quantized));
            }
            if (OnnxFolderEncode.ID.equals(kind)) {
                Path folder = Path.of(s.path("folder").asText(""));
                return new LazyTextEncoder(OnnxSentenceEncoder.folderKey(folder),
                        () -> OnnxSentenceEncoder.fromFolder(folder, OnnxSentenceEncoder.Options.defaults()));
            }
        } catch (EncoderException e) {
            throw new DemoException("Cannot open the run's text encoder: " + e.getMessage(), e);
        }
        return null;
    }

    private static Optional<Embeddings> cachedEmbeddings(ProjectStore store, TextNode t) {
        if (t.cacheKey() == null) {
            return Optional.empty();
        }
        Optional<List<PortData>> outputs = new OutputCache(store).get(t.cacheKey());
        return outputs.flatMap(list -> list.stream().map(PortData::value).filter(v -> v instanceof Embeddings)
                .map(v -> (Embeddings) v).filter(e -> e.side() == Embeddings.Side.ITEM).findFirst());
    }

    /** The vectors re-ordered to the dataset's item index (the node may have seen a subset). */
    static DemoVectors align(Embeddings e, IdIndex items) {
        float[] values = new float[items.size() * e.dim()];
        boolean[] present = new boolean[items.size()];
        for (int r = 0; r < e.size(); r++) {
            int i = items.indexOf(e.ids().id(r));
            if (i >= 0 && e.present(r)) {
                System.arraycopy(e.values(), r * e.dim(), values, i * e.dim(), e.dim());
                present[i] = true;
            }
        }
        return new DemoVectors(items.size(), e.dim(), values, present);
    }

    private static DemoVectors encodeThroughCache(ProjectStore store, LazyTextEncoder encoder, ItemTable itemTable,
                                                  String template, TaskMonitor monitor) throws DemoException {
        try {
            List<String> texts = EntityTexts.items(itemTable, TextTemplate.parse(template), monitor);
            CachedEncoding.Result r = CachedEncoding.encode(encoder, new EmbeddingCache(store), texts, CachedEncoding.DEFAULT_BATCH, monitor);
            float[] values = new float[texts.size() * r.dim()];
            boolean[] present = new boolean[texts.size()];
            for (int i = 0; i < texts.size(); i++) {
                if (r.vectors()[i] != null) {
                    System.arraycopy(r.vectors()[i], 0, values, i * r.dim(), r.dim());
                    present[i] = true;
                }
            }
            return new DemoVectors(texts.size(), r.dim(), values, present);
        } catch (EncoderException | IllegalArgumentException e) {
            throw new DemoException("Cannot read the run's item text vectors: " + e.getMessage(), e);
        }
    }
}
