package org.recblend.ui.task;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.animation.AnimationTimer;

/**
 * Applies a view's updates one per frame. JavaFX styles and lays out everything a runnable adds in
 * the pulse that follows it; a view that fills a list, thirty table columns and a chart in one go
 * holds the JavaFX thread for a third of a second, while the same work spread over a few frames
 * never blocks for long. A step queued again under the same key before it ran replaces the
 * waiting one (only the newest data matters) and keeps its place. Use on the JavaFX thread only.
 */
public final class PulseSteps {
    private final Map<Object, Runnable> waiting = new LinkedHashMap<>();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            runNext();
        }
    };
    private boolean started;

    /** Runs {@code step} in a coming frame, after the steps queued before it. */
    public void add(Object key, Runnable step) {
        waiting.put(key, step);
        if (!started) {
            started = true;
            timer.start();
        }
    }

    /** Whether every queued step has run (tests wait for it before they read the view). */
    public boolean idle() {
        return waiting.isEmpty();
    }

    /** Runs every waiting step now, in order: for exports and tests that need the finished view at once. */
    public void flush() {
        while (!waiting.isEmpty()) {
            runNext();
        }
    }

    private void runNext() {
        Iterator<Map.Entry<Object, Runnable>> it = waiting.entrySet().iterator();
        if (!it.hasNext()) {
            timer.stop();
            started = false;
            return;
        }
        Runnable step = it.next().getValue();
        it.remove();
        step.run();
    }
}
