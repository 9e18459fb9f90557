package org.recblend.cli;

import picocli.CommandLine.Option;

/** The option of commands that report progress. */
final class ProgressOptions {
    @Option(names = {"-q", "--quiet"}, description = "Do not show progress on stderr.")
    boolean quiet;
}
