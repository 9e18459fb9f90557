package org.recblend.testutil;

import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;

/**
 * Measures the JavaFX thread's own work per pulse: from the pulse's animation phase to the end of
 * its CSS and layout. Beside {@link FxHeartbeat} it tells a stall made by work on the JavaFX thread
 * from one made by waiting (for the renderer of the previous frame, or for a core on a busy machine).
 * Create, start and stop on the JavaFX thread.
 */
public final class FxPulseTimer {
    private final AtomicLong longestNanos = new AtomicLong();
    private final Scene scene;
    private long pulseStart;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulseStart = System.nanoTime();
        }
    };
    private final Runnable afterLayout = () -> {
        if (pulseStart != 0) {
            longestNanos.accumulateAndGet(System.nanoTime() - pulseStart, Math::max);
            pulseStart = 0;
        }
    };

    public FxPulseTimer(Scene scene) {
        this.scene = scene;
    }

    public void start() {
        timer.start();
        scene.addPostLayoutPulseListener(afterLayout);
    }

    public void stop() {
        timer.stop();
        scene.removePostLayoutPulseListener(afterLayout);
    }

    public long longestMillis() {
        return longestNanos.get() / 1_000_000;
    }

    public void reset() {
        longestNanos.set(0);
    }
}
