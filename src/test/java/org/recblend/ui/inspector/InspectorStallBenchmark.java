package org.recblend.ui.inspector;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recblend.results.InspectorFixture;
import org.recblend.ui.inspector.items.ItemExplorerView;
import org.recblend.ui.task.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The longest gap between two JavaFX pulses while the user inspector and the item explorer load
 * (runs, a user's lists under two models, a map), on the two runs of the retail sample: the reads
 * run in the background, so the gap is the time the views spend applying results on the FX thread.
 * Prints, never asserts. Run: mvn -o -q test -Dtest.excludedGroups=none -Dtest=InspectorStallBenchmark
 */
@Tag("benchmark")
@ExtendWith(ApplicationExtension.class)
class InspectorStallBenchmark {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 1280, 800));
        stage.show();
    }

    @Test
    void pulsesWhileTheViewsLoad(FxRobot robot) throws Exception {
        // the first round pays for loading the controls' and JFreeChart's classes; the second is what a user meets later
        for (int round = 1; round <= 2; round++) {
            System.out.println("round " + round + (round == 1 ? " (first views of the JVM)" : ""));
            measure(robot);
        }
        System.out.printf(Locale.ROOT, "load average (1 min) %s; 2 cores shared with other builds%n",
                java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0]);
    }

    private void measure(FxRobot robot) throws Exception {
        InspectorFixture f = InspectorFixture.get();
        FxTaskExecutor executor = new FxTaskExecutor();
        AtomicLong last = new AtomicLong();
        AtomicLong worst = new AtomicLong();
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long prev = last.getAndSet(now);
                if (prev != 0) {
                    worst.accumulateAndGet(now - prev, Math::max);
                }
            }
        };
        robot.interact(timer::start);
        long t0 = System.nanoTime();
        AtomicLong openNanos = new AtomicLong();
        UserInspectorView view = WaitForAsyncUtils.asyncFx(() -> {
            long o = System.nanoTime();
            UserInspectorView v = UserInspectorView.open(f.store, f.runner.cache(), executor);
            ((StackPane) stage.getScene().getRoot()).getChildren().setAll(v.root());
            openNanos.set(System.nanoTime() - o);
            return v;
        }).get(30, TimeUnit.SECONDS);
        UserInspectorViewModel vm = view.viewModel();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.matches().isEmpty());
        robot.interact(() -> vm.showUser(f.userWithAHit()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.listProperty().get() != null && !vm.loadingProperty().get());
        robot.interact(() -> vm.setCompare(vm.models().stream().filter(m -> m.nodeId().equals("bpr")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.compareListProperty().get() != null && !vm.loadingProperty().get());
        double inspector = (System.nanoTime() - t0) / 1e6;
        long inspectorWorst = worst.getAndSet(0);
        long t1 = System.nanoTime();
        ItemExplorerView explorer = WaitForAsyncUtils.asyncFx(() -> {
            ItemExplorerView v = ItemExplorerView.open(f.store, f.runner.cache(), executor);
            ((StackPane) stage.getScene().getRoot()).getChildren().setAll(v.root());
            return v;
        }).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> explorer.viewModel().mapProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        double map = (System.nanoTime() - t1) / 1e6;
        long mapWorst = worst.get();
        robot.interact(timer::stop);
        executor.shutdown();
        System.out.printf(Locale.ROOT, "user inspector: runs, a user, two lists in %.0f ms; longest FX pulse gap %.1f ms"
                + " (building the view on the FX thread: %.0f ms)%n", inspector, inspectorWorst / 1e6, openNanos.get() / 1e6);
        System.out.printf(Locale.ROOT, "item explorer: vectors, PCA map of %d items in %.0f ms; longest FX pulse gap %.1f ms%n",
                explorer.viewModel().mapProperty().get().points().size(), map, mapWorst / 1e6);
    }
}
