package org.recblend.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
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

/** {@code recblend sample generate}: writes the retail sample CSV files into a folder. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes the retail sample (users, items, purchases, reviews, friends as CSV, plus a README.md) "
                + "into a folder. The same sizes and seed always give byte-identical files.",
            "The defaults write the committed sample-projects/retail/data; for a benchmark size try "
                + "--users 10000 --items 5000 --interactions 1000000."})
final class SampleGenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ProgressOptions progress;

    @Option(names = "--users", paramLabel = "N", description = "Customers (default: ${DEFAULT-VALUE}).")
    int users = SampleSpec.RETAIL_DEFAULT.users();

    @Option(names = "--items", paramLabel = "N", description = "Products (default: ${DEFAULT-VALUE}).")
    int items = SampleSpec.RETAIL_DEFAULT.items();

    @Option(names = "--interactions", paramLabel = "N", description = "Purchase rows (default: ${DEFAULT-VALUE}).")
    long interactions = SampleSpec.RETAIL_DEFAULT.interactions();

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = SampleSpec.RETAIL_DEFAULT.seed();

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "The folder to write into; created if needed, sample files in it are replaced.")
    Path out;

    @Override
    public Integer call() throws Exception {
        SampleSpec sampleSpec;
        try {
            sampleSpec = new SampleSpec(users, items, interactions, seed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        long start = System.nanoTime();
        SampleSummary summary;
        try (TaskConsole console = new TaskConsole(spec, progress.quiet)) {
            summary = new RetailSampleGenerator(sampleSpec).writeTo(out, console.monitor());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("Wrote the retail sample to " + summary.folder().toAbsolutePath().normalize() + ":");
        TextTable table = new TextTable(java.util.List.of("File", "Rows"), false, true);
        table.row(RetailSampleGenerator.USERS, (long) summary.users());
        table.row(RetailSampleGenerator.ITEMS, (long) summary.items());
        table.row(RetailSampleGenerator.PURCHASES, summary.purchases());
        table.row(RetailSampleGenerator.REVIEWS, summary.reviews());
        table.row(RetailSampleGenerator.FRIENDS, summary.friendships());
        table.print(stdout);
        stdout.println(String.format(Locale.ROOT, "Done in %.1f s.", seconds));
        stdout.flush();
        return ExitCodes.OK;
    }
}
