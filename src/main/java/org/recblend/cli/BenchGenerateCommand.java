package org.recblend.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.recblend.sample.RetailSampleGenerator;
import org.recblend.sample.SampleSpec;
import org.recblend.sample.SampleSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code recblend bench generate}: how fast the sample generator writes a large data set. */
@Command(name = "generate",
        description = "Times the retail sample generator on a large size in a temporary folder (deleted after).")
final class BenchGenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ProgressOptions progress;

    @Option(names = "--users", paramLabel = "N", defaultValue = "10000", description = "Customers (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--items", paramLabel = "N", defaultValue = "5000", description = "Products (default: ${DEFAULT-VALUE}).")
    int items;

    @Option(names = {"--rows", "--interactions"}, paramLabel = "N", defaultValue = "1000000",
            description = "Purchase rows (default: ${DEFAULT-VALUE}).")
    long rows;

    @Mixin
    RecordOptions recording;

    @Override
    public Integer call() throws Exception {
        SampleSpec sampleSpec;
        try {
            sampleSpec = new SampleSpec(users, items, rows, 42);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Path work = Files.createTempDirectory("recblend-bench-");
        try {
            long start = System.nanoTime();
            SampleSummary summary;
            try (TaskConsole console = new TaskConsole(spec, progress.quiet)) {
                summary = new RetailSampleGenerator(sampleSpec).writeTo(work, console.monitor());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long bytes = BenchFiles.sizeOf(work);
            List<String> lines = new ArrayList<>();
            lines.add(String.format(Locale.ROOT, "- Sample generator: %,d purchases (%,d users x %,d items, %,d reviews, "
                            + "%,d friendships) in %.1f s: %,.0f purchases/s, %.1f MB written.",
                    summary.purchases(), summary.users(), summary.items(), summary.reviews(), summary.friendships(),
                    seconds, summary.purchases() / seconds, bytes / 1e6));
            PrintWriter out = spec.commandLine().getOut();
            lines.forEach(out::println);
            Path log = recording.logFile();
            if (log != null) {
                BenchmarkLog.append(log, "Sample generator", lines);
                out.println("Appended to " + log + ".");
            }
            out.flush();
            return ExitCodes.OK;
        } finally {
            BenchFiles.deleteRecursively(work);
        }
    }
}
