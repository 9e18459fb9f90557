package org.recblend.ui.importwizard;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.recblend.task.CancellableMonitor;

/**
 * Hands progress from a worker thread to the JavaFX thread, coalesced: however fast the worker
 * reports, at most one update waits in the event queue, and it carries the latest value.
 */
final class ProgressRelay implements CancellableMonitor.ProgressListener {
    private record Update(double fraction, String message) {
    }

    private final Executor uiThread;
    private final BiConsumer<Double, String> sink;
    private final AtomicReference<Update> latest = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    ProgressRelay(Executor uiThread, BiConsumer<Double, String> sink) {
        this.uiThread = uiThread;
        this.sink = sink;
    }

    @Override
    public void onProgress(double fraction, String message) {
        latest.set(new Update(fraction, message));
        if (scheduled.compareAndSet(false, true)) {
            uiThread.execute(() -> {
                scheduled.set(false);
                Update u = latest.get();
                sink.accept(u.fraction(), u.message());
            });
        }
    }
}
