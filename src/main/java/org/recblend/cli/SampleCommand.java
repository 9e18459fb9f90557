package org.recblend.cli;

import picocli.CommandLine.Command;

/** {@code recblend sample ...}: the generated retail sample. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Generates the retail sample data (and, later, a sample project from it).",
        subcommands = {SampleGenerateCommand.class})
final class SampleCommand {
}
