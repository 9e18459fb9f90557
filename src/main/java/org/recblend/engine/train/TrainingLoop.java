package org.recblend.engine.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.recblend.domain.InteractionTable;
import org.recblend.engine.EpochRecord;
import org.recblend.engine.model.DeepModel;
import org.recblend.engine.model.DeepRecommender;
import org.recblend.engine.model.FloatMatrix;
import org.recblend.task.TaskMonitor;

/**
 * Our own training loop on DJL's PyTorch engine: manual forward, backward and a native Adam step
 * per batch, so it can check for cancel between batches (DJL's {@code EasyTrain.fit} cannot), report
 * progress per batch, evaluate and checkpoint per epoch, stop early and resume. Batches are built
 * from primitive arrays; every native array of a batch lives in a sub-manager closed with it. A
 * model's row tables ({@link DeepModel#rowTables()}) are kept in Java and trained with lazy Adam
 * (see {@link RowTables} and docs/decisions/0013).
 */
public final class TrainingLoop {
    private final DeepModel model;
    private final TrainingSettings settings;
    private Path checkpointDir;
    private String fingerprint = "";
    private EpochListener listener = EpochListener.none();

    public TrainingLoop(DeepModel model, TrainingSettings settings) {
        this.model = model;
        this.settings = settings;
    }

    /**
     * Writes a checkpoint into {@code dir} after every epoch and resumes from one found there whose
     * fingerprint (settings and data) matches; the checkpoint is deleted when training finishes.
     */
    public TrainingLoop optCheckpoints(Path dir, String dataFingerprint) {
        this.checkpointDir = dir;
        this.fingerprint = model.kind() + "|" + settings + "|" + dataFingerprint;
        return this;
    }

    public TrainingLoop optListener(EpochListener epochListener) {
        this.listener = epochListener;
        return this;
    }

    /**
     * Trains on {@code train}; when {@code validation} has rows, evaluates every epoch (NDCG@k for
     * ranking, RMSE for ratings), keeps the best epoch and stops after {@code patience} epochs
     * without improvement.
     */
    public TrainingOutcome fit(InteractionTable train, InteractionTable validation, TaskMonitor monitor) {
        if (train.size() == 0) {
            throw new IllegalArgumentException("The training split has no rows");
        }
        long t0 = System.nanoTime();
        Engine engine = TorchThreads.engine();
        engine.setRandomSeed((int) settings.seed());
        boolean validate = validation != null && validation.size() > 0;
        NegativeSampler sampler = settings.objective() == Objective.RANKING ? NegativeSampler.of(settings.sampler(), train) : null;
        try (NDManager manager = engine.newBaseManager()) {
            LinkedHashMap<String, NDArray> params = model.initParameters(manager, new SplittableRandom(settings.seed()));
            List<String> order = List.copyOf(params.keySet());
            RowTables rows = new RowTables(params, model.rowTables(), train.users().size(), train.items().size());
            Weights current = new Weights(order, params, rows);
            try (NativeAdam adam = new NativeAdam((float) settings.learningRate(), params)) {
                State st = new State();
                Optional<Checkpoint> saved = readCheckpoint();
                int start = 0;
                if (saved.isPresent()) {
                    Checkpoint c = saved.get();
                    params.forEach((name, p) -> p.set(c.params().get(name).data()));
                    rows.restore(c.params(), c.mean(), c.variance());
                    adam.restore(c.adamStep(), floats(c.mean()), floats(c.variance()));
                    st.restore(c);
                    start = c.epochsDone();
                    monitor.log("resuming " + model.kind() + " after epoch " + start + " from its checkpoint");
                }
                int resumedAfter = start;
                boolean stoppedEarly = false;
                for (int epoch = start; epoch < settings.epochs(); epoch++) {
                    long e0 = System.nanoTime();
                    double loss = epoch(engine, manager, params, rows, adam, sampler, train, epoch, monitor);
                    double seconds = (System.nanoTime() - e0) / 1e9;
                    Map<String, FloatMatrix> weights = null;
                    String metricName = null;
                    double metric = Double.NaN;
                    if (validate) {
                        weights = current.copy();
                        DeepRecommender recommender = new DeepRecommender(model.recommender(weights), weights);
                        if (settings.objective() == Objective.RANKING) {
                            metricName = "ndcg@" + settings.validK();
                            metric = HoldoutMetrics.ranking(recommender, train, validation, settings.validK(), monitor).ndcg();
                        } else {
                            metricName = "rmse";
                            metric = HoldoutMetrics.rating(recommender, validation, monitor).rmse();
                        }
                    }
                    EpochRecord record = new EpochRecord(epoch + 1, loss, metricName, metric, seconds);
                    st.curve.add(record);
                    listener.epochEnded(record);
                    if (validate) {
                        double better = settings.objective() == Objective.RANKING ? metric : -metric;
                        if (st.bestEpoch == 0 || better > st.bestMetric) {
                            st.bestMetric = better;
                            st.bestEpoch = epoch + 1;
                            st.badEpochs = 0;
                            st.best = weights;
                        } else {
                            st.badEpochs++;
                        }
                    }
                    boolean stop = validate && settings.patience() > 0 && st.badEpochs >= settings.patience();
                    if (checkpointDir != null && epoch + 1 < settings.epochs() && !stop) {
                        writeCheckpoint(epoch + 1, current, adam, st);
                    }
                    if (stop) {
                        monitor.log("early stop after epoch " + (epoch + 1) + ": best " + metricName + " at epoch " + st.bestEpoch);
                        stoppedEarly = true;
                        break;
                    }
                }
                Map<String, FloatMatrix> finalWeights = validate && st.best != null ? st.best : current.copy();
                int bestEpoch = validate && st.best != null ? st.bestEpoch : st.curve.size();
                DeepRecommender result = new DeepRecommender(model.recommender(finalWeights), finalWeights);
                deleteCheckpoint();
                return new TrainingOutcome(result, st.curve, bestEpoch, stoppedEarly, resumedAfter, (System.nanoTime() - t0) / 1e9);
            }
        }
    }

    private double epoch(Engine engine, NDManager manager, Map<String, NDArray> params, RowTables rows, NativeAdam adam,
                         NegativeSampler sampler, InteractionTable train, int epoch, TaskMonitor monitor) {
        SplittableRandom random = epochRandom(settings.seed(), epoch);
        int n = train.size();
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        for (int k = n - 1; k > 0; k--) {
            int j = random.nextInt(k + 1);
            int t = order[k];
            order[k] = order[j];
            order[j] = t;
        }
        int batchSize = settings.batchSize();
        int batches = (n + batchSize - 1) / batchSize;
        double dropout = model.idDropout();
        double lossSum = 0;
        for (int b = 0; b < batches; b++) {
            monitor.checkCancelled();
            int from = b * batchSize;
            int len = Math.min(batchSize, n - from);
            long[] users = new long[len];
            long[] items = new long[len];
            long[] negatives = sampler == null ? null : new long[len];
            float[] targets = sampler == null ? new float[len] : null;
            for (int k = 0; k < len; k++) {
                int r = order[from + k];
                users[k] = train.user(r);
                items[k] = train.item(r);
                if (sampler != null) {
                    negatives[k] = sampler.sample(train.user(r), random);
                } else {
                    targets[k] = train.weight(r);
                }
            }
            float[] maskPos = dropout > 0 ? mask(len, dropout, random) : null;
            float[] maskNeg = dropout > 0 && sampler != null ? mask(len, dropout, random) : null;
            boolean sparse = !rows.isEmpty();
            if (sparse) {
                rows.index(users, items, negatives);
            }
            try (NDManager bm = manager.newSubManager()) {
                params.values().forEach(p -> p.tempAttach(bm));
                float loss;
                try (GradientCollector gc = engine.newGradientCollector()) {
                    // With row tables the leaves already hold the batch's rows in order: no index is passed.
                    DeepModel.Scores pos = model.score(batchParams(params, rows, bm, 0), sparse ? null : bm.create(users),
                            sparse ? null : bm.create(items), maskPos == null ? null : bm.create(maskPos));
                    NDArray fit;
                    NDArray norms;
                    if (sampler != null) {
                        DeepModel.Scores neg = model.score(batchParams(params, rows, bm, 1), sparse ? null : bm.create(users),
                                sparse ? null : bm.create(negatives), maskNeg == null ? null : bm.create(maskNeg));
                        fit = Activation.softPlus(neg.score().sub(pos.score())).mean();
                        norms = pos.squaredNorm() == null ? neg.squaredNorm()
                                : neg.squaredNorm() == null ? pos.squaredNorm() : pos.squaredNorm().add(neg.squaredNorm());
                    } else {
                        fit = pos.score().sub(bm.create(targets, new Shape(len))).square().mean();
                        norms = pos.squaredNorm();
                    }
                    NDArray total = norms == null ? fit : fit.add(norms.mul((float) (settings.regularisation() / len)));
                    gc.backward(total);
                    loss = fit.getFloat();
                }
                float lr = adam.advance();
                adam.update(params, lr);
                if (sparse) {
                    adam.update(rows, lr, (float) (settings.regularisation() / len));
                }
                lossSum += (double) loss * len;
            }
            monitor.progress((epoch + (b + 1.0) / batches) / settings.epochs(),
                    "epoch " + (epoch + 1) + "/" + settings.epochs() + ", batch " + (b + 1) + "/" + batches);
        }
        return lossSum / n;
    }

    /** The native parameters plus, for the {@code call}-th scoring of a batch, the row tables' leaves. */
    private static Map<String, NDArray> batchParams(Map<String, NDArray> params, RowTables rows, NDManager bm, int call) {
        if (rows.isEmpty()) {
            return params;
        }
        Map<String, NDArray> all = new LinkedHashMap<>(params);
        all.putAll(rows.leaves(bm, call));
        return all;
    }

    /** The generator of one epoch: a function of (seed, epoch) only, so a resumed run draws what an uninterrupted one would. */
    static SplittableRandom epochRandom(long seed, int epoch) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0xBF58476D1CE4E5B9L * (epoch + 1));
    }

    private static float[] mask(int len, double dropout, SplittableRandom random) {
        float[] m = new float[len];
        for (int k = 0; k < len; k++) {
            m[k] = random.nextDouble() < dropout ? 0f : 1f;
        }
        return m;
    }

    /** Copies native parameters out to plain arrays. */
    static LinkedHashMap<String, FloatMatrix> copy(Map<String, NDArray> params) {
        LinkedHashMap<String, FloatMatrix> out = new LinkedHashMap<>();
        params.forEach((name, p) -> {
            Shape s = p.getShape();
            int rows = (int) s.get(0);
            int cols = s.dimension() > 1 ? (int) (s.size() / rows) : 1;
            out.put(name, new FloatMatrix(rows, cols, p.toFloatArray()));
        });
        return out;
    }

    private static Map<String, float[]> floats(Map<String, FloatMatrix> m) {
        Map<String, float[]> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v.data()));
        return out;
    }

    private Optional<Checkpoint> readCheckpoint() {
        if (checkpointDir == null) {
            return Optional.empty();
        }
        try {
            return Checkpoint.read(checkpointDir, fingerprint);
        } catch (IOException e) {
            // An unreadable checkpoint is ignored: training starts over and overwrites it.
            return Optional.empty();
        }
    }

    private void writeCheckpoint(int epochsDone, Weights current, NativeAdam adam, State st) {
        try {
            new Checkpoint(fingerprint, epochsDone, adam.step(), st.bestMetric, st.bestEpoch, st.badEpochs, st.curve,
                    current.copy(), current.moment(adam.mean(), 1), current.moment(adam.variance(), 2),
                    st.best == null ? Map.of() : st.best)
                    .write(checkpointDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the checkpoint in " + checkpointDir, e);
        }
    }

    private void deleteCheckpoint() {
        if (checkpointDir != null) {
            try {
                Checkpoint.delete(checkpointDir);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete the checkpoint in " + checkpointDir, e);
            }
        }
    }

    /** All parameters, native and row tables, in the model's order. */
    private record Weights(List<String> order, Map<String, NDArray> params, RowTables rows) {
        LinkedHashMap<String, FloatMatrix> copy() {
            return ordered(TrainingLoop.copy(params), rows.copy(0));
        }

        LinkedHashMap<String, FloatMatrix> moment(Map<String, NDArray> dense, int moment) {
            return ordered(TrainingLoop.copy(dense), rows.copy(moment));
        }

        private LinkedHashMap<String, FloatMatrix> ordered(Map<String, FloatMatrix> a, Map<String, FloatMatrix> b) {
            LinkedHashMap<String, FloatMatrix> out = new LinkedHashMap<>();
            for (String name : order) {
                out.put(name, a.containsKey(name) ? a.get(name) : b.get(name));
            }
            return out;
        }
    }

    /** Early-stopping state and the curve so far. */
    private static final class State {
        final List<EpochRecord> curve = new ArrayList<>();
        double bestMetric = Double.NEGATIVE_INFINITY;
        int bestEpoch;
        int badEpochs;
        Map<String, FloatMatrix> best;

        void restore(Checkpoint c) {
            curve.addAll(c.curve());
            bestMetric = c.bestMetric();
            bestEpoch = c.bestEpoch();
            badEpochs = c.badEpochs();
            best = c.best().isEmpty() ? null : c.best();
        }
    }
}
