package org.recblend.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.recblend.sample.ShippedSample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code recblend sample build}: regenerates the shipped sample projects (data, runs, archive). */
@Command(name = "build",
        description = {"Regenerates the shipped sample projects in a sample-projects folder: writes each sample's data "
                + "with the generator, builds the project from it, runs its pipelines (retail: 'LLM hybrid' and 'CF baseline'; "
                + "cold-start: 'Cold start: text vs CF'), compacts it and writes NAME/project.zip. Takes a few minutes.",
            "Run it after a change to the project schema, the node outputs or the generator: a test fails until then."})
final class SampleBuildCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ProgressOptions progress;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "The folder holding the sample folders (sample-projects of a checkout); must exist.")
    Path out;

    @Option(names = "--name", paramLabel = "NAME", split = ",",
            description = "Only these samples (default: all of them: retail, cold-start).")
    List<String> names = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(out)) {
            throw new ParameterException(spec.commandLine(), "The folder " + out + " does not exist; give the sample-projects folder");
        }
        List<ShippedSample> samples = new ArrayList<>();
        for (String name : names.isEmpty() ? ShippedSample.names() : names) {
            samples.add(ShippedSample.find(name).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "No sample named '" + name + "'; there are: " + String.join(", ", ShippedSample.names()))));
        }
        PrintWriter stdout = spec.commandLine().getOut();
        TextTable sizes = new TextTable(List.of("Sample", "Project", "Archive", "Time"), false, true, true, true);
        TextTable figures = new TextTable(List.of("Sample", "Pipeline", "Evaluate node", "Users", "NDCG@10", "Recall@10", "AUC",
                "Cold items NDCG@10", "Cold items AUC"), false, false, false, true, true, true, true, true, true);
        Path work = Files.createTempDirectory("recblend-sample-build-");
        try {
            for (ShippedSample sample : samples) {
                ShippedSampleBuilder.Built built;
                try (TaskConsole console = new TaskConsole(spec, progress.quiet)) {
                    built = ShippedSampleBuilder.build(sample, out, work, console.monitor());
                }
                sizes.row(sample.name(), mb(built.projectBytes()), mb(built.archiveBytes()),
                        String.format(Locale.ROOT, "%.1f s", built.seconds()));
                for (ShippedSampleBuilder.Figure f : built.figures()) {
                    figures.row(sample.name(), f.pipeline(), f.node(), (long) f.users(), fmt(f.ndcg10()), fmt(f.recall10()), fmt(f.auc()),
                            fmt(f.coldNdcg10()), fmt(f.coldAuc()));
                }
            }
        } finally {
            try {
                Files.deleteIfExists(work);
            } catch (java.io.IOException e) {
                spec.commandLine().getErr().println("Left the work folder " + work + " (" + e.getMessage() + ")");
            }
        }
        stdout.println("Wrote the sample projects to " + out.toAbsolutePath().normalize() + ":");
        sizes.print(stdout);
        stdout.println();
        figures.print(stdout);
        stdout.flush();
        return ExitCodes.OK;
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.2f MB", bytes / 1e6);
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" :  String.format(Locale.ROOT, "%.4f", v);
    }
}
