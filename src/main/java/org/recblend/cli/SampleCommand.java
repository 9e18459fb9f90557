package org.recblend.cli;

import picocli.CommandLine.Command;

/** {@code recblend sample ...}: the generated retail sample. */
@Command(name = "sample",
        description = "The retail sample: generate its data, or build a ready-made project from it.",
        subcommands = {SampleGenerateCommand.class, SampleProjectCommand.class})
final class SampleCommand {
}
