package org.recblend.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions into one clear sentence on stderr and an exit code. The stack trace is shown
 * only with {@code --verbose}: users need the reason, developers the trace.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        report(command.getErr(), e, verbose(parsed));
        return ExitCodes.of(e);
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("Error: " + sentence(e.getMessage()));
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        if (verbose(command.getParseResult())) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.USAGE;
    }

    /** Writes the error's message as one line, and its trace when verbose. */
    static void report(PrintWriter err, Throwable e, boolean verbose) {
        err.println("Error: " + describe(e));
        if (verbose) {
            e.printStackTrace(err);
        } else if (ExitCodes.of(e) == ExitCodes.FAILED) {
            err.println("Run again with --verbose to see the stack trace.");
        }
        err.flush();
    }

    /** The user-facing text of an error: its message, or its kind when it has none. */
    static String describe(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName() + (e.getCause() != null ? ": " + describe(e.getCause()) : ".");
        }
        return sentence(message);
    }

    private static String sentence(String message) {
        String text = message.strip();
        return text.endsWith(".") || text.endsWith("?") || text.endsWith("!") ? text : text + ".";
    }

    /** Whether --verbose was given anywhere on the command line. */
    static boolean verbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
