package org.recblend.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.Split;
import org.recblend.nodes.collect.CollectDataset;
import org.recblend.nodes.preprocess.KCoreFilter;
import org.recblend.nodes.preprocess.RandomSplit;
import org.recblend.pipeline.NodeKindRegistry;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.PipelineRepository;
import org.recblend.pipeline.PipelineRunner;
import org.recblend.pipeline.RunOptions;
import org.recblend.pipeline.RunResult;
import org.recblend.pipeline.RunStatus;
import org.recblend.store.ProjectStore;
import org.recblend.store.StoredDataset;
import org.recblend.task.CancellableMonitor;
import org.recblend.task.CancelledException;
import org.recblend.task.TaskMonitor;
import org.recblend.testutil.DatasetFixture;
import org.recblend.testutil.SharedData;

/** Collect → k-core → split on the real MovieLens 100K ratings (skipped when the data is absent). */
class Ml100kPipelineTest {
    @TempDir
    Path dir;

    @Test
    void collectKCoreAndSplitTheRealRatings() throws Exception {
        Path data = SharedData.dir("ml-100k");
        NodeKindRegistry registry = NodeKindRegistry.load();
        Pipeline p = new Pipeline(registry);
        p.addNode("ml", CollectDataset.ID, new CollectDataset.Settings("ml-100k", List.of(), List.of(CollectDataset.Part.INTERACTIONS)));
        p.addNode("core", KCoreFilter.ID, new KCoreFilter.Settings(5, 5));
        p.addNode("split", RandomSplit.ID, new RandomSplit.Settings(0.25, 0, 42));
        p.addNode("rawSplit", RandomSplit.ID, new RandomSplit.Settings(0.25, 0, 42));
        p.connect("ml", "core");
        p.connect("core", "split");
        p.connect("ml", "rawSplit");

        RunResult first;
        try (ProjectStore store = ProjectStore.create(dir.resolve("ml"))) {
            DatasetFixture.ml100k(store, data);
            new PipelineRepository(store, registry).save("ml", p);
            first = new PipelineRunner(store).run(p, RunOptions.all(), TaskMonitor.none());
            assertThat(first.status()).as(first.message()).isEqualTo(RunStatus.DONE);

            InteractionTable all = first.output(p, "ml", "interactions", InteractionTable.class);
            assertThat(all.size()).isEqualTo(100_000);
            assertThat(all.distinctUsers()).isEqualTo(943);
            assertThat(all.distinctItems()).isEqualTo(1682);
            assertThat(all.hasTimestamps()).isTrue();

            Split raw = first.output(p, "rawSplit", "split", Split.class);
            assertThat((double) raw.train().size()).isCloseTo(75_000, within(750.0));
            assertThat(raw.size()).isEqualTo(100_000);

            InteractionTable core = first.output(p, "core", "interactions", InteractionTable.class);
            assertThat(core.size()).isLessThan(100_000).isGreaterThan(95_000);
            for (int c : core.itemCounts()) {
                assertThat(c == 0 || c >= 5).isTrue();
            }
            Split split = first.output(p, "split", "split", Split.class);
            assertThat(split.size()).isEqualTo(core.size());
            assertThat((double) split.train().size() / core.size()).isCloseTo(0.75, within(0.01));

            CancellableMonitor cancelled = new CancellableMonitor();
            cancelled.cancel();
            StoredDataset stored = StoredDataset.open(store, "ml-100k", List.of());
            assertThatThrownBy(() -> stored.interactions(cancelled)).isInstanceOf(CancelledException.class);
        }
        try (ProjectStore store = ProjectStore.open(dir.resolve("ml"))) {
            Pipeline saved = new PipelineRepository(store, registry).load("ml");
            RunResult again = new PipelineRunner(store).run(saved, RunOptions.all(), TaskMonitor.none());
            assertThat(again.executedNodes()).isEmpty();
            assertThat(again.output(saved, "split", "split", Split.class)).isEqualTo(first.output(p, "split", "split", Split.class));
        }
    }
}
