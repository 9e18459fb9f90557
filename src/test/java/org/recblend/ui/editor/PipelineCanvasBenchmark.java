package org.recblend.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.javafx.perf.PerformanceTracker;
import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import javafx.animation.AnimationTimer;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recblend.nodes.collect.CollectDataset;
import org.recblend.nodes.evaluate.EvaluateModel;
import org.recblend.nodes.preprocess.RandomSplit;
import org.recblend.nodes.templates.PipelineTemplate;
import org.recblend.nodes.templates.PipelineTemplates;
import org.recblend.nodes.train.BprTrain;
import org.recblend.nodes.train.TrainItemKnn;
import org.recblend.nodes.train.TrainPopularity;
import org.recblend.pipeline.Connection;
import org.recblend.pipeline.Node;
import org.recblend.pipeline.NodeKindRegistry;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.WiringException;
import org.recblend.testutil.Screenshots;
import org.recblend.ui.task.CurrentThreadTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Pans and zooms a 60-node, 70-wire pipeline in the editor canvas (1280x800 stage, auto-laid out
 * and fitted), one step per JavaFX pulse: pans at the fitted zoom (every node and wire in view) and
 * at 100 %, zooms from the fitted zoom to 250 % and back. Prints frame times: the interval between
 * pulses (AnimationTimer time stamps), the interval between frames the renderer finished (the
 * scene's {@link PerformanceTracker}), the step's own time on the FX thread, the FX thread's share
 * of each pulse (step, CSS and layout) and the time from that layout to the frame. Headless Monocle
 * renders in software, so the render figures are the CPU's, not a GPU's. Only structure is
 * asserted; the speed target ("stays fluid") is judged from the printed figures. Run with
 * {@code mvn -o -q test -Dtest.excludedGroups=none -Dtest=PipelineCanvasBenchmark}.
 */
@Tag("benchmark")
@ExtendWith(ApplicationExtension.class)
class PipelineCanvasBenchmark {
    private static final int NODES = 60;
    private static final int WIRES = 70;
    private static final int PAN_STEPS = 300;
    private static final int ZOOM_STEPS = 200;
    private static final int WARM_UP_STEPS = 60;
    private static final int IDLE_PULSES = 120;
    /** Pan path: a circle of this radius in px, one lap per 150 steps (about 10 px a step). */
    private static final double PAN_RADIUS = 250;
    private static final int PAN_LAP = 150;
    /** Zoom path: from the fitted zoom in to this zoom in half the steps, and back out. */
    private static final double ZOOM_IN_TO = 2.5;
    private static final double SLOW_FRAME_MS = 33;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void panAndZoomOfSixtyNodes(FxRobot robot) throws Exception {
        Pipeline pipeline = sixtyNodes(NodeKindRegistry.load());
        PipelineEditorViewModel vm = new PipelineEditorViewModel(pipeline, null, new CurrentThreadTaskExecutor());
        PipelineCanvasView[] holder = new PipelineCanvasView[1];
        robot.interact(() -> {
            holder[0] = new PipelineCanvasView(vm);
            stage.setScene(new Scene((Parent) holder[0].root(), 1280, 800));
            stage.show();
        });
        PipelineCanvasView canvas = holder[0];
        Scene scene = stage.getScene();
        robot.interact(() -> {
            vm.autoLayout();
            canvas.fit();
        });
        settle();

        assertThat(canvas.nodeViews()).hasSize(NODES);
        assertThat(vm.wires()).hasSize(WIRES);
        assertThat(scene.getRoot().lookupAll(".wire")).as("wire curves in the scene").hasSize(WIRES);
        assertThat(canvas.nodeViews().values()).allMatch(v -> v.getScene() == scene && v.isVisible());
        robot.interact(() -> Screenshots.save(scene, "canvas-benchmark-60-nodes"));

        double fitted = canvas.zoomProperty().get();
        double cx = canvas.viewport().getWidth() / 2;
        double cy = canvas.viewport().getHeight() / 2;
        double in = Math.pow(Math.min(PipelineCanvasView.MAX_ZOOM, ZOOM_IN_TO) / fitted, 2.0 / ZOOM_STEPS);
        IntConsumer pan = i -> canvas.panBy(circle(i + 1, true) - circle(i, true), circle(i + 1, false) - circle(i, false));
        IntConsumer zoom = i -> canvas.zoomAt(i < ZOOM_STEPS / 2 ? in : 1 / in, cx, cy);

        printSetting(vm, canvas, fitted);
        Phase warmPan = run(robot, scene, WARM_UP_STEPS, pan);
        Phase warmZoom = run(robot, scene, WARM_UP_STEPS, zoom);
        robot.interact(canvas::fit);
        settle();
        double loadBefore = loadAverage();
        Phase idle = run(robot, scene, IDLE_PULSES, i -> { }, false);
        Phase panned = run(robot, scene, PAN_STEPS, pan);
        robot.interact(() -> canvas.zoomAt(1 / fitted, cx, cy));
        settle();
        Phase pannedAt100 = run(robot, scene, PAN_STEPS, pan);
        robot.interact(canvas::fit);
        settle();
        Phase zoomed = run(robot, scene, ZOOM_STEPS, zoom);
        robot.interact(() -> canvas.zoomAt(ZOOM_IN_TO / fitted, cx, cy));
        settle();
        robot.interact(() -> Screenshots.save(scene, "canvas-benchmark-zoomed-in"));

        System.out.printf(Locale.US, "warm-up (not counted): %d pan and %d zoom steps, %.2f s and %.2f s%n",
                WARM_UP_STEPS, WARM_UP_STEPS, warmPan.seconds(), warmZoom.seconds());
        System.out.printf(Locale.US, "%-38s %7s %8s %8s %8s %8s%n", "", "samples", "mean ms", "p95 ms", "max ms", "> 33 ms");
        idle.print("idle (no step)");
        panned.print(String.format(Locale.US, "pan at %.0f %% (%d steps of ~10 px)", fitted * 100, PAN_STEPS));
        pannedAt100.print("pan at 100 % (" + PAN_STEPS + " steps of ~10 px)");
        zoomed.print(String.format(Locale.US, "zoom %.0f %% -> %.0f %% -> %.0f %% (%d steps)", fitted * 100, ZOOM_IN_TO * 100,
                fitted * 100, ZOOM_STEPS));
        System.out.printf(Locale.US, "load average (1 min) %.2f before the measured runs, %.2f after; %d cores shared with other work%n",
                loadBefore, loadAverage(), Runtime.getRuntime().availableProcessors());

        assertThat(panned.handler).hasSize(PAN_STEPS);
        assertThat(zoomed.handler).hasSize(ZOOM_STEPS);
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Offset of the pan path after {@code step} steps (x or y). */
    private static double circle(int step, boolean x) {
        double angle = 2 * Math.PI * step / PAN_LAP;
        return PAN_RADIUS * (x ? Math.cos(angle) - 1 : Math.sin(angle));
    }

    /** Lets the canvas come to rest (it draws nodes sharp again 250 ms after the last move). */
    private static void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(600);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void printSetting(PipelineEditorViewModel vm, PipelineCanvasView canvas, double fitted) {
        System.out.printf(Locale.US, "pipeline: %d nodes, %d wires (templates %s side by side, plus collect -> split -> train -> evaluate chains)%n",
                vm.nodes().size(), vm.wires().size(), PipelineTemplates.list().stream().map(PipelineTemplate::name).toList());
        System.out.printf(Locale.US, "canvas: stage 1280x800, viewport %.0fx%.0f, auto-layout then fit: zoom %.0f %%, all nodes in view%n",
                canvas.viewport().getWidth(), canvas.viewport().getHeight(), fitted * 100);
        System.out.printf(Locale.US, "toolkit: Monocle %s, Prism %s (software rendering on the CPU into an off-screen buffer,"
                        + " no GPU, no vsync), pulse target %s Hz%n",
                System.getProperty("monocle.platform", "?"), System.getProperty("prism.order", "default"),
                System.getProperty("javafx.animation.pulse", "60"));
        System.out.println("pulse interval:  time between consecutive pulses (AnimationTimer stamps), one step per pulse");
        System.out.println("frame interval:  time between frames the renderer finished (PerformanceTracker, rendered-frame callback)");
        System.out.println("step:            time of panBy/zoomAt itself on the FX thread");
        System.out.println("FX pulse work:   FX thread time from the step to the end of CSS and layout in the same pulse");
        System.out.println("layout to frame: from the end of that layout to the renderer's frame-done callback on the FX thread"
                + " (scene sync, software render, hand-back): an upper bound of the render time");
    }

    /**
     * Runs one step per pulse from an AnimationTimer and records, per pulse, its time stamp, the
     * step's time and the FX work up to the end of layout, and per rendered frame its time.
     */
    private static Phase run(FxRobot robot, Scene scene, int steps, IntConsumer step) throws Exception {
        return run(robot, scene, steps, step, true);
    }

    private static Phase run(FxRobot robot, Scene scene, int steps, IntConsumer step, boolean moves) throws Exception {
        Phase phase = new Phase(steps, moves);
        CompletableFuture<Phase> done = new CompletableFuture<>();
        robot.interact(() -> {
            PerformanceTracker tracker = PerformanceTracker.getSceneTracker(scene);
            Runnable afterLayout = () -> {
                long now = System.nanoTime();
                if (phase.pulseStart != 0) {
                    phase.fxWork.add(now - phase.pulseStart);
                    phase.pulseStart = 0;
                    if (phase.moves) {
                        phase.laidOut.add(now);
                    }
                }
            };
            // Every pulse of a moving phase leaves the scene dirty and gets exactly one frame, in order;
            // the frame's callback may come after the next pulse's layout, hence a queue, not a field.
            tracker.setOnRenderedFrameTask(() -> {
                long now = System.nanoTime();
                phase.rendered.add(now);
                Long laidOut = phase.laidOut.poll();
                if (laidOut != null) {
                    phase.render.add(now - laidOut);
                }
            });
            scene.addPostLayoutPulseListener(afterLayout);
            new AnimationTimer() {
                private int i;

                @Override
                public void handle(long now) {
                    phase.pulses.add(now);
                    if (i == steps) {
                        stop();
                        tracker.setOnRenderedFrameTask(null);
                        scene.removePostLayoutPulseListener(afterLayout);
                        phase.end = System.nanoTime();
                        done.complete(phase);
                        return;
                    }
                    long t = System.nanoTime();
                    phase.pulseStart = t;
                    step.accept(i++);
                    phase.handler.add(System.nanoTime() - t);
                }
            }.start();
        });
        done.get(5, TimeUnit.MINUTES);
        settle();
        return phase;
    }

    /** Four templates (28 nodes, 38 wires) and eight four-node chains (32 nodes, 32 wires). */
    private static Pipeline sixtyNodes(NodeKindRegistry kinds) throws WiringException {
        Pipeline p = new Pipeline(kinds, "benchmark");
        int copy = 0;
        for (PipelineTemplate t : PipelineTemplates.list()) {
            Pipeline part = t.build(kinds, "sample");
            String prefix = "t" + copy++ + "-";
            for (Node n : part.nodes()) {
                p.addNode(prefix + n.id(), n.kindId(), n.settings().orElseThrow());
            }
            for (Connection c : part.connections()) {
                p.connect(prefix + c.fromNode(), c.fromPort(), prefix + c.toNode(), c.toPort());
            }
        }
        String[] trainers = {BprTrain.ID, TrainItemKnn.ID, TrainPopularity.ID};
        for (int i = 0; p.nodes().size() < NODES; i++) {
            String c = "c" + i + "-";
            p.addNode(c + "collect", CollectDataset.ID);
            p.addNode(c + "split", RandomSplit.ID);
            p.addNode(c + "train", trainers[i % trainers.length]);
            p.addNode(c + "evaluate", EvaluateModel.ID);
            p.connect(c + "collect", "interactions", c + "split", "interactions");
            p.connect(c + "split", "split", c + "train", "split");
            p.connect(c + "train", "model", c + "evaluate", "model");
            p.connect(c + "split", "split", c + "evaluate", "split");
        }
        return p;
    }

    /** What one run of steps recorded; lists are filled on the FX thread and read after it finished. */
    private static final class Phase {
        final List<Long> pulses = new ArrayList<>();
        final List<Long> rendered = new ArrayList<>();
        final List<Long> handler = new ArrayList<>();
        final List<Long> fxWork = new ArrayList<>();
        final List<Long> render = new ArrayList<>();
        final long start = System.nanoTime();
        long pulseStart;
        final ArrayDeque<Long> laidOut = new ArrayDeque<>();
        final boolean moves;
        long end;
        private final int steps;

        Phase(int steps, boolean moves) {
            this.steps = steps;
            this.moves = moves;
        }

        double seconds() {
            return (end - start) / 1e9;
        }

        void print(String name) {
            System.out.printf(Locale.US, "%s: %d pulses in %.2f s, %d frames rendered%n", name, steps,
                    (pulses.get(pulses.size() - 1) - pulses.get(0)) / 1e9, rendered.size());
            row("  pulse interval", intervals(pulses));
            row("  frame interval", intervals(rendered));
            row("  step", handler);
            row("  FX pulse work", fxWork);
            // a step that changed nothing (e.g. a zoom at its limit) draws no frame and breaks the pairing
            row("  layout to frame rendered", rendered.size() >= steps - 1 ? render : List.of());
        }

        private static List<Long> intervals(List<Long> stamps) {
            List<Long> out = new ArrayList<>();
            for (int i = 1; i < stamps.size(); i++) {
                out.add(stamps.get(i) - stamps.get(i - 1));
            }
            return out;
        }

        private static void row(String name, List<Long> nanos) {
            if (nanos.isEmpty()) {
                System.out.printf(Locale.US, "%-38s %7d %8s %8s %8s %8s%n", name, 0, "-", "-", "-", "-");
                return;
            }
            double[] ms = nanos.stream().mapToDouble(n -> n / 1e6).sorted().toArray();
            double mean = Arrays.stream(ms).average().orElse(0);
            double p95 = ms[(int) Math.ceil(0.95 * ms.length) - 1];
            long slow = Arrays.stream(ms).filter(v -> v > SLOW_FRAME_MS).count();
            System.out.printf(Locale.US, "%-38s %7d %8.1f %8.1f %8.1f %8d%n", name, ms.length, mean, p95, ms[ms.length - 1], slow);
        }
    }
}
