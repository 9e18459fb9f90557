package org.recblend.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.pipeline.PipelineRunner;
import org.recblend.sample.SampleSpec;
import org.recblend.store.ProjectStore;
import org.recblend.testutil.FxHeartbeat;
import org.recblend.testutil.FxStallSampler;
import org.recblend.testutil.LargeRetailProject;
import org.recblend.ui.dashboard.EvaluationDashboardView;
import org.recblend.ui.dashboard.TrainingDashboardView;
import org.recblend.ui.demo.DemoView;
import org.recblend.ui.inspector.UserInspectorView;
import org.recblend.ui.inspector.UserInspectorViewModel;
import org.recblend.ui.inspector.items.ItemExplorerView;
import org.recblend.ui.task.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Opens every results view (training and evaluation dashboards, user inspector with one user's
 * lists, item explorer, demo with one customer) on a project of 1M purchases (10,000 customers,
 * 5,000 products, generated) with the CF baseline run on it, and prints for each the load time and
 * the longest time the JavaFX thread was unavailable (a beat posted every 10 ms), against the same
 * measure with nothing to do. Target: no stall over 100 ms. The views open as tabs of the real
 * workbench window with the project open in it, as the Results menu opens them, so the first round
 * pays for what a user's first opening pays (the views' own classes and first layout), not for
 * JavaFX's own start (modena, the control classes), which the window has done already. Two rounds.
 * Run: {@code mvn -o -q test -Dtest.excludedGroups=none -Dtest=ResultsViewsStallBenchmark}.
 */
@Tag("benchmark")
@ExtendWith(ApplicationExtension.class)
class ResultsViewsStallBenchmark {
    /** 1M purchases; {@code -Dstall.interactions=N} for another size (the stalls should not depend on it). */
    private static final SampleSpec SIZE = new SampleSpec(10_000, 5_000, Integer.getInteger("stall.interactions", 1_000_000), 42);
    private static final int ROUNDS = Integer.getInteger("stall.rounds", 2);
    private static final long IDLE_MILLIS = 3_000;
    private static final long STALL_TARGET_MS = 100;

    @TempDir
    Path dir;
    private ShellWindow window;
    private FxStallSampler sampler;
    private org.recblend.testutil.FxPulseTimer pulses;

    @Start
    void start(Stage stage) {
        window = new ShellWindow(stage, dir.resolve("settings"));
    }

    private interface Opened {
        boolean loaded() throws Exception;
    }

    @Test
    void theFxThreadStaysFreeWhileTheViewsLoadAMillionInteractions(FxRobot robot) throws Exception {
        LargeRetailProject.Built built = LargeRetailProject.build(dir, SIZE, 2);
        System.out.printf(Locale.ROOT, "project: %,d purchases, %,d customers, %,d products; generated and imported in %.1f s,"
                + " CF baseline (BPR 2 epochs, popularity, ItemKNN, 3 evaluations, BPR top-10 for every customer) in %.1f s%n",
                SIZE.interactions(), SIZE.users(), SIZE.items(), built.importSeconds(), built.runSeconds());
        ProjectStore store = built.store();
        robot.interact(() -> window.viewModel.showProject(store));
        WaitForAsyncUtils.waitForFxEvents();
        PipelineRunner runner = new PipelineRunner(store);
        pulses = new org.recblend.testutil.FxPulseTimer(window.stage.getScene());
        robot.interact(pulses::start);
        FxTaskExecutor executor = new FxTaskExecutor();
        try (FxHeartbeat heartbeat = new FxHeartbeat(); FxStallSampler sampler = new FxStallSampler(STALL_TARGET_MS / 2)) {
            this.sampler = sampler;
            heartbeat.reset();
            Thread.sleep(IDLE_MILLIS);
            System.out.printf(Locale.ROOT, "idle baseline: longest FX stall %d ms over %,d ms with nothing to do%n",
                    heartbeat.longestMillis(), IDLE_MILLIS);
            for (int round = 1; round <= ROUNDS; round++) {
                System.out.println("round " + round + (round == 1 ? " (first views of the JVM: class loading included)" : ""));
                measure(heartbeat, "training dashboard", () -> {
                    TrainingDashboardView v = TrainingDashboardView.open(store, executor);
                    show(v.root());
                    return () -> !v.viewModel().loadingProperty().get() && !v.viewModel().runs().isEmpty() && v.settled();
                });
                measure(heartbeat, "evaluation dashboard", () -> {
                    EvaluationDashboardView v = EvaluationDashboardView.open(store, executor);
                    show(v.root());
                    return () -> !v.viewModel().loadingProperty().get() && !v.viewModel().evaluations().isEmpty() && v.settled();
                });
                measure(heartbeat, "user inspector (runs, one customer's history and list)", () -> {
                    UserInspectorView v = UserInspectorView.open(store, runner.cache(), executor);
                    show(v.root());
                    UserInspectorViewModel vm = v.viewModel();
                    boolean[] asked = {false};
                    return () -> {
                        if (!asked[0] && !vm.matches().isEmpty()) {
                            asked[0] = true;
                            vm.showUser(vm.matches().get(0).id());
                            return false;
                        }
                        return asked[0] && vm.listProperty().get() != null && !vm.loadingProperty().get() && v.settled();
                    };
                });
                measure(heartbeat, "item explorer (PCA map of the BPR item vectors)", () -> {
                    ItemExplorerView v = ItemExplorerView.open(store, runner.cache(), executor);
                    show(v.root());
                    return () -> v.viewModel().mapProperty().get() != null && !v.viewModel().loadingProperty().get();
                });
                measure(heartbeat, "demo (runs, one customer's list)", () -> {
                    DemoView v = DemoView.open(store, executor);
                    show(v);
                    return () -> v.viewModel().customerProperty().get() != null && !v.viewModel().loadingProperty().get() && v.settled();
                });
            }
        } finally {
            executor.shutdown();
            store.close();
        }
        System.out.printf(Locale.ROOT, "load average (1 min) %s on 2 cores%n",
                Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    /** Shows the view as the selected tab of the window's centre, as the Results menu does; the previous one closes. */
    private void show(javafx.scene.Node view) {
        TabPane tabs = (TabPane) window.stage.getScene().lookup("#centreTabs");
        tabs.getTabs().removeIf(t -> "benchmark".equals(t.getUserData()));
        Tab tab = new Tab("view", view);
        tab.setUserData("benchmark");
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
    }

    private void measure(FxHeartbeat heartbeat, String name, Callable<Opened> open) throws Exception {
        heartbeat.reset();
        sampler.reset();
        pulses.reset();
        long t0 = System.nanoTime();
        long[] building = new long[1];
        Opened opened = WaitForAsyncUtils.asyncFx(() -> {
            long b = System.nanoTime();
            Opened o = open.call();
            building[0] = System.nanoTime() - b;
            return o;
        }).get(60, TimeUnit.SECONDS);
        BooleanSupplier done = () -> {
            try {
                return WaitForAsyncUtils.asyncFx(opened::loaded).get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as(name + " loads within 5 minutes").isLessThan(deadline);
            Thread.sleep(20);
        }
        WaitForAsyncUtils.waitForFxEvents();
        System.out.printf(Locale.ROOT, "  %-58s loaded in %,7.0f ms; longest FX stall %4d ms (building the view on the FX thread"
                + " %,.0f ms; longest pulse's own work, animation to end of layout, %d ms)%n", name, (System.nanoTime() - t0) / 1e6,
                heartbeat.longestMillis(), building[0] / 1e6, pulses.longestMillis());
        if (heartbeat.longestMillis() > STALL_TARGET_MS) {
            // where the FX thread was while beats waited over half the target
            System.out.println(sampler.report(12).indent(6).stripTrailing());
        }
    }
}
