package org.recblend.ui.editor.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.recblend.pipeline.NodeState;

/** A flood of progress reports reaches the UI thread as at most ten batches a second, nothing lost but stale progress. */
class ThrottledRunRelayTest {
    @Test
    void aFloodOfProgressBecomesAFewBatchesThatKeepEveryStateLineAndPoint() throws Exception {
        List<RunEventBatch> batches = Collections.synchronizedList(new ArrayList<>());
        List<Long> times = Collections.synchronizedList(new ArrayList<>());
        ThrottledRunRelay relay = new ThrottledRunRelay(Runnable::run, b -> {
            batches.add(b);
            times.add(System.nanoTime());
        });
        long start = System.nanoTime();
        relay.nodeState("train", NodeState.RUNNING, "");
        int reports = 0;
        while (System.nanoTime() - start < 600_000_000L) {
            relay.nodeProgress("train", reports / 1e6, "batch " + reports);
            if (reports % 10_000 == 0) {
                relay.nodeMetric("train", "loss", reports / 10_000 + 1, 1.0 / (reports + 1));
                relay.nodeLog("train", "line " + reports);
            }
            reports++;
        }
        relay.nodeState("train", NodeState.DONE, "");
        relay.flushNow();
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(reports).as("the flood is real").isGreaterThan(10_000);
        assertThat(batches.size()).as(batches.size() + " batches in " + seconds + " s").isLessThanOrEqualTo((int) (seconds * 10) + 2);
        for (int i = 1; i < times.size() - 1; i++) {
            // the final flush may follow the last timed batch at once; timed ones are a period apart
            assertThat((times.get(i) - times.get(i - 1)) / 1e6).isGreaterThan(ThrottledRunRelay.PERIOD_MILLIS - 5);
        }
        List<RunEventBatch.StateChange> states = batches.stream().flatMap(b -> b.states().stream()).toList();
        assertThat(states).extracting(RunEventBatch.StateChange::state).containsExactly(NodeState.RUNNING, NodeState.DONE);
        int points = (reports - 1) / 10_000 + 1;
        assertThat(batches.stream().mapToInt(b -> b.metrics().size()).sum()).isEqualTo(points);
        assertThat(batches.stream().mapToInt(b -> b.logs().size()).sum()).isEqualTo(points);
        String lastProgress = batches.stream().filter(b -> b.progress().containsKey("train"))
                .reduce((a, b) -> b).orElseThrow().progress().get("train").message();
        assertThat(lastProgress).as("the latest progress is the one kept").isEqualTo("batch " + (reports - 1));
    }
}
