package org.recblend.nodes.train;

import org.recblend.pipeline.SettingDoc;
import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.Split;
import org.recblend.engine.EpochRecord;
import org.recblend.engine.TrainedModel;
import org.recblend.engine.model.DeepModel;
import org.recblend.engine.train.HoldoutMetrics;
import org.recblend.engine.train.Objective;
import org.recblend.engine.train.TrainingLoop;
import org.recblend.engine.train.TrainingOutcome;
import org.recblend.pipeline.BaseNodeKind;
import org.recblend.pipeline.ExecutionContext;
import org.recblend.pipeline.NodeDescriptor;
import org.recblend.pipeline.PortData;
import org.recblend.pipeline.PortSpec;
import org.recblend.pipeline.PortTypes;
import org.recblend.pipeline.SettingsCodec;
import org.recblend.pipeline.Stage;
import org.recblend.store.ProjectStore;

/**
 * The common part of the train nodes of DJL models: runs the training loop on the split's training
 * part (validation, when present, drives early stopping), logs every epoch, stores the curve in
 * {@code training_curves}, checkpoints under the project's artifacts folder and resumes from there
 * after a cancel. Under the rating objective it reports test RMSE and MAE (stored in {@code metrics}).
 */
abstract class DeepTrainKind<S extends DeepSettings> extends BaseNodeKind<S> {
    static final String SPLIT = "split";
    static final String MODEL = "model";


    DeepTrainKind(String id, String name, Class<S> settingsClass, List<PortSpec> extraInputs, String help) {
        super(new NodeDescriptor(id, name, Stage.TRAIN, inputs(extraInputs), List.of(PortSpec.of(MODEL, TrainPorts.TRAINED_MODEL)),
                help), settingsClass);
    }

    private static List<PortSpec> inputs(List<PortSpec> extra) {
        List<PortSpec> inputs = new ArrayList<>();
        inputs.add(PortSpec.of(SPLIT, PortTypes.SPLIT));
        inputs.addAll(extra);
        return inputs;
    }

    /** The docs of the settings every DJL-trained model has, in group "Training"; kinds put their model's group first. */
    static SettingDoc.Builder trainingDocs(SettingDoc.Builder docs) {
        return docs.group("Training")
                .setting("epochs", "Epochs", "Passes over the training rows (fewer when early stopping ends it)")
                .setting("batchSize", "Training pairs per optimiser step")
                .setting("learningRate", "Adam's step size, above 0 and at most 10")
                .setting("regularisation", "L2 weight on the embedding rows of a batch")
                .setting("objective", "Ranking (BPR loss, a positive above a sampled negative) or rating (MSE on the"
                        + " interaction weights; reports test RMSE and MAE)")
                .setting("sampler", "Negative sampler", "How negative items are drawn: uniformly, or by popularity^0.75"
                        + " (harder negatives)")
                .setting("patience", "Epochs without a better validation NDCG before stopping (0: off; needs a validation split)")
                .setting("seed", "Seed of initialisation and sampling");
    }

    /** The model to fit, built for this split (and the optional inputs after it). */
    abstract DeepModel model(S settings, Split split, List<PortData> inputs, ExecutionContext ctx);

    /** Called after training, before the model is handed on: for reports such as source contributions. */
    void trained(S settings, DeepModel model, TrainingOutcome outcome, Split split, ExecutionContext ctx) throws Exception {
    }

    @Override
    public List<PortData> execute(S settings, List<PortData> inputs, ExecutionContext ctx) throws Exception {
        Split split = inputs.get(0).as(Split.class);
        DeepModel model = model(settings, split, inputs, ctx);
        TrainingLoop loop = new TrainingLoop(model, settings.training());
        OptionalInt runId = ctx.runId();
        ProjectStore store = ctx.store();
        if (store != null) {
            String data = fingerprint(split);
            loop.optCheckpoints(store.artifactsDir().resolve("checkpoints").resolve(safe(ctx.nodeId()) + "-" + data.substring(0, 16)), data);
        }
        loop.optListener(r -> {
            ctx.log(describe(r));
            ctx.metric(ExecutionContext.LOSS, r.epoch(), r.trainLoss());
            if (!Double.isNaN(r.validMetric())) {
                ctx.metric(r.validMetricName(), r.epoch(), r.validMetric());
            }
            if (store != null && runId.isPresent()) {
                storeCurve(store, runId.getAsInt(), ctx.nodeId(), List.of(r));
            }
        });
        ctx.log("training " + model.kind() + " on " + split.train().size() + " rows: " + settings);
        TrainingOutcome out = loop.fit(split.train(), split.validation(), ctx);
        if (out.resumedAfter() > 0) {
            // the epochs before the checkpoint never reached the listener in this run
            for (EpochRecord r : out.curve().subList(0, Math.min(out.resumedAfter(), out.curve().size()))) {
                ctx.metric(ExecutionContext.LOSS, r.epoch(), r.trainLoss());
                if (!Double.isNaN(r.validMetric())) {
                    ctx.metric(r.validMetricName(), r.epoch(), r.validMetric());
                }
            }
        }
        if (store != null && runId.isPresent() && out.resumedAfter() > 0) {
            storeCurve(store, runId.getAsInt(), ctx.nodeId(), out.curve());
        }
        ctx.log(String.format("trained %s in %.1f s (%d epochs%s)", model.kind(), out.trainSeconds(), out.curve().size(),
                out.stoppedEarly() ? ", stopped early, best epoch " + out.bestEpoch() : ""));
        if (settings.training().objective() == Objective.RATING && split.test().size() > 0) {
            HoldoutMetrics.Rating r = HoldoutMetrics.rating(out.recommender(), split.test(), ctx);
            ctx.log(String.format("test RMSE %.4f, MAE %.4f over %d ratings", r.rmse(), r.mae(), r.rows()));
            if (store != null && runId.isPresent()) {
                storeMetrics(store, runId.getAsInt(), ctx.nodeId(), Map.of("rmse", r.rmse(), "mae", r.mae()));
            }
        }
        trained(settings, model, out, split, ctx);
        Map<String, Object> settingsMap = SettingsCodec.mapper().convertValue(settings, new TypeReference<Map<String, Object>>() { });
        TrainedModel trained = new TrainedModel(out.recommender(), model.kind(), settingsMap, out.curve(), out.trainSeconds());
        return List.of(PortData.of(TrainPorts.TRAINED_MODEL, trained));
    }

    /** The mean training weight: the offset of models trained on ratings. */
    static float ratingOffset(DeepSettings s, InteractionTable train) {
        if (s.training().objective() != Objective.RATING || train.size() == 0) {
            return 0;
        }
        double sum = 0;
        for (int r = 0; r < train.size(); r++) {
            sum += train.weight(r);
        }
        return (float) (sum / train.size());
    }

    static boolean[] warm(int[] counts) {
        boolean[] warm = new boolean[counts.length];
        for (int k = 0; k < counts.length; k++) {
            warm[k] = counts[k] > 0;
        }
        return warm;
    }

    private static String describe(EpochRecord r) {
        String valid = Double.isNaN(r.validMetric()) ? "" : String.format(", valid %s %.4f", r.validMetricName(), r.validMetric());
        return String.format("epoch %d: loss %.4f%s (%.2f s)", r.epoch(), r.trainLoss(), valid, r.seconds());
    }

    /** A digest of the training and validation rows: a checkpoint only resumes on the same data. */
    static String fingerprint(Split split) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (InteractionTable t : List.of(split.train(), split.validation())) {
            md.update((t.size() + ":" + t.hashCode() + ":" + t.users().hashCode() + ":" + t.items().hashCode() + ";")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static String safe(String nodeId) {
        return nodeId.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    static void storeCurve(ProjectStore store, int runId, String nodeId, List<EpochRecord> records) {
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO training_curves (run_id, node_id, epoch, train_loss,"
                    + " valid_metric, valid_metric_name, seconds) KEY (run_id, node_id, epoch) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (EpochRecord r : records) {
                    ps.setInt(1, runId);
                    ps.setString(2, nodeId);
                    ps.setInt(3, r.epoch());
                    ps.setDouble(4, r.trainLoss());
                    if (Double.isNaN(r.validMetric())) {
                        ps.setNull(5, java.sql.Types.DOUBLE);
                    } else {
                        ps.setDouble(5, r.validMetric());
                    }
                    ps.setString(6, r.validMetricName());
                    ps.setDouble(7, r.seconds());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    static void storeMetrics(ProjectStore store, int runId, String nodeId, Map<String, Double> metrics) {
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO metrics (run_id, node_id, name, k, segment, metric_value) VALUES (?, ?, ?, NULL, 'all', ?)")) {
                for (Map.Entry<String, Double> m : metrics.entrySet()) {
                    ps.setInt(1, runId);
                    ps.setString(2, nodeId);
                    ps.setString(3, m.getKey());
                    ps.setDouble(4, m.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Where checkpoints of this node live (for tests and for the UI's "discard checkpoint"). */
    static Path checkpointRoot(ProjectStore store) {
        return store.artifactsDir().resolve("checkpoints");
    }
}
