package org.recblend.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.recblend.ingest.ImportResult;
import org.recblend.sample.SampleProject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code recblend sample project}: a ready-made project from the retail sample. */
@Command(name = "project",
        description = {"Creates a project from the retail sample: imports every generated file (customers, catalogue, "
                + "purchases, reviews, friends) with the mapping files of the sample folder, and stores the pipeline "
                + "'Prepare data' (collect, k-core, split)."})
final class SampleProjectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ProgressOptions progress;

    @Option(names = "--out", paramLabel = "PROJECT", required = true,
            description = "The new project: its base path (NAME gives NAME.mv.db and NAME.artifacts); must not exist.")
    Path out;

    @Option(names = "--from", paramLabel = "DIR",
            description = "The sample folder with data/, import/ and pipelines/ (default: the installation's retail sample, here ${DEFAULT-VALUE}).")
    Path from = SampleProject.retailFolder();

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        SampleProject.Result result;
        try (TaskConsole console = new TaskConsole(spec, progress.quiet)) {
            result = SampleProject.build(from, out, console.monitor());
        }
        PrintWriter stdout = spec.commandLine().getOut();
        TextTable table = new TextTable(List.of("Source", "Kind", "File", "Stored", "Rejected"),
                false, false, false, true, true);
        for (ImportResult r : result.imports()) {
            table.row(r.sourceName(), r.kind(), r.file().getFileName(), r.rowsStored(), r.rowsRejected());
        }
        stdout.println("Created the sample project " + result.project() + ":");
        table.print(stdout);
        stdout.println("Stored pipeline: " + String.join(", ", result.pipelines())
                + String.format(Locale.ROOT, ". Done in %.1f s.", (System.nanoTime() - start) / 1e9));
        stdout.println("Next: recblend info " + out + "; recblend run --project " + out + " --pipeline \""
                + SampleProject.PREPARE_PIPELINE + "\"");
        stdout.flush();
        return ExitCodes.OK;
    }
}
