package org.recblend.cli;

import picocli.CommandLine.Command;

/** {@code recblend sample ...}: the generated retail sample. */
@Command(name = "sample",
        description = "The sample projects: generate their data, build a project from it, or rebuild the shipped ones.",
        subcommands = {SampleGenerateCommand.class, SampleProjectCommand.class, SampleBuildCommand.class})
final class SampleCommand {
}
