package org.recblend.nodes.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.Split;
import org.recblend.nodes.TestContext;
import org.recblend.nodes.Tables;

class SplitNodesTest {
    private static final InteractionTable DATA = Tables.random(60, 200, 1, 40, 11);

    private static Split random(double test, double validation, long seed, InteractionTable in) throws Exception {
        return (Split) TestContext.run(new RandomSplit(), new RandomSplit.Settings(test, validation, seed), in);
    }

    private static void assertKeepsEveryRow(Split s, InteractionTable in) {
        List<String> all = new ArrayList<>(Tables.keys(s.train()));
        all.addAll(Tables.keys(s.validation()));
        all.addAll(Tables.keys(s.test()));
        all.sort(null);
        assertThat(all).isEqualTo(Tables.keys(in));
    }

    @Test
    void randomSplitGivesEachUserTheirShareRoundedAndKeepsEveryRow() throws Exception {
        Split s = random(0.25, 0.0, 42, DATA);
        assertKeepsEveryRow(s, DATA);
        assertThat(s.hasValidation()).isFalse();
        int[] all = DATA.userCounts();
        int[] test = s.test().userCounts();
        int[] train = s.train().userCounts();
        for (int u = 0; u < all.length; u++) {
            assertThat(test[u]).as("user %d with %d rows", u, all[u]).isEqualTo((int) Math.round(all[u] * 0.25));
            if (all[u] > 0) {
                assertThat(train[u]).isPositive();
            }
        }
        assertThat((double) s.train().size() / DATA.size()).isBetween(0.73, 0.77);
    }

    @Test
    void randomSplitWithValidationHoldsOutBothShares() throws Exception {
        Split s = random(0.2, 0.1, 3, DATA);
        assertKeepsEveryRow(s, DATA);
        int[] all = DATA.userCounts();
        int[] validation = s.validation().userCounts();
        for (int u = 0; u < all.length; u++) {
            if (all[u] >= 10) {
                assertThat(validation[u]).isEqualTo((int) Math.round(all[u] * 0.1));
            }
        }
    }

    @Test
    void randomSplitIsRepeatableWithASeedAndDiffersWithAnother() throws Exception {
        assertThat(random(0.25, 0, 42, DATA)).isEqualTo(random(0.25, 0, 42, DATA));
        assertThat(random(0.25, 0, 43, DATA).test()).isNotEqualTo(random(0.25, 0, 42, DATA).test());
    }

    @Test
    void randomSplitDoesNotDependOnRowOrder() throws Exception {
        int[] reversed = new int[DATA.size()];
        for (int r = 0; r < reversed.length; r++) {
            reversed[r] = DATA.size() - 1 - r;
        }
        Split a = random(0.25, 0, 42, DATA);
        Split b = random(0.25, 0, 42, DATA.select(reversed));
        assertThat(Tables.keys(b.test())).isEqualTo(Tables.keys(a.test()));
    }

    @Test
    void aUserWithOneRowKeepsItForTraining() throws Exception {
        InteractionTable t = Tables.of(2, 3, new double[][] {{0, 0, 1}, {1, 0, 1}, {1, 1, 1}, {1, 2, 1}});
        Split s = random(0.5, 0.4, 1, t);
        assertThat(s.train().userCounts()[0]).isEqualTo(1);
        assertThat(s.train().userCounts()[1]).isEqualTo(1);
    }

    @Test
    void splitSharesAreChecked() {
        assertThatThrownBy(() -> new RandomSplit.Settings(1.5, 0, 1).validate())
                .hasMessage("Test share must be above 0 and below 1, not 1.5");
        assertThatThrownBy(() -> new RandomSplit.Settings(0.6, 0.4, 1).validate())
                .hasMessage("Test share plus validation share must stay below 1 (training needs rows), not 1.0");
        assertThatThrownBy(() -> new ItemColdStartSplit.Settings(0.2, -0.1, 1).validate())
                .hasMessage("Validation share must be at least 0 and below 1, not -0.1");
        assertThatThrownBy(() -> new LeaveLastOutSplit.Settings(false, 0).validate())
                .hasMessage("Minimum training rows per user must be at least 1, not 0");
    }

    @Test
    void temporalSplitCutsAtATimeQuantile() throws Exception {
        Split s = (Split) TestContext.run(new TemporalSplit(), new TemporalSplit.Settings(0.2, 0.1), DATA);
        assertKeepsEveryRow(s, DATA);
        long latestTrain = max(s.train());
        long earliestValidation = min(s.validation());
        assertThat(latestTrain).isLessThan(earliestValidation);
        assertThat(max(s.validation())).isLessThan(min(s.test()));
        assertThat((double) s.test().size() / DATA.size()).isBetween(0.19, 0.21);
        assertThat((double) s.validation().size() / DATA.size()).isBetween(0.09, 0.11);
    }

    @Test
    void temporalSplitKeepsRowsOfOneTimeTogether() throws Exception {
        InteractionTable t = Tables.of(1, 5, new double[][] {{0, 0, 1, 1}, {0, 1, 1, 2}, {0, 2, 1, 3}, {0, 3, 1, 3}, {0, 4, 1, 3}});
        Split s = (Split) TestContext.run(new TemporalSplit(), new TemporalSplit.Settings(0.2, 0), t);
        assertThat(s.test().size()).isEqualTo(3);
    }

    @Test
    void timeBasedSplitsNeedTimestamps() {
        InteractionTable noTimes = Tables.of(1, 2, new double[][] {{0, 0, 1}, {0, 1, 1}});
        assertThatThrownBy(() -> TestContext.run(new TemporalSplit(), new TemporalSplit.Settings(0.2, 0), noTimes))
                .hasMessageStartingWith("The temporal split needs a timestamp on every interaction");
        assertThatThrownBy(() -> TestContext.run(new LeaveLastOutSplit(), new LeaveLastOutSplit.Settings(false, 1), noTimes))
                .hasMessageStartingWith("The leave-last-out split needs a timestamp on every interaction");
    }

    @Test
    void leaveLastOutPutsEachUsersLatestRowInTest() throws Exception {
        Split s = (Split) TestContext.run(new LeaveLastOutSplit(), new LeaveLastOutSplit.Settings(true, 1), DATA);
        assertKeepsEveryRow(s, DATA);
        int[][] byUser = DATA.rowsByUser();
        int[][] testByUser = s.test().rowsByUser();
        int[][] validationByUser = s.validation().rowsByUser();
        for (int u = 0; u < byUser.length; u++) {
            long[] times = java.util.Arrays.stream(byUser[u]).mapToLong(DATA::ts).sorted().toArray();
            if (times.length < 3) {
                assertThat(testByUser[u]).isEmpty();
                continue;
            }
            assertThat(testByUser[u]).hasSize(1);
            assertThat(s.test().ts(testByUser[u][0])).isEqualTo(times[times.length - 1]);
            assertThat(validationByUser[u]).hasSize(1);
            assertThat(s.validation().ts(validationByUser[u][0])).isEqualTo(times[times.length - 2]);
        }
    }

    @Test
    void leaveLastOutLeavesShortHistoriesInTraining() throws Exception {
        InteractionTable t = Tables.of(2, 3, new double[][] {{0, 0, 1, 5}, {1, 0, 1, 9}, {1, 1, 1, 7}, {1, 2, 1, 9}});
        Split s = (Split) TestContext.run(new LeaveLastOutSplit(), new LeaveLastOutSplit.Settings(false, 1), t);
        assertThat(s.train().userCounts()).containsExactly(1, 2);
        assertThat(s.test().size()).isEqualTo(1);
        assertThat(s.test().item(0)).as("the later row among equal times").isEqualTo(2);
    }

    @Test
    void itemColdStartHoldsOutWholeItems() throws Exception {
        Split s = (Split) TestContext.run(new ItemColdStartSplit(), new ItemColdStartSplit.Settings(0.2, 0.1, 8), DATA);
        assertKeepsEveryRow(s, DATA);
        Set<Integer> trainItems = items(s.train());
        Set<Integer> testItems = items(s.test());
        Set<Integer> validationItems = items(s.validation());
        assertThat(testItems).doesNotContainAnyElementsOf(trainItems).doesNotContainAnyElementsOf(validationItems);
        assertThat(validationItems).doesNotContainAnyElementsOf(trainItems);
        int itemsWithRows = DATA.distinctItems();
        assertThat(testItems).hasSize((int) Math.round(itemsWithRows * 0.2));
        assertThat(validationItems).hasSize((int) Math.round(itemsWithRows * 0.1));
    }

    @Test
    void itemColdStartIsRepeatableWithASeedAndDiffersWithAnother() throws Exception {
        var kind = new ItemColdStartSplit();
        Split a = (Split) TestContext.run(kind, new ItemColdStartSplit.Settings(0.2, 0, 8), DATA);
        Split b = (Split) TestContext.run(kind, new ItemColdStartSplit.Settings(0.2, 0, 8), DATA);
        Split c = (Split) TestContext.run(kind, new ItemColdStartSplit.Settings(0.2, 0, 9), DATA);
        assertThat(a).isEqualTo(b);
        assertThat(items(c.test())).isNotEqualTo(items(a.test()));
    }

    private static Set<Integer> items(InteractionTable t) {
        Set<Integer> items = new HashSet<>();
        for (int r = 0; r < t.size(); r++) {
            items.add(t.item(r));
        }
        return items;
    }

    private static long max(InteractionTable t) {
        long m = Long.MIN_VALUE;
        for (int r = 0; r < t.size(); r++) {
            m = Math.max(m, t.ts(r));
        }
        return m;
    }

    private static long min(InteractionTable t) {
        long m = Long.MAX_VALUE;
        for (int r = 0; r < t.size(); r++) {
            m = Math.min(m, t.ts(r));
        }
        return m;
    }
}
