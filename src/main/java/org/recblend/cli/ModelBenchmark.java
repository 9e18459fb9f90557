package org.recblend.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.recblend.domain.ItemTable;
import org.recblend.domain.Split;
import org.recblend.engine.TrainedModel;
import org.recblend.engine.eval.EvalOptions;
import org.recblend.engine.eval.EvaluationResult;
import org.recblend.engine.eval.Evaluator;
import org.recblend.engine.eval.MetricNames;
import org.recblend.nodes.preprocess.RandomSplit;
import org.recblend.nodes.train.TrainPorts;
import org.recblend.pipeline.NodeKind;
import org.recblend.pipeline.NodeKindRegistry;
import org.recblend.pipeline.NodeSettings;
import org.recblend.pipeline.PortData;
import org.recblend.pipeline.PortSpec;
import org.recblend.pipeline.PortTypes;
import org.recblend.pipeline.SeededSettings;
import org.recblend.task.TaskMonitor;

/**
 * The benchmark protocol (Microsoft Recommenders on MovieLens 100K): the {@code preprocess.split.random}
 * node splits each user's ratings 75/25 with a fixed seed; each train node kind, found by id in the
 * registry, trains with its default settings (reseeded) on the training part; the evaluator ranks
 * all items minus each user's training items and counts every held-out rating as relevant.
 */
final class ModelBenchmark {
    /** The models of the acceptance table, by node kind id, with their display names. */
    static final List<String[]> MODELS = List.of(
            new String[] {"train.popularity", "Popularity"},
            new String[] {"train.itemknn", "ItemKNN"},
            new String[] {"train.ease", "EASE"},
            new String[] {"train.bpr", "BPR"},
            new String[] {"train.neumf", "NeuMF"},
            new String[] {"train.hybrid", "Hybrid (with genres)"});
    static final int K = 10;

    /** One model's line of the table; {@code note} is set (and figures NaN) when it was skipped or failed. */
    record Row(String name, String kindId, double precision, double recall, double ndcg, double map, double coverage,
               double trainSeconds, double evalSeconds, String note) {
        static Row skipped(String name, String kindId, String note) {
            return new Row(name, kindId, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, note);
        }

        boolean ran() {
            return note == null;
        }
    }

    private final NodeKindRegistry registry;
    private final long seed;

    ModelBenchmark(NodeKindRegistry registry, long seed) {
        this.registry = registry;
        this.seed = seed;
    }

    /** The protocol's split of the ratings. */
    Split split(PresetDataset data, TaskMonitor monitor) throws Exception {
        RandomSplit kind = new RandomSplit();
        RandomSplit.Settings settings = new RandomSplit.Settings(0.25, 0, seed);
        settings.validate();
        return kind.execute(settings, List.of(PortData.of(PortTypes.INTERACTIONS, data.ratings())),
                new HeadlessContext("split", monitor)).get(0).as(Split.class);
    }

    /** Trains and evaluates one model kind; a missing kind or a failure becomes a row with a note. */
    Row run(String kindId, String name, Split split, ItemTable items, TaskMonitor monitor) {
        Optional<NodeKind<?>> kind = registry.find(kindId);
        if (kind.isEmpty()) {
            return Row.skipped(name, kindId, "node kind " + kindId + " is not installed");
        }
        try {
            long t0 = System.nanoTime();
            TrainedModel model = train(kind.get(), split, items, monitor);
            double wall = (System.nanoTime() - t0) / 1e9;
            double seconds = model.trainSeconds() > 0 ? model.trainSeconds() : wall;
            EvaluationResult r = Evaluator.evaluate(model.recommender(), split, EvalOptions.defaults().withKs(K), monitor);
            return new Row(name, kindId, r.value(MetricNames.PRECISION, K), r.value(MetricNames.RECALL, K),
                    r.value(MetricNames.NDCG, K), r.value(MetricNames.MAP, K), r.value(MetricNames.COVERAGE, K), seconds,
                    r.seconds(), null);
        } catch (org.recblend.task.CancelledException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return Row.skipped(name, kindId, "failed: " + m);
        }
    }

    private <S extends NodeSettings> TrainedModel train(NodeKind<S> kind, Split split, ItemTable items, TaskMonitor monitor)
            throws Exception {
        S settings = kind.defaultSettings();
        if (settings instanceof SeededSettings seeded) {
            settings = kind.settingsClass().cast(seeded.withSeed(seed));
        }
        settings.validate();
        List<PortData> inputs = new ArrayList<>();
        for (PortSpec in : kind.descriptor().inputs()) {
            if (in.type().id().equals(PortTypes.SPLIT.id())) {
                inputs.add(PortData.of(PortTypes.SPLIT, split));
            } else if (in.type().id().equals(PortTypes.ITEM_TABLE.id())) {
                inputs.add(PortData.of(PortTypes.ITEM_TABLE, items));
            } else if (in.optional()) {
                inputs.add(null);
            } else {
                throw new IllegalStateException("needs a " + in.type().displayName() + " input the benchmark cannot give");
            }
        }
        List<PortData> out = kind.execute(settings, java.util.Collections.unmodifiableList(inputs),
                new HeadlessContext(kind.descriptor().id(), monitor));
        for (PortData d : out) {
            if (d.type().id().equals(TrainPorts.TRAINED_MODEL.id())) {
                return d.as(TrainedModel.class);
            }
        }
        throw new IllegalStateException("produced no trained model");
    }

    /** The Markdown section: heading, protocol, table, published figures and notes. */
    static String markdown(List<Row> rows, long seed, int trainRows, int testRows, String machine) {
        StringBuilder b = new StringBuilder("## Models on MovieLens 100K\n\n");
        b.append("Protocol (Microsoft Recommenders benchmark): MovieLens 100K (943 users, 1,682 items, 100,000 ratings);"
                + " per-user stratified random split 75/25 (node `preprocess.split.random`, seed ").append(seed)
                .append(String.format(Locale.ROOT, "; %,d training and %,d test ratings); ", trainRows, testRows))
                .append("top-10 over all items minus each user's training items; every held-out rating counts as relevant;"
                        + " figures are means over the 943 test users. MAP@10 divides by the user's number of relevant"
                        + " items (as Microsoft Recommenders' `map_at_k`). Coverage@10: share of the 1,682 items in at"
                        + " least one top-10 list. Each model trains with its node's default settings. Written by"
                        + " `recblend bench models`.\n\n");
        b.append(machine).append("\n\n");
        b.append("| Model | Precision@10 | Recall@10 | NDCG@10 | MAP@10 | Coverage@10 | Training s | Evaluation s |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            if (r.ran()) {
                b.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.1f | %.2f |%n", r.name(),
                        r.precision(), r.recall(), r.ndcg(), r.map(), r.coverage(), r.trainSeconds(), r.evalSeconds()));
            } else {
                b.append("| ").append(r.name()).append(" | – | – | – | – | – | – | – |\n");
            }
        }
        b.append("| *Published BPR (Microsoft Recommenders)* | *0.388* | *0.213* | *0.442* | *0.133* | | | |\n");
        b.append("| *Reference here: popularity / EASE λ=500 / BPR (PyTorch)* | | | *0.256 / 0.489 / 0.450* | | | | |\n");
        List<String> notes = new ArrayList<>();
        for (Row r : rows) {
            if (!r.ran()) {
                notes.add("- " + r.name() + " (`" + r.kindId() + "`): " + r.note() + ".");
            }
        }
        if (!notes.isEmpty()) {
            b.append("\nNot in the table:\n\n");
            notes.forEach(n -> b.append(n).append('\n'));
        }
        b.append("\nEvaluation s: one full evaluation of all 943 users (every item ranked, K = 10), in the same process"
                + " after training; the first one also pays for JIT compilation.\n");
        return b.toString();
    }
}
