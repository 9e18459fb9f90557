package org.recblend.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.recblend.ingest.bench.ImportBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code recblend bench import}: our importer against H2's own CSV bulk load, on the same generated file. */
@Command(name = "import",
        description = {"Generates an interactions CSV (user, item, rating, timestamp; 10,000 users x 5,000 items), "
                + "imports it into a new project with RecBlend's importer and loads it into another with H2's "
                + "INSERT ... SELECT FROM CSVREAD, and prints both times and their ratio (target: at most 1.5).",
            "Works in a temporary folder, deleted afterwards."})
final class BenchImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "1000000", description = "Rows of the file (default: ${DEFAULT-VALUE}).")
    int rows;

    @Mixin
    RecordOptions recording;

    @Override
    public Integer call() throws Exception {
        if (rows < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--rows must be at least 1, not " + rows);
        }
        PrintWriter out = spec.commandLine().getOut();
        Path work = Files.createTempDirectory("recblend-bench-import-");
        ImportBenchmark.Result r;
        try (PrintStream stream = new PrintStream(new LinesToWriter(out), true, StandardCharsets.UTF_8)) {
            r = ImportBenchmark.run(work, rows, stream);
        } finally {
            BenchFiles.deleteRecursively(work);
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "- Import of %,d interactions (%.1f MB CSV): RecBlend importer %,d ms, "
                        + "H2 CSVREAD %,d ms, ratio %.2f (target <= 1.50: %s); %,d rows stored.",
                r.rows(), r.fileBytes() / 1e6, r.oursMillis(), r.h2Millis(), r.ratio(),
                r.meetsTarget() ? "met" : "NOT met", r.stored()));
        Path log = recording.logFile();
        if (log != null) {
            BenchmarkLog.append(log, "Import", lines);
            out.println("Appended to " + log + ".");
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Passes the benchmark's printed lines to the command's output as they come. */
    private static final class LinesToWriter extends OutputStream {
        private final PrintWriter writer;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LinesToWriter(PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public void write(int b) {
            if (b == '\n') {
                writer.println(line.toString(StandardCharsets.UTF_8).stripTrailing());
                writer.flush();
                line.reset();
            } else {
                line.write(b);
            }
        }

        @Override
        public void flush() throws IOException {
            writer.flush();
        }
    }
}
