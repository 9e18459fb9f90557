package org.recblend.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;

/** Runs {@code recblend} commands: from {@link org.recblend.Launcher} with the process's streams, or in tests. */
public final class Cli {
    private Cli() {
    }

    /** Runs a command line on stdout and stderr and returns its exit code (see {@link ExitCodes}). */
    public static int run(String... args) {
        Charset charset = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, charset), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, charset), true);
        return commandLine(out, err, System.console() != null).execute(args);
    }

    /** Runs a command line on the given writers and returns its exit code; progress never redraws. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return commandLine(out, err, false).execute(args);
    }

    /** The configured command line: exit codes, error messages, writers. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, boolean terminal) {
        ErrorReporter errors = new ErrorReporter();
        return new CommandLine(new RecblendCommand(terminal))
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setUsageHelpAutoWidth(true);
    }

    /** Writes an error as {@code recblend} does: one sentence, the trace only when verbose. */
    static void report(PrintWriter err, Throwable e, boolean verbose) {
        ErrorReporter.report(err, e, verbose);
    }
}
