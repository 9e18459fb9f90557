package org.recblend.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.recblend.task.TaskMonitor;

/** The demo's data on the two-run fixture: lists as stored, explanations from the run's text vectors, new items placed. */
class DemoCatalogTest {
    static DemoFixture fx;
    static DemoRun run;

    @BeforeAll
    static void load() throws Exception {
        fx = DemoFixture.get();
        run = DemoCatalog.load(fx.store, fx.choice(fx.gatedRun), TaskMonitor.none());
    }

    @Test
    void listsBothFinishedRunsNewestFirst() {
        List<DemoRunChoice> runs = DemoCatalog.runs(fx.store);
        assertThat(runs).extracting(DemoRunChoice::runId).containsExactly(fx.concatRun, fx.gatedRun);
        assertThat(runs.get(0).toString()).isEqualTo(DemoFixture.CONCAT + " · run " + fx.concatRun);
    }

    @Test
    void aCustomersListIsTheStoredListWithItsScores() throws Exception {
        String user = run.userId(0);
        DemoRun.User card = run.user(user);
        List<Object[]> stored = fx.store.read(c -> {
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT i.ext_id, r.score FROM recommendations r JOIN items i ON"
                    + " i.id = r.item_id JOIN users u ON u.id = r.user_id WHERE r.run_id = ? AND u.ext_id = ? ORDER BY r.rank_no")) {
                ps.setInt(1, fx.gatedRun);
                ps.setString(2, user);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Object[] {rs.getString(1), rs.getDouble(2)});
                    }
                }
            }
            return rows;
        });
        assertThat(card.recommendations()).hasSize(10).hasSize(stored.size());
        for (int k = 0; k < stored.size(); k++) {
            DemoRun.Recommendation r = card.recommendations().get(k);
            assertThat(r.rank()).isEqualTo(k + 1);
            assertThat(r.item().id()).isEqualTo(stored.get(k)[0]);
            assertThat(r.score()).isEqualTo((Double) stored.get(k)[1]);
            assertThat(r.item().title()).isNotBlank();
            // the reason is one of the customer's own purchases, with a real cosine
            assertThat(r.because()).isNotNull();
            assertThat(r.becauseSimilarity()).isBetween(-1.0, 1.0).isNotZero();
        }
        assertThat(card.description()).contains(" · ");
        assertThat(card.purchases()).isPositive();
        assertThat(card.recent()).isNotEmpty().hasSizeLessThanOrEqualTo(DemoRun.RECENT);
    }

    @Test
    void theBecauseItemIsTheClosestPurchase() throws Exception {
        DemoRun.User card = run.user(run.userId(3));
        int u = 3;
        DemoRun.Recommendation first = card.recommendations().get(0);
        int item = indexOf(first.item().id());
        double best = -2;
        for (int h : run.history(u)) {
            if (h != item) {
                best = Math.max(best, run.itemVectors().cosine(item, h));
            }
        }
        assertThat(first.becauseSimilarity()).isEqualTo(best);
    }

    private static int indexOf(String itemId) {
        for (int i = 0; i < run.itemCount(); i++) {
            if (run.item(i).id().equals(itemId)) {
                return i;
            }
        }
        throw new AssertionError(itemId);
    }

    @Test
    void theModelsProductSourcesAreThoseTheTrainingStored() {
        List<Object[]> stored = fx.store.read(c -> {
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name, metric_value FROM metrics WHERE run_id = ? AND"
                    + " node_id = 'hybrid' AND segment = 'item' AND name LIKE 'contribution:%' ORDER BY metric_value DESC")) {
                ps.setInt(1, fx.gatedRun);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Object[] {rs.getString(1), rs.getDouble(2)});
                    }
                }
            }
            return rows;
        });
        assertThat(stored).isNotEmpty();
        assertThat(run.sources()).hasSize(stored.size());
        for (int k = 0; k < stored.size(); k++) {
            assertThat("contribution:" + run.sources().get(k).source()).isEqualTo(stored.get(k)[0]);
            assertThat(run.sources().get(k).share()).isEqualTo((Double) stored.get(k)[1]);
        }
        assertThat(run.sources()).anyMatch(s -> s.label().equals("product text"));
    }

    @Test
    void anUnknownCustomerIsRefusedWithAnExample() {
        assertThatThrownBy(() -> run.user("no-such-customer")).isInstanceOf(DemoException.class)
                .hasMessageContaining("No customer 'no-such-customer'").hasMessageContaining(run.userId(0));
        assertThatThrownBy(() -> run.user("  ")).isInstanceOf(DemoException.class).hasMessageContaining("Type a customer id");
    }

    @Test
    void suggestionsMatchThePrefix() {
        assertThat(run.suggestions("12", 5)).isNotEmpty().allMatch(id -> id.startsWith("12")).hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void aNewItemResemblesItsKindAndFindsBuyers() throws Exception {
        assertThat(run.textSource()).contains("minilm");
        DemoNewItem placer = new DemoNewItem(run);
        placer.warmUp();
        DemoNewItem.Answer a = placer.answer("A lightweight waterproof rain jacket for hiking in the mountains");
        assertThat(a.items()).hasSize(DemoNewItem.TOP);
        assertThat(a.buyers()).hasSize(DemoNewItem.TOP);
        // the catalogue's closest items are outdoor clothing, not kitchenware
        assertThat(a.items().get(0).item().title() + " " + a.items().get(0).item().categories()).containsIgnoringCase("jacket");
        assertThat(a.items()).isSortedAccordingTo((x, y) -> Double.compare(y.similarity(), x.similarity()));
        assertThat(a.buyers()).isSortedAccordingTo((x, y) -> Double.compare(y.similarity(), x.similarity()));
        assertThat(a.buyers().get(0).closest()).isNotNull();
    }

    @Test
    void aTooShortDescriptionIsRefused() throws Exception {
        DemoNewItem placer = new DemoNewItem(run);
        assertThatThrownBy(() -> placer.answer("ab")).isInstanceOf(DemoException.class).hasMessageContaining("Describe the new item");
    }
}
