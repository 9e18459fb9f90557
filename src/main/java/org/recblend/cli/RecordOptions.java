package org.recblend.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every benchmark shares: where its figures are recorded, or that they are only printed. */
final class RecordOptions {
    @Option(names = "--record", paramLabel = "FILE",
            description = "Write the figures to this Markdown file (default: docs/BENCHMARKS.md when the docs folder exists).")
    Path record;

    @Option(names = "--no-record", description = "Only print the figures.")
    boolean noRecord;

    /** The log to write to: the one given, else docs/BENCHMARKS.md when a docs folder exists here, else none. */
    Path logFile() {
        if (noRecord) {
            return null;
        }
        if (record != null) {
            return record;
        }
        return Files.isDirectory(BenchmarkLog.DEFAULT.getParent()) ? BenchmarkLog.DEFAULT : null;
    }

    /** Prints a Markdown section and writes it into the log, replacing the section of the same title. */
    void publishSection(java.io.PrintWriter out, String section) throws java.io.IOException {
        out.print(section);
        Path file = logFile();
        if (file != null) {
            MarkdownSections.replace(file, section);
            out.println();
            out.println("Written to " + file + ".");
        }
        out.flush();
    }
}
