package org.recblend.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.task.CancellableMonitor;
import org.recblend.task.CancelledException;
import org.recblend.task.TaskMonitor;

/** Checks that the planted structure of the retail sample is really in the files. */
class RetailSampleGeneratorTest {
    private static final SampleSpec SPEC = new SampleSpec(1_000, 500, 25_000, 7);
    private static final ThemeCatalog CATALOG = ThemeCatalog.retail();

    @TempDir
    static Path shared;
    static Path sample;
    static SampleSummary summary;

    @TempDir
    Path dir;

    @BeforeAll
    static void generateOnce() throws IOException {
        sample = shared.resolve("retail");
        summary = new RetailSampleGenerator(SPEC).writeTo(sample, TaskMonitor.none());
    }

    @Test
    void writesEveryFileWithItsHeaderAndTheAskedCounts() throws IOException {
        assertThat(summary.files()).extracting(p -> p.getFileName().toString())
                .containsExactlyElementsOf(RetailSampleGenerator.FILES);
        assertThat(sample.resolve(".sample-in-progress")).doesNotExist();
        assertThat(SampleFiles.header(sample.resolve("users.csv")))
                .containsExactly("user_id", "age_band", "gender", "region", "segment");
        assertThat(SampleFiles.header(sample.resolve("items.csv")))
                .containsExactly("item_id", "title", "categories", "brand", "price", "description");
        assertThat(SampleFiles.header(sample.resolve("purchases.csv")))
                .containsExactly("user_id", "item_id", "rating", "timestamp", "channel", "device");

        List<CSVRecord> purchases = SampleFiles.read(sample.resolve("purchases.csv"));
        assertThat(purchases).hasSize(25_000);
        assertThat(summary.purchases()).isEqualTo(25_000);
        assertThat(SampleFiles.read(sample.resolve("users.csv"))).hasSize(1_000);
        assertThat(SampleFiles.read(sample.resolve("items.csv"))).hasSize(500);
        assertThat(SampleFiles.read(sample.resolve("reviews.csv"))).hasSize((int) summary.reviews());
        assertThat(SampleFiles.read(sample.resolve("friends.csv"))).hasSize((int) summary.friendships());
        assertThat(Files.readString(sample.resolve("README.md"))).contains("`purchases.csv` | 25,000 |");
    }

    @Test
    void idsRatingsAndTimesStayInTheirRangesAndPairsAreUnique() throws IOException {
        List<CSVRecord> purchases = SampleFiles.read(sample.resolve("purchases.csv"));
        Set<Long> pairs = new HashSet<>();
        Set<Integer> buyers = new HashSet<>();
        Set<Integer> items = new HashSet<>();
        for (CSVRecord r : purchases) {
            int user = Integer.parseInt(r.get("user_id"));
            int item = Integer.parseInt(r.get("item_id"));
            assertThat(user).isBetween(1, 1_000);
            assertThat(item).isBetween(1, 500);
            assertThat(Integer.parseInt(r.get("rating"))).isBetween(1, 5);
            assertThat(Long.parseLong(r.get("timestamp"))).isBetween(1_704_067_200L, 1_735_689_599L);
            assertThat(r.get("channel")).isIn("web", "app", "store");
            assertThat(pairs.add((long) user * 1_000_000 + item)).as("pair %d,%d is unique", user, item).isTrue();
            buyers.add(user);
            items.add(item);
        }
        assertThat(buyers).as("every customer bought something").hasSize(1_000);
        assertThat(items.size()).as("most products sold at least once").isGreaterThan(450);
        for (CSVRecord f : SampleFiles.read(sample.resolve("friends.csv"))) {
            assertThat(Integer.parseInt(f.get("user_id"))).isBetween(1, 1_000).isNotEqualTo(Integer.parseInt(f.get("friend_id")));
            assertThat(Integer.parseInt(f.get("friend_id"))).isBetween(1, 1_000);
            assertThat(f.get("since")).matches("20(1[89]|2[0-4])-\\d\\d-\\d\\d");
        }
    }

    @Test
    void theSameSeedWritesByteIdenticalFilesAndAnotherSeedDoesNot() throws IOException {
        Path again = dir.resolve("again");
        Path other = dir.resolve("other");
        new RetailSampleGenerator(SPEC).writeTo(again, TaskMonitor.none());
        new RetailSampleGenerator(SPEC.withSeed(8)).writeTo(other, TaskMonitor.none());
        for (String name : RetailSampleGenerator.FILES) {
            assertThat(Files.mismatch(sample.resolve(name), again.resolve(name))).as(name).isEqualTo(-1L);
        }
        assertThat(Files.mismatch(sample.resolve("purchases.csv"), other.resolve("purchases.csv"))).isNotEqualTo(-1L);
        assertThat(Files.mismatch(sample.resolve("items.csv"), other.resolve("items.csv"))).isNotEqualTo(-1L);
    }

    @Test
    void friendsShareTasteMoreThanRandomPairs() throws IOException {
        Map<Integer, double[]> profile = categoryProfiles();
        List<CSVRecord> friends = SampleFiles.read(sample.resolve("friends.csv"));
        double friendSimilarity = 0;
        for (CSVRecord f : friends) {
            friendSimilarity += cosine(profile.get(Integer.parseInt(f.get("user_id"))),
                    profile.get(Integer.parseInt(f.get("friend_id"))));
        }
        friendSimilarity /= friends.size();
        Random random = new Random(1);
        double randomSimilarity = 0;
        int pairs = 20_000;
        for (int n = 0; n < pairs; n++) {
            randomSimilarity += cosine(profile.get(1 + random.nextInt(1_000)), profile.get(1 + random.nextInt(1_000)));
        }
        randomSimilarity /= pairs;
        assertThat(friends.size()).isGreaterThan(2_000);
        assertThat(friendSimilarity).as("friends' taste similarity vs random pairs %.3f", randomSimilarity)
                .isGreaterThan(1.3 * randomSimilarity);
    }

    @Test
    void customersConcentrateOnFewThemesAndPopularityHasALongTail() throws IOException {
        Map<Integer, double[]> profile = categoryProfiles();
        double topShare = profile.values().stream().mapToDouble(p -> {
            double[] sorted = p.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length - 1] / Arrays.stream(p).sum();
        }).average().orElseThrow();
        assertThat(topShare).as("share of a customer's purchases in the main theme (uniform would be 1/8)")
                .isGreaterThan(0.35);

        int[] sales = new int[501];
        for (CSVRecord r : SampleFiles.read(sample.resolve("purchases.csv"))) {
            sales[Integer.parseInt(r.get("item_id"))]++;
        }
        int[] sorted = Arrays.stream(sales).sorted().toArray();
        long top10 = 0;
        for (int i = sorted.length - 50; i < sorted.length; i++) {
            top10 += sorted[i];
        }
        assertThat(top10 / 25_000.0).as("share of the best-selling 10% of products (uniform: 0.10)").isGreaterThan(0.25);
    }

    @Test
    void ratingsAreHigherWhereTasteMatches() throws IOException {
        Map<Integer, double[]> profile = categoryProfiles();
        Map<Integer, Integer> themeOfItem = themeOfItems();
        double matched = 0;
        double other = 0;
        int nMatched = 0;
        int nOther = 0;
        for (CSVRecord r : SampleFiles.read(sample.resolve("purchases.csv"))) {
            double[] p = profile.get(Integer.parseInt(r.get("user_id")));
            int theme = themeOfItem.get(Integer.parseInt(r.get("item_id")));
            int rating = Integer.parseInt(r.get("rating"));
            if (theme == argmax(p)) {
                matched += rating;
                nMatched++;
            } else {
                other += rating;
                nOther++;
            }
        }
        assertThat(matched / nMatched).as("mean rating in the main theme vs elsewhere %.2f", other / nOther)
                .isGreaterThan(other / nOther + 0.4);
    }

    @Test
    void productsOfOneThemeShareVocabulary() throws IOException {
        List<CSVRecord> items = SampleFiles.read(sample.resolve("items.csv"));
        Map<Integer, Integer> themeOfItem = themeOfItems();
        List<Set<String>> words = new ArrayList<>();
        for (CSVRecord r : items) {
            words.add(words(r.get("description")));
        }
        double same = 0;
        double different = 0;
        int nSame = 0;
        int nDifferent = 0;
        for (int a = 0; a < items.size(); a += 3) {
            for (int b = a + 1; b < items.size(); b += 7) {
                double j = jaccard(words.get(a), words.get(b));
                if (themeOfItem.get(a + 1).equals(themeOfItem.get(b + 1))) {
                    same += j;
                    nSame++;
                } else {
                    different += j;
                    nDifferent++;
                }
            }
        }
        assertThat(same / nSame).as("word overlap within a theme vs across themes %.3f", different / nDifferent)
                .isGreaterThan(2 * different / nDifferent);
    }

    @Test
    void reviewsRepeatThePurchaseRatingAndTheirToneFollowsIt() throws IOException {
        Map<Long, String> ratingOfPair = new HashMap<>();
        for (CSVRecord r : SampleFiles.read(sample.resolve("purchases.csv"))) {
            ratingOfPair.put(Long.parseLong(r.get("user_id")) * 1_000_000 + Long.parseLong(r.get("item_id")), r.get("rating"));
        }
        int positiveInGood = 0;
        int good = 0;
        int positiveInBad = 0;
        int bad = 0;
        for (CSVRecord r : SampleFiles.read(sample.resolve("reviews.csv"))) {
            long pair = Long.parseLong(r.get("user_id")) * 1_000_000 + Long.parseLong(r.get("item_id"));
            assertThat(r.get("rating")).isEqualTo(ratingOfPair.get(pair));
            int rating = Integer.parseInt(r.get("rating"));
            boolean positive = r.get("review").matches("(?i).*\\b(love|excellent|great|happy|fantastic)\\b.*");
            if (rating >= 4) {
                good++;
                positiveInGood += positive ? 1 : 0;
            } else if (rating <= 2) {
                bad++;
                positiveInBad += positive ? 1 : 0;
            }
        }
        assertThat(good).isPositive();
        assertThat(bad).isPositive();
        assertThat((double) positiveInGood / good).isGreaterThan(0.9);
        assertThat((double) positiveInBad / bad).isLessThan(0.1);
    }

    @Test
    void aCancelLeavesAnExistingFolderAsItWasAndCreatesNoNewOne() throws IOException {
        Path existing = dir.resolve("existing");
        Files.createDirectories(existing);
        Files.writeString(existing.resolve("purchases.csv"), "old content\n");
        CancellableMonitor[] self = new CancellableMonitor[1];
        CancellableMonitor watched = new CancellableMonitor((fraction, message) -> {
            if (fraction > 0.5) {
                self[0].cancel();
            }
        }, line -> { });
        self[0] = watched;
        assertThatThrownBy(() -> new RetailSampleGenerator(SPEC).writeTo(existing, watched))
                .isInstanceOf(CancelledException.class);
        try (var files = Files.list(existing)) {
            assertThat(files).containsExactly(existing.resolve("purchases.csv"));
        }
        assertThat(Files.readString(existing.resolve("purchases.csv"))).isEqualTo("old content\n");

        CancellableMonitor cancelledAtOnce = new CancellableMonitor();
        cancelledAtOnce.cancel();
        Path fresh = dir.resolve("fresh");
        assertThatThrownBy(() -> new RetailSampleGenerator(SPEC).writeTo(fresh, cancelledAtOnce))
                .isInstanceOf(CancelledException.class);
        assertThat(fresh).doesNotExist();
    }

    @Test
    void anOutputPathThatIsAFileIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        assertThatThrownBy(() -> new RetailSampleGenerator(SPEC).writeTo(file, TaskMonitor.none()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("taken is a file, not a folder");
    }

    @Test
    void impossibleSizesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> new SampleSpec(100, 10, 600, 1))
                .hasMessageContaining("cannot exceed 500 for 100 users and 10 items");
        assertThatThrownBy(() -> new SampleSpec(100, 50, 99, 1))
                .hasMessageContaining("at least the number of users (100)");
        assertThatThrownBy(() -> new SampleSpec(1, 50, 10, 1)).hasMessageContaining("users must be at least 2");
        assertThatThrownBy(() -> new SampleSpec(10, 7, 10, 1)).hasMessageContaining("items must be at least 8");
    }

    @Test
    void theSmallestAndTheDensestSizesWork() throws IOException {
        SampleSummary dense = new RetailSampleGenerator(new SampleSpec(20, 8, 80, 3)).writeTo(dir.resolve("dense"), TaskMonitor.none());
        assertThat(dense.purchases()).isEqualTo(80);
        assertThat(SampleFiles.read(dir.resolve("dense/purchases.csv"))).hasSize(80);
    }

    @Test
    void purchasesAreSplitOverCustomersExactlyAndWithinTheCap() {
        double[] activity = {100, 1, 1, 1, 0.5};
        int[] counts = Purchases.allocate(40, activity, 10);
        assertThat(Arrays.stream(counts).sum()).isEqualTo(40);
        assertThat(Arrays.stream(counts).boxed()).allSatisfy(c -> assertThat(c).isBetween(5, 10));
        assertThat(counts[0]).isEqualTo(10);
    }

    /** Per customer, purchases counted per theme, the theme read from the product's first category. */
    private static Map<Integer, double[]> categoryProfiles() throws IOException {
        Map<Integer, Integer> themeOfItem = themeOfItems();
        Map<Integer, double[]> profile = new HashMap<>();
        for (CSVRecord r : SampleFiles.read(sample.resolve("purchases.csv"))) {
            profile.computeIfAbsent(Integer.parseInt(r.get("user_id")), u -> new double[CATALOG.themes().size()])
                    [themeOfItem.get(Integer.parseInt(r.get("item_id")))]++;
        }
        return profile;
    }

    private static Map<Integer, Integer> themeOfItems() throws IOException {
        Map<Integer, Integer> theme = new HashMap<>();
        for (CSVRecord r : SampleFiles.read(sample.resolve("items.csv"))) {
            String first = r.get("categories").split("\\|")[0];
            Theme t = CATALOG.themeOfCategory(first).orElseThrow();
            theme.put(Integer.parseInt(r.get("item_id")), CATALOG.themes().indexOf(t));
        }
        return theme;
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    private static double cosine(double[] a, double[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>(Arrays.asList(text.toLowerCase().split("[^a-z]+")));
        words.removeIf(w -> w.length() < 4);
        return words;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return (double) both.size() / (a.size() + b.size() - both.size());
    }
}
