package org.recblend.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.recblend.task.CancellableMonitor;

/**
 * Makes Ctrl-C (or a SIGTERM) cancel long work cleanly: the shutdown hook asks the work to stop
 * and waits until it has rolled back, instead of letting the JVM die half way through a write.
 * Use in try-with-resources around the work.
 */
final class CancelOnInterrupt implements AutoCloseable {
    /** How long the hook waits for the work to roll back before the JVM ends anyway. */
    private static final long GRACE_SECONDS = 60;

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    CancelOnInterrupt(CancellableMonitor monitor, PrintWriter err) {
        hook = new Thread(() -> {
            if (finished.getCount() == 0) {
                return;
            }
            err.println();
            err.println("Cancelling: waiting for the work to roll back...");
            err.flush();
            monitor.cancel();
            try {
                boolean stopped = finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
                err.println(stopped ? "Cancelled." : "Cancel did not finish within " + GRACE_SECONDS + " s; stopping anyway.");
                err.flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "recblend-cancel-on-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running and has just been released
        }
    }
}
