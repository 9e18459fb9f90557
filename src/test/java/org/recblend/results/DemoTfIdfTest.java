package org.recblend.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.recblend.domain.Embeddings;
import org.recblend.domain.IdIndex;
import org.recblend.domain.ItemTable;
import org.recblend.store.StoredDataset;
import org.recblend.task.TaskMonitor;

/**
 * The demo places new items for a run whose item texts went through TF-IDF: it fits TF-IDF again
 * on the same texts, and uses it only when the fit is the run's own.
 */
class DemoTfIdfTest {
    static InspectorFixture f;
    static DemoRun run;

    @BeforeAll
    static void load() throws Exception {
        f = InspectorFixture.get();
        DemoRunChoice hybrid = DemoCatalog.runs(f.store).stream().filter(c -> c.runId() == f.hybridRun.runId()).findFirst()
                .orElseThrow();
        run = DemoCatalog.load(f.store, hybrid, TaskMonitor.none());
    }

    @Test
    void theRefittedEncoderIsTheRunsOwnAndPlacesANewItemAmongItsKind() throws Exception {
        assertThat(run.noEncoderReason()).isNull();
        // the run's stored vectors carry the fingerprint of its fit; the refit has the same one
        assertThat(run.textSource()).startsWith("text:tfidf-svd64@").isEqualTo("text:" + run.encoder().key());
        DemoNewItem.Answer a = new DemoNewItem(run).answer("A weatherproof headlamp for night hikes, bright and light");
        assertThat(a.items()).hasSize(DemoNewItem.TOP);
        assertThat(a.items().get(0).item().title()).containsIgnoringCase("headlamp");
        assertThat(a.buyers()).isNotEmpty();
    }

    @Test
    void itemsChangedSinceTheRunLeaveNoEncoderRatherThanAnotherOne() throws Exception {
        ItemTable items = StoredDataset.open(f.store, "retail", List.of()).items(TaskMonitor.none());
        DemoCatalog.TextNode node = DemoCatalog.textNode(f.store, f.hybridRun.runId()).orElseThrow();
        Embeddings stale = new Embeddings("text:tfidf-svd64@1:0000", Embeddings.Side.ITEM, IdIndex.of("x"), 1, new float[1],
                new boolean[] {true});
        assertThat(DemoCatalog.refitTfIdf(items, node, stale, TaskMonitor.none())).isNull();
        assertThat(DemoCatalog.refitTfIdf(items, node, null, TaskMonitor.none())).isNotNull();
    }
}
