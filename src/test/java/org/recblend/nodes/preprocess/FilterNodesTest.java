package org.recblend.nodes.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.recblend.domain.InteractionTable;
import org.recblend.nodes.TestContext;
import org.recblend.nodes.Tables;
import org.recblend.pipeline.InvalidSettingsException;

class FilterNodesTest {
    private static final InteractionTable RATINGS = Tables.of(2, 5, new double[][] {
            {0, 0, 1, 10}, {0, 1, 3, 11}, {0, 2, 4, 12}, {1, 3, 5, 13}, {1, 4, 4.5, 14}});

    private static float[] weights(InteractionTable t) {
        float[] w = new float[t.size()];
        for (int r = 0; r < w.length; r++) {
            w[r] = t.weight(r);
        }
        return w;
    }

    @Test
    void thresholdFiltersBinarisesOrBoth() throws Exception {
        RatingThreshold kind = new RatingThreshold();
        var filtered = (InteractionTable) TestContext.run(kind, new RatingThreshold.Settings(4, RatingThreshold.Mode.FILTER), RATINGS);
        assertThat(weights(filtered)).containsExactly(4f, 5f, 4.5f);
        assertThat(filtered.item(0)).isEqualTo(2);

        var binary = (InteractionTable) TestContext.run(kind, new RatingThreshold.Settings(4, RatingThreshold.Mode.BINARISE), RATINGS);
        assertThat(weights(binary)).containsExactly(0f, 0f, 1f, 1f, 1f);

        var both = (InteractionTable) TestContext.run(kind,
                new RatingThreshold.Settings(4, RatingThreshold.Mode.FILTER_AND_BINARISE), RATINGS);
        assertThat(weights(both)).containsExactly(1f, 1f, 1f);
        assertThat(both.ts(0)).isEqualTo(12);
    }

    @Test
    void thresholdSettingsAreChecked() {
        assertThatThrownBy(() -> new RatingThreshold.Settings(Double.NaN, RatingThreshold.Mode.FILTER).validate())
                .isInstanceOf(InvalidSettingsException.class).hasMessage("Threshold must be a number, not NaN");
        assertThatThrownBy(() -> new RatingThreshold.Settings(3, null).validate())
                .isInstanceOf(InvalidSettingsException.class)
                .satisfies(e -> assertThat(((InvalidSettingsException) e).isNotConfigured()).isTrue());
    }

    @Test
    void kCoreIteratesUntilEveryUserAndItemHasEnough() throws Exception {
        // i2 has one row: dropping it leaves u2 with one row, dropping u2 as well; u3 has one row.
        InteractionTable t = Tables.of(4, 4, new double[][] {
                {0, 0, 1}, {0, 1, 1}, {1, 0, 1}, {1, 1, 1}, {2, 1, 1}, {2, 2, 1}, {3, 3, 1}});
        var out = (InteractionTable) TestContext.run(new KCoreFilter(), new KCoreFilter.Settings(2, 2), t);
        assertThat(Tables.keys(out)).containsExactly(Tables.keys(Tables.of(4, 4, new double[][] {
                {0, 0, 1}, {0, 1, 1}, {1, 0, 1}, {1, 1, 1}})).toArray(String[]::new));
        assertThat(out.users()).isSameAs(t.users());
    }

    @Test
    void kCoreOnALargerTableLeavesOnlyUsersAndItemsAboveTheBar() throws Exception {
        InteractionTable t = Tables.random(300, 400, 1, 30, 5);
        var out = (InteractionTable) TestContext.run(new KCoreFilter(), new KCoreFilter.Settings(10, 8), t);
        assertThat(out.size()).isBetween(1, t.size() - 1);
        for (int c : out.userCounts()) {
            assertThat(c == 0 || c >= 10).isTrue();
        }
        for (int c : out.itemCounts()) {
            assertThat(c == 0 || c >= 8).isTrue();
        }
        // maximal: filtering the result again removes nothing
        var again = (InteractionTable) TestContext.run(new KCoreFilter(), new KCoreFilter.Settings(10, 8), out);
        assertThat(again).isEqualTo(out);
    }

    @Test
    void kCoreSettingsAreChecked() {
        assertThatThrownBy(() -> new KCoreFilter.Settings(0, 5).validate())
                .hasMessage("Minimum interactions per user must be at least 1, not 0");
        assertThatThrownBy(() -> new KCoreFilter.Settings(5, -2).validate())
                .hasMessage("Minimum interactions per item must be at least 1, not -2");
    }

    @Test
    void kCoreStopsWhenCancelled() {
        TestContext ctx = new TestContext();
        ctx.cancelled = true;
        assertThatThrownBy(() -> new KCoreFilter().execute(new KCoreFilter.Settings(2, 2),
                java.util.List.of(org.recblend.pipeline.PortData.of(org.recblend.pipeline.PortTypes.INTERACTIONS, RATINGS)), ctx))
                .isInstanceOf(org.recblend.task.CancelledException.class);
    }

    private static final InteractionTable REPEATS = Tables.of(2, 2, new double[][] {
            {0, 0, 1, 10}, {0, 0, 5, 30}, {1, 0, 2, 5}, {0, 0, 3, 20}, {0, 1, 4, 1}, {0, 1, 6, 1}});

    private static InteractionTable dedup(Deduplicate.Strategy s) throws Exception {
        return (InteractionTable) TestContext.run(new Deduplicate(), new Deduplicate.Settings(s), REPEATS);
    }

    @Test
    void deduplicateKeepsTheLatestByTimeAndTheLaterRowAmongEqualTimes() throws Exception {
        InteractionTable out = dedup(Deduplicate.Strategy.KEEP_LAST);
        assertThat(out.size()).isEqualTo(3);
        assertThat(out.user(0)).isEqualTo(0);
        assertThat(out.item(0)).isEqualTo(0);
        assertThat(weights(out)).containsExactly(5f, 2f, 6f);
        assertThat(out.ts(0)).isEqualTo(30);
    }

    @Test
    void deduplicateMergesByMeanSumOrMax() throws Exception {
        assertThat(weights(dedup(Deduplicate.Strategy.MEAN))).containsExactly(3f, 2f, 5f);
        assertThat(weights(dedup(Deduplicate.Strategy.SUM))).containsExactly(9f, 2f, 10f);
        assertThat(weights(dedup(Deduplicate.Strategy.MAX))).containsExactly(5f, 2f, 6f);
        assertThat(dedup(Deduplicate.Strategy.MEAN).ts(0)).as("latest time of the pair").isEqualTo(30);
    }
}
