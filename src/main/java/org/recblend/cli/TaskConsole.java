package org.recblend.cli;

import java.io.PrintWriter;
import org.recblend.task.CancellableMonitor;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Everything a long-running command needs on the console: a cancellable monitor whose progress
 * goes to stderr, log lines shown with --verbose, and Ctrl-C turned into a clean cancel.
 */
final class TaskConsole implements AutoCloseable {
    private final ConsoleProgress progress;
    private final CancellableMonitor monitor;
    private final CancelOnInterrupt interrupt;

    TaskConsole(CommandSpec spec, boolean quiet) {
        PrintWriter err = spec.commandLine().getErr();
        boolean terminal = spec.root().userObject() instanceof RecblendCommand top && top.terminal();
        boolean verbose = ErrorReporter.verbose(spec.root().commandLine().getParseResult());
        progress = new ConsoleProgress(err, terminal, quiet);
        monitor = new CancellableMonitor(progress, line -> {
            if (verbose) {
                progress.finish();
                err.println(line);
                err.flush();
            }
        });
        interrupt = new CancelOnInterrupt(monitor, err);
    }

    CancellableMonitor monitor() {
        return monitor;
    }

    @Override
    public void close() {
        progress.finish();
        interrupt.close();
    }
}
