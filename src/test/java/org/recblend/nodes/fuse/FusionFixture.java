package org.recblend.nodes.fuse;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.recblend.domain.Embeddings;
import org.recblend.domain.IdIndex;
import org.recblend.sample.PlantedData;
import org.recblend.engine.Recommender;
import org.recblend.engine.TrainedModel;
import org.recblend.engine.feature.FeatureSet;
import org.recblend.engine.train.Objective;
import org.recblend.engine.train.SamplerKind;
import org.recblend.nodes.train.FeaturePorts;
import org.recblend.nodes.train.HybridTrain;
import org.recblend.pipeline.ExecutionContext;
import org.recblend.pipeline.PortData;
import org.recblend.pipeline.PortTypes;
import org.recblend.store.ProjectStore;

/**
 * Planted data for fusion tests: items of taste groups, an informative item source (the group as a
 * noisy one-hot, "text:good") and a pure-noise source ("text:noise"), 40 items without training
 * rows; and a context that records a run, so the metrics written by the Hybrid node can be read back.
 */
final class FusionFixture {
    static final int DIM = 16;

    final PlantedData data;
    final Embeddings good;
    final Embeddings noise;

    FusionFixture(long seed) {
        data = PlantedData.generate(300, 200, 25, 5, 40, seed);
        IdIndex items = data.split.train().items();
        SplittableRandom r = new SplittableRandom(seed + 1);
        int n = items.size();
        float[] g = new float[n * 8];
        float[] z = new float[n * 8];
        for (int i = 0; i < n; i++) {
            g[i * 8 + data.itemGroup[i]] = 1;
            for (int k = 0; k < 8; k++) {
                g[i * 8 + k] += (float) (0.2 * gaussian(r));
                z[i * 8 + k] = (float) gaussian(r);
            }
        }
        boolean[] all = new boolean[n];
        java.util.Arrays.fill(all, true);
        good = new Embeddings("text:good", Embeddings.Side.ITEM, items, 8, g, all);
        noise = new Embeddings("text:noise", Embeddings.Side.ITEM, items, 8, z, all.clone());
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** The fuse node's two outputs for the given embedding inputs (text, text 2) and item table. */
    List<PortData> fuse(FuseFeatures.Settings s, Embeddings text, Embeddings text2, boolean itemTable, ExecutionContext ctx)
            throws Exception {
        s.validate();
        List<PortData> in = new ArrayList<>();
        in.add(text == null ? null : PortData.of(PortTypes.EMBEDDINGS, text));
        in.add(text2 == null ? null : PortData.of(PortTypes.EMBEDDINGS, text2));
        in.add(null);
        in.add(null);
        in.add(null);
        in.add(itemTable ? PortData.of(PortTypes.ITEM_TABLE, data.items) : null);
        return new FuseFeatures().execute(s, in, ctx);
    }

    static HybridTrain.Settings hybrid(double coldRidge, boolean ablation) {
        return hybrid(coldRidge, ablation, org.recblend.engine.model.HybridTowers.ColdTarget.ID_PART);
    }

    static HybridTrain.Settings hybrid(double coldRidge, boolean ablation, org.recblend.engine.model.HybridTowers.ColdTarget target) {
        return new HybridTrain.Settings(DIM, 15, 256, 0.01, 0.01, 0.3, 1, SamplerKind.UNIFORM, 1, 0, Objective.RANKING,
                coldRidge, ablation, target);
    }

    /** Trains the Hybrid on the fuse outputs (item features and user features). */
    Recommender train(HybridTrain.Settings s, FeatureSet items, FeatureSet users, ExecutionContext ctx) throws Exception {
        s.validate();
        List<PortData> in = new ArrayList<>();
        in.add(PortData.of(PortTypes.SPLIT, data.split));
        in.add(null);
        in.add(items == null ? null : PortData.of(FeaturePorts.FEATURE_SET, items));
        in.add(users == null ? null : PortData.of(FeaturePorts.FEATURE_SET, users));
        return new HybridTrain().execute(s, in, ctx).get(0).as(TrainedModel.class).recommender();
    }

    /** Among items without training rows: how often a user's held-out cold item outscores a random other cold item. */
    double coldAuc(Recommender r) {
        int[] counts = data.split.train().itemCounts();
        int[][] held = data.split.test().rowsByUser();
        float[] scores = new float[counts.length];
        SplittableRandom rnd = new SplittableRandom(3);
        List<Integer> cold = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                cold.add(i);
            }
        }
        long wins = 0;
        long pairs = 0;
        for (int u = 0; u < held.length; u++) {
            r.score(u, scores);
            java.util.Set<Integer> mine = new java.util.HashSet<>();
            for (int row : held[u]) {
                mine.add(data.split.test().item(row));
            }
            for (int row : held[u]) {
                int pos = data.split.test().item(row);
                if (counts[pos] != 0) {
                    continue;
                }
                for (int t = 0; t < 20; t++) {
                    int neg = cold.get(rnd.nextInt(cold.size()));
                    if (!mine.contains(neg)) {
                        pairs++;
                        wins += scores[pos] > scores[neg] ? 1 : 0;
                    }
                }
            }
        }
        return (double) wins / pairs;
    }

    /** A context inside a recorded run of a real project, whose log it keeps. */
    static final class RunContext implements ExecutionContext {
        final List<String> log = new ArrayList<>();
        final ProjectStore store;
        final int runId;
        private static final java.util.concurrent.atomic.AtomicInteger COUNT = new java.util.concurrent.atomic.AtomicInteger();

        RunContext(Path dir) throws Exception {
            store = ProjectStore.create(dir.resolve("fusion" + COUNT.incrementAndGet()));
            runId = store.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO runs (pipeline_name, status, started_at)"
                        + " VALUES ('test', 'RUNNING', CURRENT_TIMESTAMP)", new String[] {"ID"})) {
                    ps.executeUpdate();
                    try (ResultSet k = ps.getGeneratedKeys()) {
                        k.next();
                        return k.getInt(1);
                    }
                }
            });
        }

        /** The metrics the node stored: name → value, for one segment. */
        Map<String, Double> metrics(String segment) {
            return store.read(c -> {
                Map<String, Double> out = new LinkedHashMap<>();
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT name, metric_value FROM metrics WHERE run_id = ? AND segment = ? ORDER BY name")) {
                    ps.setInt(1, runId);
                    ps.setString(2, segment);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(rs.getString(1), rs.getDouble(2));
                        }
                    }
                }
                return out;
            });
        }

        @Override
        public String nodeId() {
            return "hybrid";
        }

        @Override
        public ProjectStore store() {
            return store;
        }

        @Override
        public OptionalInt runId() {
            return OptionalInt.of(runId);
        }

        @Override
        public void progress(double fraction, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void log(String message) {
            log.add(message);
        }
    }
}
