package org.recblend.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code recblend bench fusion}: the ablation table of issue 4. Three parts, each its own section of
 * docs/BENCHMARKS.md (so {@code --only} refreshes one without touching the others): item cold
 * start on ML-100K with plots (MiniLM against TF-IDF, text alone and with release year), Amazon
 * Scientific (BPR against the Hybrid with item text), and Last.fm with a seeded half of sparse
 * users (BPR against social fusion through the friend graph). A part whose data folder is missing
 * is written as skipped, with a note saying which folder to give.
 */
@Command(name = "fusion",
        description = "Measures what item text (MiniLM vs TF-IDF) and the friend graph add over BPR: item cold start on"
                + " ML-100K with plots, Amazon Scientific, sparse Last.fm users; writes the sections \"Fusion ablation: ...\""
                + " of docs/BENCHMARKS.md.")
final class BenchFusionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ProgressOptions progress;

    @Option(names = "--plots", paramLabel = "DIR", defaultValue = "../shared/data/ml-100k-plots",
            description = "ML-100K with plots (ratings.csv, items_info.json, users_info.csv), preset ml-100k-plots (default: ${DEFAULT-VALUE}).")
    Path plots;

    @Option(names = "--amazon", paramLabel = "DIR", defaultValue = "../shared/data/amazon-scientific-unisrec",
            description = "Amazon Scientific as RecBole atomic files, preset recbole-atomic (default: ${DEFAULT-VALUE}).")
    Path amazon;

    @Option(names = "--lastfm", paramLabel = "DIR", defaultValue = "../shared/data/hetrec2011-lastfm-2k",
            description = "HetRec 2011 Last.fm, preset lastfm-hetrec (default: ${DEFAULT-VALUE}).")
    Path lastfm;

    @Option(names = "--seeds", defaultValue = "5", paramLabel = "N",
            description = "Seeded splits (model seeds on Amazon), from 42 upwards (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--epochs", paramLabel = "N",
            description = "Epochs of BPR and the Hybrid, for a quick run (default: the nodes' own defaults).")
    Integer epochs;

    @Option(names = "--only", paramLabel = "PART", split = ",",
            description = "Run only these parts, comma separated: ${COMPLETION-CANDIDATES} (default: all).")
    List<FusionBenchmark.Part> only;

    @Option(names = "--text", paramLabel = "ENCODER", split = ",",
            description = "Text encoders to compare, comma separated: ${COMPLETION-CANDIDATES} (default: both).")
    List<FusionBenchmark.Encoder> text;

    @Option(names = "--no-hybrid",
            description = "Leave the Hybrid rows out of the cold-start part and keep BPR and the ridge baseline (the Hybrid with"
                    + " 384 text columns is the slow part: minutes per epoch on ML-100K on a loaded 2-core machine).")
    boolean noHybrid;

    @Mixin
    RecordOptions recording;

    @Override
    public Integer call() throws Exception {
        if (seeds < 1 || seeds > 100) {
            throw new ParameterException(spec.commandLine(), "--seeds must be between 1 and 100, not " + seeds);
        }
        if (epochs != null && (epochs < 1 || epochs > 10_000)) {
            throw new ParameterException(spec.commandLine(), "--epochs must be between 1 and 10000, not " + epochs);
        }
        if (System.getProperty("ai.djl.offline") == null) {
            // the encoders and deep models must never try the network from a benchmark
            System.setProperty("ai.djl.offline", "true");
        }
        Set<FusionBenchmark.Part> parts = only == null || only.isEmpty() ? EnumSet.allOf(FusionBenchmark.Part.class) : EnumSet.copyOf(only);
        List<FusionBenchmark.Encoder> encoders = text == null || text.isEmpty()
                ? List.of(FusionBenchmark.Encoder.values()) : new ArrayList<>(EnumSet.copyOf(text));
        FusionBenchmark.Options options = new FusionBenchmark.Options(seeds, epochs == null ? 0 : epochs, encoders, !noHybrid);
        PrintWriter out = spec.commandLine().getOut();
        double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int ran = 0;
        try (TaskConsole console = new TaskConsole(spec, progress.quiet)) {
            FusionBenchmark bench = new FusionBenchmark(options, console.monitor());
            for (FusionBenchmark.Part part : parts) {
                String section = switch (part) {
                    case coldstart -> bench.coldStart(plots, () -> machine(loadAtStart));
                    case amazon -> bench.amazon(amazon, () -> machine(loadAtStart));
                    case lastfm -> bench.lastfm(lastfm, () -> machine(loadAtStart));
                };
                ran += section.contains("\nSkipped: ") ? 0 : 1;
                recording.publishSection(out, section);
                out.println();
            }
        }
        return ran > 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static String machine(double loadAtStart) {
        return String.format(Locale.ROOT, "Machine: %d cores, Java %s, max heap %d MB, load average %.1f at the start of the"
                        + " command and %.1f at the end of this part (other work shares the cores); %s.",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20, loadAtStart,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), java.time.LocalDate.now());
    }
}
