package org.recblend.nodes.evaluate;

import org.recblend.pipeline.SettingDoc;
import java.util.Map;
import java.util.List;
import org.recblend.domain.Split;
import org.recblend.engine.TrainedModel;
import org.recblend.engine.Parallel;
import org.recblend.engine.eval.EvalOptions;
import org.recblend.engine.eval.EvaluationResult;
import org.recblend.engine.eval.Evaluator;
import org.recblend.nodes.recommend.ScaledMonitor;
import org.recblend.nodes.train.TrainPorts;
import org.recblend.pipeline.ExecutionContext;
import org.recblend.pipeline.InvalidSettingsException;
import org.recblend.pipeline.NodeDescriptor;
import org.recblend.pipeline.BaseNodeKind;
import org.recblend.pipeline.NodeSettings;
import org.recblend.pipeline.PortData;
import org.recblend.pipeline.PortSpec;
import org.recblend.pipeline.PortTypes;
import org.recblend.pipeline.Stage;

/**
 * Full-ranking evaluation of a trained model on a split (see {@link Evaluator}). In a run every
 * figure is stored in table {@code metrics}, per-user values included when asked, so runs can be
 * compared later ({@link MetricsRepository#compare}).
 */
public final class EvaluateModel extends BaseNodeKind<EvaluateModel.Settings> {
    public static final String ID = "evaluate.ranking";

    /**
     * @param ks          the cut-offs
     * @param target      the part of the split whose rows are relevant
     * @param excludeSeen whether training items are left out of the rankings
     * @param perUser     whether per-user values are stored (needed to compare runs)
     */
    public record Settings(List<Integer> ks, EvalOptions.Target target, boolean excludeSeen, boolean perUser)
            implements NodeSettings {
        public Settings {
            ks = ks == null ? List.of() : ks.stream().distinct().sorted().toList();
        }

        @Override
        public void validate() throws InvalidSettingsException {
            if (ks.isEmpty()) {
                throw InvalidSettingsException.notConfigured("Give at least one cut-off K");
            }
            for (int k : ks) {
                if (k < 1 || k > 1000) {
                    throw new InvalidSettingsException("A cut-off K must be between 1 and 1,000, not " + k);
                }
            }
            if (target == null) {
                throw InvalidSettingsException.notConfigured("Choose the part of the split to evaluate on");
            }
        }

        EvalOptions options() {
            return new EvalOptions(ks, target, excludeSeen, Parallel.defaultThreads());
        }
    }

    private static final NodeDescriptor DESCRIPTOR = new NodeDescriptor(ID, "Ranking evaluation", Stage.EVALUATE,
            List.of(PortSpec.of("model", TrainPorts.TRAINED_MODEL), PortSpec.of("split", PortTypes.SPLIT)),
            List.of(PortSpec.of("metrics", EvaluatePorts.METRICS)),
            "Ranks all items for every test user (training items left out) and measures precision, recall, NDCG,"
                    + " MAP, MRR and hit rate at each K, AUC, coverage, novelty and Gini, per user activity segment"
                    + " and for cold items; RMSE and MAE for rating models. Figures are stored with the run.");

    public EvaluateModel() {
        super(DESCRIPTOR, Settings.class);
    }

    @Override
    public Map<String, SettingDoc> settingDocs() {
        return SettingDoc.builder()
                .setting("ks", "Cut-offs (K)", "The ranking cut-offs, e.g. 5, 10, 20")
                .setting("target", "Evaluate on", "The part of the split whose rows are relevant")
                .setting("excludeSeen", "Leave out training items", "Leave training items out of the rankings")
                .setting("perUser", "Store per-user values", "Store per-user values (needed to compare runs)")
                .build();
    }

    @Override
    public Settings defaultSettings() {
        return new Settings(EvalOptions.DEFAULT_KS, EvalOptions.Target.TEST, true, true);
    }

    @Override
    public List<PortData> execute(Settings s, List<PortData> inputs, ExecutionContext ctx) throws Exception {
        TrainedModel model = inputs.get(0).as(TrainedModel.class);
        Split split = inputs.get(1).as(Split.class);
        if (s.target() == EvalOptions.Target.VALIDATION && !split.hasValidation()) {
            throw new IllegalArgumentException("The split has no validation part; evaluate on test or split with a validation share");
        }
        EvaluationResult result = Evaluator.evaluate(model.recommender(), split, s.options(), new ScaledMonitor(ctx, 0, 0.8));
        ctx.log(model.kind() + ": " + result);
        if (ctx.runId().isPresent()) {
            ctx.checkCancelled();
            new MetricsRepository(ctx.store()).save(ctx.runId().getAsInt(), ctx.nodeId(), result, s.perUser(),
                    new ScaledMonitor(ctx, 0.8, 0.2));
        }
        ctx.progress(1, "done");
        return List.of(PortData.of(EvaluatePorts.METRICS, result));
    }
}
