package org.recblend.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.domain.Split;
import org.recblend.engine.Models;
import org.recblend.sample.PlantedData;
import org.recblend.task.CancellableMonitor;
import org.recblend.task.CancelledException;
import org.recblend.task.TaskMonitor;

/** Cancel stops training between batches, keeps the last epoch's checkpoint, and resuming ends where an uninterrupted run ends. */
class CheckpointResumeTest {
    static final PlantedData DATA = PlantedData.generate(300, 200, 25, 5, 0, 21);
    static final TrainingSettings SETTINGS = new TrainingSettings(6, 64, 0.01, 0.01, SamplerKind.POPULARITY, 9, 0, Objective.RANKING, 10);

    @TempDir
    Path dir;

    @Test
    void cancelStopsFastAndResumingGivesTheUninterruptedResult() throws Exception {
        Split s = DATA.split;
        TrainingOutcome straight = new TrainingLoop(Models.bpr(s, 16), SETTINGS).optCheckpoints(dir.resolve("a"), "data")
                .fit(s.train(), null, TaskMonitor.none());
        assertThat(Files.exists(dir.resolve("a").resolve(Checkpoint.FILE))).as("checkpoint removed after a finished run").isFalse();

        Path b = dir.resolve("b");
        AtomicLong cancelledAt = new AtomicLong();
        CancellableMonitor monitor = new CancellableMonitor() {
            @Override
            public void progress(double fraction, String message) {
                // Cancel from another thread in the middle of epoch 4, as the GUI's button would.
                if (fraction > 3.5 / 6 && cancelledAt.get() == 0) {
                    cancelledAt.set(-1);
                    Thread t = new Thread(() -> {
                        cancelledAt.set(System.nanoTime());
                        cancel();
                    });
                    t.start();
                    try {
                        t.join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        assertThatThrownBy(() -> new TrainingLoop(Models.bpr(s, 16), SETTINGS).optCheckpoints(b, "data").fit(s.train(), null, monitor))
                .isInstanceOf(CancelledException.class);
        double stopMillis = (System.nanoTime() - cancelledAt.get()) / 1e6;
        System.out.printf("cancel to return: %.1f ms%n", stopMillis);
        assertThat(stopMillis).as("milliseconds from cancel to return").isLessThan(1000);

        Checkpoint saved = Checkpoint.read(b, "bpr|" + SETTINGS + "|data").orElseThrow();
        assertThat(saved.epochsDone()).isEqualTo(3);
        assertThat(saved.curve()).hasSize(3);
        try (Stream<Path> files = Files.list(b)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(Checkpoint.FILE);
        }

        TrainingOutcome resumed = new TrainingLoop(Models.bpr(s, 16), SETTINGS).optCheckpoints(b, "data")
                .fit(s.train(), null, TaskMonitor.none());
        assertThat(resumed.resumedAfter()).isEqualTo(3);
        assertThat(resumed.curve()).hasSize(6);
        assertThat(resumed.curve().get(5).trainLoss()).isCloseTo(straight.curve().get(5).trainLoss(), within(1e-6));
        double a = HoldoutMetrics.ranking(straight.recommender(), s.train(), s.test(), 10, TaskMonitor.none()).ndcg();
        double r = HoldoutMetrics.ranking(resumed.recommender(), s.train(), s.test(), 10, TaskMonitor.none()).ndcg();
        assertThat(r).isCloseTo(a, within(1e-6));
        assertThat(resumed.recommender().weights().get("item").data()).containsExactly(straight.recommender().weights().get("item").data());
        assertThat(Files.exists(b.resolve(Checkpoint.FILE))).isFalse();
    }

    @Test
    void aCheckpointOfOtherSettingsOrDataIsIgnored() throws Exception {
        Split s = DATA.split;
        Path c = dir.resolve("c");
        CancellableMonitor cancelAfterFirstEpoch = new CancellableMonitor() {
            @Override
            public void progress(double fraction, String message) {
                if (fraction > 1.2 / 6) {
                    cancel();
                }
            }
        };
        assertThatThrownBy(() -> new TrainingLoop(Models.bpr(s, 16), SETTINGS).optCheckpoints(c, "data").fit(s.train(), null, cancelAfterFirstEpoch))
                .isInstanceOf(CancelledException.class);
        assertThat(Files.exists(c.resolve(Checkpoint.FILE))).isTrue();
        TrainingOutcome other = new TrainingLoop(Models.bpr(s, 16), SETTINGS).optCheckpoints(c, "other data")
                .fit(s.train(), null, TaskMonitor.none());
        assertThat(other.resumedAfter()).isZero();
        Files.writeString(c.resolve(Checkpoint.FILE), "garbage");
        TrainingOutcome fresh = new TrainingLoop(Models.bpr(s, 16), SETTINGS).optCheckpoints(c, "data").fit(s.train(), null, TaskMonitor.none());
        assertThat(fresh.resumedAfter()).isZero();
    }
}
