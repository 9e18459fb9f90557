package org.recblend.testutil;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javafx.application.Platform;

/**
 * Finds what the JavaFX thread does while it stalls: while a posted beat has waited longer than a
 * threshold, samples the FX thread's stack every 5 ms and counts its innermost RecBlend frame, its
 * innermost control (or chart) frame and its top frame. Benchmarks print the most frequent ones after a stall over their target.
 */
public final class FxStallSampler implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
    private final AtomicLong pendingSince = new AtomicLong();
    private final Map<String, Integer> counts = new HashMap<>();
    private final Thread fxThread;

    public FxStallSampler(long thresholdMillis) throws Exception {
        Thread[] fx = new Thread[1];
        java.util.concurrent.CountDownLatch found = new java.util.concurrent.CountDownLatch(1);
        Platform.runLater(() -> {
            fx[0] = Thread.currentThread();
            found.countDown();
        });
        found.await(10, TimeUnit.SECONDS);
        fxThread = fx[0];
        timer.scheduleAtFixedRate(() -> {
            if (pendingSince.compareAndSet(0, System.nanoTime())) {
                Platform.runLater(() -> pendingSince.set(0));
            }
        }, 0, 10, TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(() -> {
            long since = pendingSince.get();
            if (since != 0 && System.nanoTime() - since > TimeUnit.MILLISECONDS.toNanos(thresholdMillis)) {
                sample();
            }
        }, 0, 5, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        StackTraceElement[] stack = fxThread.getStackTrace();
        if (stack.length == 0) {
            return;
        }
        String ours = "-";
        for (StackTraceElement e : stack) {
            if (e.getClassName().startsWith("org.recblend.")) {
                ours = e.getClassName().substring("org.recblend.".length()) + "." + e.getMethodName() + ":" + e.getLineNumber();
                break;
            }
        }
        String top = stack[0].getClassName() + "." + stack[0].getMethodName();
        String control = "-";
        for (StackTraceElement e : stack) {
            if (e.getClassName().startsWith("javafx.scene.control.") || e.getClassName().startsWith("com.sun.javafx.scene.control.")
                    || e.getClassName().startsWith("org.jfree.")) {
                control = e.getClassName() + "." + e.getMethodName();
                break;
            }
        }
        // a parked FX thread: who made it wait (the renderer, a lock, a join)
        String waiter = null;
        if (stack[0].getMethodName().equals("park")) {
            for (StackTraceElement e : stack) {
                if (!e.getClassName().startsWith("java.") && !e.getClassName().startsWith("jdk.")) {
                    waiter = e.getClassName() + "." + e.getMethodName();
                    break;
                }
            }
        }
        synchronized (counts) {
            if (waiter != null) {
                counts.merge("wait " + waiter, 1, Integer::sum);
            }
            counts.merge("ours " + ours, 1, Integer::sum);
            counts.merge("top  " + top, 1, Integer::sum);
            counts.merge("ctl  " + control, 1, Integer::sum);
        }
    }

    /** The most frequent frames since the last reset, "count  frame" per line. */
    public String report(int lines) {
        synchronized (counts) {
            return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(lines)
                    .map(e -> String.format("%6d  %s", e.getValue(), e.getKey())).collect(Collectors.joining("\n"));
        }
    }

    public void reset() {
        synchronized (counts) {
            counts.clear();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
