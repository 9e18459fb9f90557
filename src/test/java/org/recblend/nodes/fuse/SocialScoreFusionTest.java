package org.recblend.nodes.fuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.recblend.domain.IdIndex;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.SocialGraph;
import org.recblend.domain.Split;
import org.recblend.encode.social.SocialAdjacency;
import org.recblend.engine.PopularityScorer;
import org.recblend.engine.Recommender;
import org.recblend.engine.TrainedModel;
import org.recblend.engine.model.FriendBoostRecommender;
import org.recblend.nodes.TestContext;
import org.recblend.nodes.train.TrainPorts;
import org.recblend.pipeline.InvalidSettingsException;
import org.recblend.pipeline.PortData;
import org.recblend.pipeline.PortTypes;

/**
 * Three taste communities of 40 users over 30 items each; friends are in the same community; half the
 * users keep one training item. A base model that knows nothing of communities (popularity) ranks
 * the sparse users' held-out items by chance; the friends' votes find their community.
 */
class SocialScoreFusionTest {
    static final int USERS = 120;
    static final int ITEMS = 90;
    final IdIndex users = IdIndex.numbered("u", USERS);
    final IdIndex items = IdIndex.numbered("i", ITEMS);
    final Split split;
    final SocialGraph graph;

    SocialScoreFusionTest() {
        SplittableRandom r = new SplittableRandom(5);
        InteractionTable.Builder train = InteractionTable.builder(users, items);
        InteractionTable.Builder test = InteractionTable.builder(users, items);
        for (int u = 0; u < USERS; u++) {
            int community = u % 3;
            boolean sparse = u >= USERS / 2;
            int[] order = r.ints(0, 30).distinct().limit(17).toArray();
            for (int k = 0; k < order.length; k++) {
                int item = community * 30 + order[k];
                if (k < 5) {
                    test.add(u, item, 1f, InteractionTable.NO_TIME);
                } else if (!sparse || k == 5) {
                    train.add(u, item, 1f, InteractionTable.NO_TIME);
                }
            }
        }
        split = new Split(train.build(), InteractionTable.empty(users, items), test.build());
        List<Integer> src = new ArrayList<>();
        List<Integer> dst = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            for (int k = 0; k < 4; k++) {
                int v = (u + 3 * (1 + r.nextInt(USERS / 3 - 1))) % USERS;
                src.add(u);
                dst.add(v);
            }
        }
        float[] w = new float[src.size()];
        java.util.Arrays.fill(w, 1f);
        graph = new SocialGraph(users, src.stream().mapToInt(Integer::intValue).toArray(),
                dst.stream().mapToInt(Integer::intValue).toArray(), w, new String[src.size()]);
    }

    /** Global popularity of the training part: knows nothing of the communities. */
    Recommender popularity() {
        return new PopularityScorer(split.train());
    }

    TrainedModel fuse(SocialScoreFusion.Settings s, Split on, TestContext ctx) throws Exception {
        s.validate();
        TrainedModel base = new TrainedModel(popularity(), "popularity", Map.of("k", 1), List.of(), 0.5);
        return new SocialScoreFusion().execute(s, List.of(PortData.of(TrainPorts.TRAINED_MODEL, base), PortData.of(PortTypes.SPLIT, on),
                PortData.of(PortTypes.SOCIAL_GRAPH, graph)), ctx).get(0).as(TrainedModel.class);
    }

    /** Share of the held-out items among each sparse user's top 10 unseen items. */
    double sparseHitRate(Recommender r) {
        int[][] trainRows = split.train().rowsByUser();
        int[][] testRows = split.test().rowsByUser();
        double sum = 0;
        int n = 0;
        float[] s = new float[ITEMS];
        for (int u = USERS / 2; u < USERS; u++) {
            r.score(u, s);
            for (int row : trainRows[u]) {
                s[split.train().item(row)] = Float.NEGATIVE_INFINITY;
            }
            Integer[] order = new Integer[ITEMS];
            for (int i = 0; i < ITEMS; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> Float.compare(s[b], s[a]));
            int hits = 0;
            for (int k = 0; k < 10; k++) {
                for (int row : testRows[u]) {
                    hits += split.test().item(row) == order[k] ? 1 : 0;
                }
            }
            sum += hits / 5.0;
            n++;
        }
        return sum / n;
    }

    @Test
    void theFriendsVotesLiftTheSparseUsers() throws Exception {
        TestContext ctx = new TestContext();
        TrainedModel fused = fuse(new SocialScoreFusion().defaultSettings(), split, ctx);
        double before = sparseHitRate(popularity());
        double after = sparseHitRate(fused.recommender());
        // weight 1 puts the votes on the scale of one spread of the user's scores: a nudge, not a takeover
        assertThat(after).as("top-10 hit share of sparse users, popularity alone %.3f", before).isGreaterThan(before + 0.03);
        double strong = sparseHitRate(fuse(new SocialScoreFusion.Settings(10, 5, SocialAdjacency.Direction.BOTH), split,
                new TestContext()).recommender());
        assertThat(strong).as("weight 10 (weight 1: %.3f)", after).isGreaterThan(after + 0.1);
        assertThat(fused.kind()).isEqualTo("popularity+social");
        assertThat(fused.settings()).containsEntry("socialWeight", 1.0).containsEntry("k", 1);
        assertThat(fused.trainSeconds()).isEqualTo(0.5);
        assertThat(ctx.log).anyMatch(l -> l.startsWith("popularity+social: 120 of 120 users have friends the model knows"));
    }

    @Test
    void usersWithMuchHistoryLeanLessOnTheirFriends() throws Exception {
        FriendBoostRecommender r = (FriendBoostRecommender) fuse(new SocialScoreFusion().defaultSettings(), split,
                new TestContext()).recommender();
        assertThat(r.share(0)).as("12 own items").isCloseTo(5.0 / 17, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(r.share(USERS - 1)).as("1 own item").isCloseTo(5.0 / 6, org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void weightZeroLeavesTheScoresAsTheyWere() throws Exception {
        Recommender off = fuse(new SocialScoreFusion.Settings(0, 5, SocialAdjacency.Direction.BOTH), split, new TestContext())
                .recommender();
        float[] a = new float[ITEMS];
        float[] b = new float[ITEMS];
        off.score(70, a);
        popularity().score(70, b);
        assertThat(a).containsExactly(b);
    }

    @Test
    void badSettingsAndAForeignSplitAreRefused() {
        assertThatThrownBy(() -> new SocialScoreFusion.Settings(-1, 5, SocialAdjacency.Direction.BOTH).validate())
                .isInstanceOf(InvalidSettingsException.class).hasMessage("weight must be between 0 and 100, not -1.0");
        assertThatThrownBy(() -> new SocialScoreFusion.Settings(1, 0, SocialAdjacency.Direction.BOTH).validate())
                .hasMessage("shrink must be above 0 and at most 1,000,000, not 0.0");
        assertThatThrownBy(() -> new SocialScoreFusion.Settings(1, 5, null).validate())
                .hasMessage("direction must be one of OUT, IN, BOTH");
        IdIndex other = IdIndex.numbered("x", 3);
        Split foreign = new Split(InteractionTable.empty(other, items), InteractionTable.empty(other, items),
                InteractionTable.empty(other, items));
        assertThatThrownBy(() -> fuse(new SocialScoreFusion().defaultSettings(), foreign, new TestContext()))
                .isInstanceOf(InvalidSettingsException.class).hasMessageStartingWith("The model was not trained on this split");
    }
}
