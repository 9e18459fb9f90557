package org.recblend.cli;

import picocli.CommandLine.Command;

/** {@code recblend bench ...}: benchmarks that print figures and record them in docs/BENCHMARKS.md. */
@Command(name = "bench",
        description = "Runs a benchmark, prints its figures and appends them to a Markdown log.",
        subcommands = {BenchImportCommand.class, BenchGenerateCommand.class, BenchModelsCommand.class, BenchTrainingCommand.class,
                BenchFusionCommand.class})
final class BenchCommand {
}
