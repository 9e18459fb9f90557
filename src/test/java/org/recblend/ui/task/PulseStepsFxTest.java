package org.recblend.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Steps run one per frame, in order; a step queued again replaces the waiting one in its place. */
@ExtendWith(ApplicationExtension.class)
class PulseStepsFxTest {
    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @Test
    void stepsRunOnePerFrameInOrderAndANewerStepReplacesTheWaitingOne() throws Exception {
        List<String> ran = new ArrayList<>();
        List<Long> frames = new ArrayList<>();
        long[] frame = {0};
        AnimationTimer counter = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frame[0]++;
            }
        };
        PulseSteps steps = new PulseSteps();
        WaitForAsyncUtils.asyncFx(() -> {
            counter.start();
            steps.add("list", () -> record(ran, frames, frame, "list 1"));
            steps.add("rows", () -> record(ran, frames, frame, "rows"));
            steps.add("list", () -> record(ran, frames, frame, "list 2"));
            steps.add("chart", () -> record(ran, frames, frame, "chart"));
            assertThat(steps.idle()).isFalse();
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(steps::idle).get());
        WaitForAsyncUtils.asyncFx(counter::stop).get(5, TimeUnit.SECONDS);

        assertThat(ran).containsExactly("list 2", "rows", "chart");
        assertThat(frames).doesNotHaveDuplicates();
    }

    @Test
    void flushRunsEverythingWaitingAtOnce() throws Exception {
        List<String> ran = new ArrayList<>();
        PulseSteps steps = new PulseSteps();
        boolean idle = WaitForAsyncUtils.asyncFx(() -> {
            steps.add("a", () -> ran.add("a"));
            steps.add("b", () -> ran.add("b"));
            steps.flush();
            return steps.idle();
        }).get(5, TimeUnit.SECONDS);
        assertThat(idle).isTrue();
        assertThat(ran).containsExactly("a", "b");
    }

    private static void record(List<String> ran, List<Long> frames, long[] frame, String what) {
        ran.add(what);
        frames.add(frame[0]);
    }
}
