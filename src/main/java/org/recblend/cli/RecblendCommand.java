package org.recblend.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top command: {@code recblend} and its subcommands. */
@Command(name = "recblend",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "RecBlend Workbench on the command line: import data, inspect projects, run pipelines headless.",
            "Without arguments, the jar opens the workbench window instead."},
        subcommands = {InfoCommand.class, RunCommand.class, SampleCommand.class, BenchCommand.class,
            picocli.CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Success.",
            "1:Failed while running (run with --verbose for the stack trace).",
            "2:Bad usage: unknown option, missing or invalid value.",
            "3:The project cannot be opened: not found, not a project, locked by another program, or too new.",
            "4:Bad input data: an import rejected rows (with --on-error abort).",
            "130:Cancelled (Ctrl-C); what the command had started was rolled back."},
        footer = {"", "See docs/cli.md for examples."})
public final class RecblendCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Show stack traces of errors and the work's log lines.")
    boolean verbose;

    private final boolean terminal;

    RecblendCommand(boolean terminal) {
        this.terminal = terminal;
    }

    /** Whether stderr is a terminal, where progress may redraw one line. */
    boolean terminal() {
        return terminal;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Name a command, for example 'recblend info PROJECT'");
    }
}
