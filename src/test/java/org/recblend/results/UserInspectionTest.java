package org.recblend.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.Split;
import org.recblend.engine.Parallel;
import org.recblend.engine.TrainedModel;
import org.recblend.engine.recommend.BatchRecommender;
import org.recblend.engine.recommend.Recommendations;
import org.recblend.nodes.recommend.RecommendationRepository;
import org.recblend.pipeline.OutputCache;
import org.recblend.task.TaskMonitor;

/**
 * The user inspector's readings on two finished runs of the retail sample, checked against what the
 * runs stored and produced: the stored lists, the split's held-out rows, the model's own ranking.
 */
class UserInspectionTest {
    static InspectorFixture f;
    static UserInspectionRuns runs;
    static UserInspection inspection;
    static UserInspectionRuns.ModelChoice hybrid;
    static UserInspectionRuns.ModelChoice bpr;
    static UserInspectionModel hybridModel;
    static UserInspectionModel bprModel;
    static Split hybridSplit;

    @BeforeAll
    static void fixture() throws Exception {
        f = InspectorFixture.get();
        runs = new UserInspectionRuns(f.store, InspectorFixture.REGISTRY, f.runner.cache());
        inspection = new UserInspection(f.store, UserInspectionCatalogue.load(f.store, "retail"));
        List<UserInspectionRuns.ModelChoice> models = runs.models();
        hybrid = models.stream().filter(m -> m.runId() == f.hybridRun.runId() && m.nodeId().equals("hybrid")).findFirst().orElseThrow();
        bpr = models.stream().filter(m -> m.runId() == f.cfRun.runId() && m.nodeId().equals("bpr")).findFirst().orElseThrow();
        hybridModel = UserInspectionModel.load(runs, hybrid);
        bprModel = UserInspectionModel.load(runs, bpr);
        hybridSplit = f.hybridRun.output(f.hybrid, "split", "split", Split.class);
    }

    /** A user of the hybrid run's test part whose stored top 10 holds at least one test item. */
    static String userWithAHit() {
        return f.userWithAHit();
    }

    @Test
    void listsTheModelsOfBothRunsAndWhetherTheyStoredLists() {
        assertThat(runs.models()).extracting(UserInspectionRuns.ModelChoice::label).contains(
                "Run " + f.hybridRun.runId() + " · " + InspectorFixture.HYBRID + " · hybrid",
                "Run " + f.cfRun.runId() + " · " + InspectorFixture.CF + " · bpr",
                "Run " + f.cfRun.runId() + " · " + InspectorFixture.CF + " · popularity");
        assertThat(hybrid.recommendNode()).isEqualTo("recommend");
        assertThat(bpr.recommendNode()).as("the CF baseline stores no lists").isNull();
        assertThat(hybrid.dataset()).isEqualTo("retail");
    }

    @Test
    void theStoredListIsShownWithHitsEqualToTheHeldOutItemsInIt() throws Exception {
        String user = userWithAHit();
        UserInspection.TopList list = inspection.recommendations(hybridModel, user, 10);
        assertThat(list.source()).isEqualTo("stored");
        // the store's rows for this user, by rank
        StringWriter csv = new StringWriter();
        new RecommendationRepository(f.store).exportCsv(f.hybridRun.runId(), "recommend", csv);
        List<String[]> mine = csv.toString().lines().skip(1).map(l -> l.split(",")).filter(r -> r[0].equals(user)).toList();
        assertThat(list.items()).extracting(UserInspection.Recommended::itemId).containsExactlyElementsOf(
                mine.stream().map(r -> r[2]).toList());
        assertThat(list.items()).extracting(UserInspection.Recommended::score).zipSatisfy(
                mine.stream().map(r -> Double.parseDouble(r[3])).toList(), (a, b) -> assertThat(a).isCloseTo(b, within(1e-5)));
        Set<String> test = items(hybridSplit.test(), user);
        assertThat(list.heldOut()).isEqualTo(test);
        Set<String> hits = list.items().stream().filter(UserInspection.Recommended::hit).map(UserInspection.Recommended::itemId)
                .collect(Collectors.toSet());
        Set<String> expected = new HashSet<>(test);
        expected.retainAll(mine.stream().map(r -> r[2]).toList());
        assertThat(hits).isNotEmpty().isEqualTo(expected);
        assertThat(list.hits()).isEqualTo(expected.size());
    }

    @Test
    void contributionsOfTheHybridAddUpToEachScoreAndNameItsSources() {
        UserInspection.TopList list = inspection.recommendations(hybridModel, userWithAHit(), 10);
        assertThat(list.groups()).containsExactly(UserInspectionContributions.BEHAVIOUR, UserInspectionContributions.TEXT,
                UserInspectionContributions.CONTENT, UserInspectionContributions.SOCIAL, UserInspectionContributions.CONTEXT);
        for (UserInspection.Recommended r : list.items()) {
            double sum = r.contributions().values().stream().mapToDouble(Double::doubleValue).sum();
            assertThat(sum).as("parts of " + r.itemId()).isCloseTo(r.score(), within(1e-3));
            assertThat(r.contributions().get(UserInspectionContributions.TEXT)).isNotZero();
            assertThat(r.contributions().get(UserInspectionContributions.SOCIAL)).isNotZero();
            assertThat(r.contributions().get(UserInspectionContributions.CONTEXT)).isNotZero();
        }
    }

    @Test
    void withoutStoredListsTheCachedModelScoresAsTheTopKNodeWould() {
        String user = userWithAHit();
        UserInspection.TopList list = inspection.recommendations(bprModel, user, 10);
        assertThat(list.source()).isEqualTo("scored");
        TrainedModel m = f.cfRun.output(f.cf, "bpr", "model", TrainedModel.class);
        Split split = f.cfRun.output(f.cf, "split", "split", Split.class);
        Recommendations recs = BatchRecommender.recommend(m.recommender(), split.train(), 10, true, Parallel.defaultThreads(),
                TaskMonitor.none());
        int u = m.recommender().users().indexOf(user);
        int[] expected = recs.itemsOf(u);
        assertThat(list.items()).extracting(UserInspection.Recommended::itemId).containsExactlyElementsOf(
                java.util.Arrays.stream(expected).mapToObj(i -> m.recommender().items().id(i)).toList());
        assertThat(list.groups()).containsExactly(UserInspectionContributions.BEHAVIOUR);
        list.items().forEach(r -> assertThat(r.contributions().get("behaviour")).isEqualTo(r.score()));
        assertThat(list.heldOut()).isEqualTo(items(split.test(), user));
    }

    @Test
    void becauseYouLikedNamesTrainingItemsByDescendingCosine() {
        String user = userWithAHit();
        UserInspection.TopList list = inspection.recommendations(hybridModel, user, 10);
        Set<String> train = items(hybridSplit.train(), user);
        TrainedModel m = f.hybridRun.output(f.hybrid, "hybrid", "model", TrainedModel.class);
        ItemMapVectors v = hybridModel.itemVectors();
        for (UserInspection.Recommended r : list.items()) {
            assertThat(r.because()).hasSize(Math.min(UserInspection.BECAUSE, train.size()));
            assertThat(r.because()).extracting(UserInspection.Because::itemId).allMatch(train::contains);
            assertThat(r.because()).extracting(UserInspection.Because::cosine).isSortedAccordingTo((a, b) -> Double.compare(b, a));
            UserInspection.Because best = r.because().get(0);
            int i = m.recommender().items().indexOf(r.itemId());
            double max = train.stream().mapToDouble(t -> v.cosine(i, m.recommender().items().indexOf(t))).max().orElseThrow();
            assertThat(best.cosine()).isCloseTo(max, within(1e-9));
        }
    }

    @Test
    void historyMarksEachRowWithItsPartOfTheSplit() {
        String user = userWithAHit();
        List<UserInspection.HistoryRow> rows = inspection.history(user, Optional.of(hybridSplit));
        Map<String, Long> parts = rows.stream().collect(Collectors.groupingBy(UserInspection.HistoryRow::part, Collectors.counting()));
        assertThat(parts.getOrDefault(UserInspection.TEST, 0L)).isEqualTo(hybridSplit.test().rowsByUser()[hybridSplit.test().users().indexOf(user)].length);
        assertThat(parts.getOrDefault(UserInspection.TRAIN, 0L)).isEqualTo(hybridSplit.train().rowsByUser()[hybridSplit.train().users().indexOf(user)].length);
        assertThat(rows.stream().filter(r -> r.part().equals(UserInspection.TEST)).map(UserInspection.HistoryRow::itemId)
                .collect(Collectors.toSet())).isEqualTo(items(hybridSplit.test(), user));
        assertThat(rows).allSatisfy(r -> assertThat(r.title()).isNotBlank());
        assertThat(rows).extracting(UserInspection.HistoryRow::time).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(rows.get(0).rating()).isBetween(1.0, 5.0);
        assertThat(inspection.profile(user).orElseThrow().interactions()).isEqualTo(rows.size());
    }

    @Test
    void usersAreFoundByIdByAttributeAndByText() {
        assertThat(inspection.findUsers("17", 10)).first().extracting(UserInspection.UserMatch::id).isEqualTo("17");
        List<UserInspection.UserMatch> north = inspection.findUsers("region=North, gender=female", 50);
        assertThat(north).hasSize(50).allSatisfy(m -> {
            assertThat(m.attributes()).containsEntry("region", "North").containsEntry("gender", "female");
        });
        assertThat(inspection.findUsers("REGION = north", 5)).as("names and values ignore case").hasSize(5);
        assertThat(inspection.findUsers("35-44", 20)).allSatisfy(m -> assertThat(m.attributes()).containsValue("35-44"));
        assertThat(inspection.findUsers("", 7)).hasSize(7);
        UserInspection.Profile p = inspection.profile("1").orElseThrow();
        assertThat(p.attributes()).containsExactly(Map.entry("age_band", "35-44"), Map.entry("gender", "female"),
                Map.entry("region", "North"), Map.entry("segment", "mainstream"));
        assertThat(p.friends()).isPositive();
    }

    @Test
    void whatAUserCanGetWrongFindsNothingInsteadOfFailing() {
        assertThat(inspection.findUsers("no such user", 10)).isEmpty();
        assertThat(inspection.findUsers("%", 10)).as("LIKE wildcards are taken literally").isEmpty();
        assertThat(inspection.findUsers("_", 10)).isEmpty();
        assertThat(inspection.findUsers("=", 10)).isEmpty();
        assertThat(inspection.findUsers("region=", 10)).isEmpty();
        assertThat(inspection.profile("no such user")).isEmpty();
        assertThat(inspection.history("no such user", Optional.of(hybridSplit))).isEmpty();
        UserInspection.TopList none = inspection.recommendations(bprModel, "no such user", 10);
        assertThat(none.items()).isEmpty();
        assertThat(none.note()).contains("does not know user no such user");
    }

    @Test
    void aRunWhoseOutputsAreGoneStillShowsItsStoredListButSaysWhatIsMissing(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        org.recblend.store.ProjectStore empty = org.recblend.store.ProjectStore.create(dir.resolve("empty"));
        // the cache of an empty project knows none of the run's keys: as if the project's cache had been cleared
        UserInspectionRuns bare = new UserInspectionRuns(f.store, InspectorFixture.REGISTRY, new OutputCache(empty));
        UserInspectionModel gone = UserInspectionModel.load(bare, hybrid);
        assertThat(gone.model()).isEmpty();
        UserInspection.TopList list = inspection.recommendations(gone, userWithAHit(), 10);
        assertThat(list.source()).isEqualTo("stored");
        assertThat(list.items()).hasSize(10).allSatisfy(r -> assertThat(r.hit()).isFalse());
        assertThat(list.note()).contains("split is no longer cached");
        UserInspection.TopList nothing = inspection.recommendations(UserInspectionModel.load(bare, bpr), userWithAHit(), 10);
        assertThat(nothing.items()).isEmpty();
        assertThat(nothing.note()).contains("no longer cached");
        empty.close();
    }

    static Set<String> items(InteractionTable t, String user) {
        int u = t.users().indexOf(user);
        Set<String> out = new HashSet<>();
        for (int r : t.rowsByUser()[u]) {
            out.add(t.items().id(t.item(r)));
        }
        return out;
    }
}
