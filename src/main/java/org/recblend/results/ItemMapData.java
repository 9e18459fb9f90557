package org.recblend.results;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.recblend.domain.Embeddings;
import org.recblend.domain.IdIndex;
import org.recblend.engine.Recommender;
import org.recblend.engine.TrainedModel;
import org.recblend.engine.model.EmbeddingSource;
import org.recblend.engine.model.FloatMatrix;
import org.recblend.engine.model.FriendBoostRecommender;
import org.recblend.nodes.encode.TextSettings;
import org.recblend.nodes.train.BprTrain;
import org.recblend.nodes.train.HybridTrain;
import org.recblend.nodes.train.NeuMfTrain;
import org.recblend.pipeline.Node;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.PortSpec;
import org.recblend.pipeline.PortTypes;

/**
 * The item explorer's data: which item vectors a project's runs produced (a model's item
 * embeddings, or a text encoder's item embeddings), and one of them as a 2-D map by PCA with each
 * item's title and category. Read and computed off the UI thread.
 */
public final class ItemMapData {
    /** How many categories get a colour of their own; the rest are drawn as "other". */
    public static final int COLOURED_CATEGORIES = 10;
    public static final String OTHER = "other categories";

    private ItemMapData() {
    }

    /** A set of item vectors in a run: a model's output or an encoder's. */
    public record VectorChoice(int runId, String pipelineName, String nodeId, String port, boolean model, String description)
            implements Serializable {
        public String label() {
            return "Run " + runId + " · " + pipelineName + " · " + description;
        }

        @Override
        public String toString() {
            return label();
        }
    }

    /** Item vectors of every DONE run, newest first: models with item embeddings, then item-side text embeddings. */
    public static List<VectorChoice> choices(UserInspectionRuns runs) {
        List<VectorChoice> out = new ArrayList<>();
        List<Integer> seen = new ArrayList<>();
        for (UserInspectionRuns.ModelChoice m : runs.models()) {
            Pipeline p = runs.graph(m.runId()).orElse(null);
            if (p == null) {
                continue;
            }
            String kind = p.node(m.nodeId()).kindId();
            if (kind.equals(HybridTrain.ID) || kind.equals(BprTrain.ID) || kind.equals(NeuMfTrain.ID)) {
                out.add(new VectorChoice(m.runId(), m.pipelineName(), m.nodeId(), "model", true, m.nodeId() + " item vectors"));
            }
            if (!seen.contains(m.runId())) {
                seen.add(m.runId());
                for (Node n : p.nodes()) {
                    if (n.settings().orElse(null) instanceof TextSettings t && t.side() == Embeddings.Side.ITEM) {
                        for (PortSpec o : n.descriptor().outputs()) {
                            if (o.type().equals(PortTypes.EMBEDDINGS)) {
                                out.add(new VectorChoice(m.runId(), m.pipelineName(), n.id(), o.name(), false,
                                        n.id() + " embeddings (" + n.descriptor().name() + ")"));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * One item on the map.
     *
     * @param row      the item's row in the vectors
     * @param colour   its colour group: its category when that is one of the most frequent, else {@link #OTHER}
     */
    public record Point(int row, String id, String title, String category, String colour, double x, double y) {
    }

    /**
     * A map of item vectors.
     *
     * @param points   the items with a vector, in row order
     * @param groups   the colour groups, most items first, {@link #OTHER} last when used
     * @param pca      the fitted components (coordinates follow {@code points})
     * @param vectors  all rows, for neighbours
     * @param ids      the row ids
     */
    public record ItemMap(VectorChoice choice, List<Point> points, List<String> groups, ItemMapPca pca, ItemMapVectors vectors,
                          IdIndex ids, UserInspectionCatalogue catalogue) {
        /** The point of an item id, if it has one. */
        public Optional<Point> point(String id) {
            return points.stream().filter(p -> p.id().equals(id)).findFirst();
        }

        /** Items whose id, title or category contains the text (case ignored); empty text matches none. */
        public List<Point> search(String text) {
            String q = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            if (q.isEmpty()) {
                return List.of();
            }
            return points.stream().filter(p -> p.id().toLowerCase(Locale.ROOT).equals(q)
                    || p.title().toLowerCase(Locale.ROOT).contains(q) || p.category().toLowerCase(Locale.ROOT).contains(q)).toList();
        }

        /** The {@code k} items nearest to {@code p} by cosine, best first. */
        public List<Neighbour> neighbours(Point p, int k) {
            List<Neighbour> out = new ArrayList<>();
            for (ItemMapVectors.Neighbour n : vectors.nearest(p.row(), k)) {
                String id = ids.id(n.row());
                UserInspectionCatalogue.ItemCard card = catalogue.item(id);
                out.add(new Neighbour(id, card.title(), card.category(), n.cosine()));
            }
            return out;
        }
    }

    /** A neighbour of an item on the map. */
    public record Neighbour(String id, String title, String category, double cosine) {
    }

    /**
     * The map of one set of vectors.
     *
     * @throws IllegalStateException when the run's outputs are gone or hold no item vectors, with a message for the user
     */
    public static ItemMap load(UserInspectionRuns runs, VectorChoice choice, UserInspectionCatalogue catalogue) {
        float[] values;
        int rows;
        int dim;
        boolean[] present = null;
        IdIndex ids;
        if (choice.model()) {
            TrainedModel m = runs.output(choice.runId(), choice.nodeId(), choice.port(), TrainedModel.class)
                    .orElseThrow(() -> gone(choice));
            Recommender r = m.recommender() instanceof FriendBoostRecommender f ? f.base() : m.recommender();
            if (!(r instanceof EmbeddingSource e)) {
                throw new IllegalStateException("The " + m.kind() + " model of run " + choice.runId() + " has no item vectors to map");
            }
            FloatMatrix f = e.itemEmbeddings();
            values = f.data();
            rows = f.rows();
            dim = f.cols();
            ids = r.items();
        } else {
            Embeddings e = runs.output(choice.runId(), choice.nodeId(), choice.port(), Embeddings.class).orElseThrow(() -> gone(choice));
            if (e.side() != Embeddings.Side.ITEM) {
                throw new IllegalStateException("The " + e.source() + " vectors of run " + choice.runId() + " describe users, not items");
            }
            values = e.values();
            rows = e.size();
            dim = e.dim();
            present = e.present();
            ids = e.ids();
        }
        // a model's vectors are compared without their common part (ItemMapVectors.centred); PCA centres anyway
        ItemMapVectors vectors = choice.model() ? ItemMapVectors.centred(values, rows, dim) : new ItemMapVectors(values, rows, dim, present);
        int[] use = java.util.stream.IntStream.range(0, rows).filter(vectors::hasVector).toArray();
        if (use.length < 3) {
            throw new IllegalStateException("Fewer than 3 items have a vector in " + choice.label() + ": nothing to map");
        }
        ItemMapPca pca = ItemMapPca.fit(values, rows, dim, 2, use, 7);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int r : use) {
            counts.merge(catalogue.item(ids.id(r)).category(), 1, Integer::sum);
        }
        List<String> top = counts.entrySet().stream()
                .sorted((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey()) : b.getValue() - a.getValue())
                .limit(COLOURED_CATEGORIES).map(Map.Entry::getKey).toList();
        List<Point> points = new ArrayList<>(use.length);
        boolean other = false;
        for (int k = 0; k < use.length; k++) {
            String id = ids.id(use[k]);
            UserInspectionCatalogue.ItemCard card = catalogue.item(id);
            String colour = top.contains(card.category()) ? card.category() : OTHER;
            other |= colour.equals(OTHER);
            points.add(new Point(use[k], id, card.title(), card.category(), colour, pca.coordinates()[k][0], pca.coordinates()[k][1]));
        }
        List<String> groups = new ArrayList<>(top);
        if (other) {
            groups.add(OTHER);
        }
        return new ItemMap(choice, points, groups, pca, vectors, ids, catalogue);
    }

    private static IllegalStateException gone(VectorChoice c) {
        return new IllegalStateException("The outputs of node " + c.nodeId() + " in run " + c.runId()
                + " are no longer cached: run its pipeline again to map them");
    }
}
