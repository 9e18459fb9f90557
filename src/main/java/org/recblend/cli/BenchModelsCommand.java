package org.recblend.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.recblend.domain.Split;
import org.recblend.pipeline.NodeKindRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code recblend bench models}: the acceptance table of the compute engine. Runs the benchmark
 * protocol on MovieLens 100K for Popularity, ItemKNN, EASE, BPR, NeuMF and Hybrid (models whose node
 * kind is not installed are listed as skipped) and writes the section "Models on MovieLens 100K" of
 * docs/BENCHMARKS.md.
 */
@Command(name = "models",
        description = "Trains and evaluates every model kind on MovieLens 100K (75/25 per-user random split, top-10 over"
                + " all unseen items) and writes the table to docs/BENCHMARKS.md.")
final class BenchModelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ProgressOptions progress;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "../shared/data/ml-100k",
            description = "Folder with MovieLens 100K's u.data, u.item and u.user, read with the movielens-100k import preset"
                    + " (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the split and of every model (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--models", split = ",", paramLabel = "ID",
            description = "Node kind ids to run, comma separated (default: all six: train.popularity, train.itemknn,"
                    + " train.ease, train.bpr, train.neumf, train.hybrid).")
    List<String> models;

    @Mixin
    RecordOptions recording;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(data)) {
            throw new ParameterException(spec.commandLine(), "No folder " + data.toAbsolutePath()
                    + " (give --data DIR, the folder with MovieLens 100K's u.data, u.item and u.user)");
        }
        List<String[]> chosen = chosenModels();
        if (System.getProperty("ai.djl.offline") == null) {
            // the deep models must never try the network from a benchmark
            System.setProperty("ai.djl.offline", "true");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<ModelBenchmark.Row> rows = new ArrayList<>();
        Split split;
        try (TaskConsole console = new TaskConsole(spec, progress.quiet)) {
            PresetDataset ml = PresetDataset.read("movielens-100k", data, console.monitor());
            ModelBenchmark bench = new ModelBenchmark(NodeKindRegistry.load(), seed);
            split = bench.split(ml, console.monitor());
            for (String[] m : chosen) {
                ModelBenchmark.Row row = bench.run(m[0], m[1], split, ml.items(), console.monitor());
                rows.add(row);
                console.monitor().log(row.ran()
                        ? String.format(Locale.ROOT, "%s: NDCG@10 %.4f in %.1f s", row.name(), row.ndcg(), row.trainSeconds())
                        : row.name() + ": " + row.note());
            }
        }
        String machine = String.format(Locale.ROOT, "Machine: %d cores, Java %s, max heap %d MB, load average %.1f at the end"
                        + " (other work shares the cores); %s.",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), java.time.LocalDate.now());
        String section = ModelBenchmark.markdown(rows, seed, split.train().size(), split.test().size(), machine);
        recording.publishSection(out, section);
        return rows.stream().anyMatch(ModelBenchmark.Row::ran) ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private List<String[]> chosenModels() {
        if (models == null || models.isEmpty()) {
            return ModelBenchmark.MODELS;
        }
        List<String[]> chosen = new ArrayList<>();
        for (String id : models) {
            String[] known = ModelBenchmark.MODELS.stream().filter(m -> m[0].equals(id.trim())).findFirst().orElse(null);
            chosen.add(known != null ? known : new String[] {id.trim(), id.trim()});
        }
        return chosen;
    }

}
