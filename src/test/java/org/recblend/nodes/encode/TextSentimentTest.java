package org.recblend.nodes.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.domain.Embeddings;
import org.recblend.domain.IdIndex;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.Split;
import org.recblend.domain.TextCorpus;
import org.recblend.encode.LexiconPolarity;
import org.recblend.ingest.preset.PresetImporter;
import org.recblend.nodes.TestContext;
import org.recblend.pipeline.InvalidSettingsException;
import org.recblend.pipeline.PortData;
import org.recblend.pipeline.PortTypes;
import org.recblend.store.ProjectStore;
import org.recblend.store.StoredDataset;
import org.recblend.task.TaskMonitor;
import org.recblend.testutil.SharedData;

/** Sentiment features from the real ml-latest-small tags, checked against the taggers' own ratings. */
class TextSentimentTest {
    @TempDir
    static Path dir;
    private static TextCorpus tags;
    private static InteractionTable ratings;

    @BeforeAll
    static void importMovieLens() throws Exception {
        Path folder = SharedData.dir("ml-latest-small");
        try (ProjectStore store = ProjectStore.create(dir.resolve("ml"))) {
            PresetImporter.importFolder(store, "movielens-latest-small", folder, "ml", TaskMonitor.none());
            StoredDataset data = StoredDataset.open(store, "ml", List.of());
            tags = data.texts(TaskMonitor.none());
            ratings = data.interactions(TaskMonitor.none());
        }
    }

    private static List<PortData> run(TextSentiment.Settings s, Split split, TestContext ctx) throws Exception {
        s.validate();
        List<PortData> in = new ArrayList<>();
        in.add(PortData.of(PortTypes.TEXT_CORPUS, tags));
        in.add(split == null ? null : PortData.of(PortTypes.SPLIT, split));
        return new TextSentiment().execute(s, in, ctx);
    }

    @Test
    void positiveTagsSitOnMoviesTheirTaggersRatedHigher() throws Exception {
        TestContext ctx = new TestContext();
        List<PortData> out = run(new TextSentiment().defaultSettings(), null, ctx);
        Embeddings users = out.get(0).as(Embeddings.class);
        Embeddings items = out.get(1).as(Embeddings.class);
        assertThat(users.side()).isEqualTo(Embeddings.Side.USER);
        assertThat(items.dim()).isEqualTo(4);
        assertThat(items.source()).isEqualTo("sentiment:lexicon@1");
        assertThat(users.presentCount()).isEqualTo(58); // the users who tagged
        assertThat(ctx.log).singleElement().asString().contains("3683 of 3683 texts");

        // the tagger's rating of the tagged movie: liked tags should sit on better-rated movies
        Map<String, Float> rating = new HashMap<>();
        for (int r = 0; r < ratings.size(); r++) {
            rating.put(key(ratings.users().id(ratings.user(r)), ratings.items().id(ratings.item(r))), ratings.weight(r));
        }
        LexiconPolarity lexicon = new LexiconPolarity();
        double[] sum = new double[2];
        int[] n = new int[2];
        double boring = 0;
        int boringCount = 0;
        for (int r = 0; r < tags.size(); r++) {
            double s = lexicon.score(tags.text(r));
            Float given = rating.get(key(tags.users().id(tags.user(r)), tags.items().id(tags.item(r))));
            if (given != null && Math.abs(s) > 0.05) {
                int side = s > 0 ? 1 : 0;
                sum[side] += given;
                n[side]++;
            }
            if (tags.text(r).toLowerCase().contains("boring")) {
                boring += s;
                boringCount++;
            }
        }
        assertThat(n[0]).isGreaterThan(20);
        assertThat(n[1]).isGreaterThan(50);
        double meanLiked = sum[1] / n[1];
        double meanDisliked = sum[0] / n[0];
        assertThat(meanLiked - meanDisliked).as("mean rating under positive (%.2f, %d) vs negative tags (%.2f, %d)",
                meanLiked, n[1], meanDisliked, n[0]).isGreaterThan(0.5);
        assertThat(boringCount).isPositive();
        assertThat(boring / boringCount).isNegative();

        // an item's mean polarity feature is the mean over its tags
        int item = items.ids().indexOf(tags.items().id(tags.item(0)));
        double mean = 0;
        int count = 0;
        for (int r = 0; r < tags.size(); r++) {
            if (tags.item(r) == tags.item(0)) {
                mean += lexicon.score(tags.text(r));
                count++;
            }
        }
        assertThat(items.row(item)[0]).isCloseTo((float) (mean / count), org.assertj.core.api.Assertions.within(1e-5f));
        assertThat(items.row(item)[3]).isCloseTo((float) Math.log1p(count), org.assertj.core.api.Assertions.within(1e-5f));
    }

    @Test
    void textsAboutHeldOutPairsAreLeftOut() throws Exception {
        // hold out every pair one user tagged: that user then has no sentiment features
        int user = tags.user(0);
        String userId = tags.users().id(user);
        IdIndex users = ratings.users();
        IdIndex items = ratings.items();
        InteractionTable.Builder test = InteractionTable.builder(users, items);
        int held = 0;
        for (int r = 0; r < tags.size(); r++) {
            if (tags.user(r) == user) {
                test.add(users.indexOf(userId), items.indexOf(tags.items().id(tags.item(r))), 1, InteractionTable.NO_TIME);
                held++;
            }
        }
        Split split = new Split(ratings, InteractionTable.empty(users, items), test.build());
        TestContext ctx = new TestContext();
        Embeddings out = run(new TextSentiment().defaultSettings(), split, ctx).get(0).as(Embeddings.class);
        assertThat(out.present(out.ids().indexOf(userId))).isFalse();
        assertThat(out.presentCount()).isEqualTo(57);
        assertThat(ctx.log).singleElement().asString().contains((3683 - held) + " of 3683 texts").contains("held-out");
    }

    @Test
    void onlyTheChosenKindsAreScored() throws Exception {
        TestContext ctx = new TestContext();
        Embeddings none = run(new TextSentiment.Settings(TextSentiment.Method.LEXICON, List.of("review")), null, ctx)
                .get(1).as(Embeddings.class);
        assertThat(none.presentCount()).isZero();
        assertThatThrownBy(() -> new TextSentiment.Settings(null, List.of(" ")).validate())
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("kind is empty");
    }

    private static String key(String user, String item) {
        return user + "\t" + item;
    }
}
