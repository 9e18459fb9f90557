package org.recblend.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.recblend.task.CancellableMonitor;

/**
 * Shows progress on stderr. On a terminal one line is rewritten in place; otherwise (a pipe, a CI
 * log, a test) a line is written at every tenth of the way, so logs stay short.
 */
final class ConsoleProgress implements CancellableMonitor.ProgressListener {
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final boolean interactive;
    private final boolean quiet;
    private int lastStep = -1;
    private long lastDraw;
    private boolean lineOpen;

    ConsoleProgress(PrintWriter err, boolean interactive, boolean quiet) {
        this.err = err;
        this.interactive = interactive;
        this.quiet = quiet;
    }

    @Override
    public synchronized void onProgress(double fraction, String message) {
        if (quiet) {
            return;
        }
        int percent = fraction < 0 ? -1 : (int) Math.floor(Math.min(1, fraction) * 100);
        if (interactive) {
            long now = System.nanoTime();
            if (now - lastDraw < REDRAW_NANOS && percent < 100) {
                return;
            }
            lastDraw = now;
            err.print("\r" + line(percent, message) + "\u001B[K");
            lineOpen = true;
            err.flush();
            return;
        }
        int step = percent / 10;
        if (step > lastStep) {
            lastStep = step;
            err.println(line(percent, message));
            err.flush();
        }
    }

    /** Ends the rewritten line, so what follows starts on a line of its own. */
    synchronized void finish() {
        if (lineOpen) {
            err.println();
            err.flush();
            lineOpen = false;
        }
    }

    private static String line(int percent, String message) {
        return percent < 0 ? "      " + message : String.format(Locale.ROOT, "%4d%% %s", percent, message);
    }
}
