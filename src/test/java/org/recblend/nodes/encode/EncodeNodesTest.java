package org.recblend.nodes.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.domain.Embeddings;
import org.recblend.domain.IdIndex;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.SocialGraph;
import org.recblend.domain.SourceKind;
import org.recblend.domain.Split;
import org.recblend.encode.social.SocialAdjacency;
import org.recblend.encode.social.SocialEncoder;
import org.recblend.encode.social.UserProfiles;
import org.recblend.nodes.TestContext;
import org.recblend.nodes.collect.CollectDataset;
import org.recblend.nodes.preprocess.RandomSplit;
import org.recblend.pipeline.InvalidSettingsException;
import org.recblend.pipeline.NodeKindRegistry;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.PipelineRunner;
import org.recblend.pipeline.RunOptions;
import org.recblend.pipeline.RunResult;
import org.recblend.pipeline.RunStatus;
import org.recblend.pipeline.PortData;
import org.recblend.pipeline.PortSpec;
import org.recblend.pipeline.PortTypes;
import org.recblend.store.ProjectStore;
import org.recblend.testutil.DatasetFixture;

class EncodeNodesTest {
    @TempDir
    Path dir;

    private final EncodeSocial social = new EncodeSocial();
    private final EncodeContext context = new EncodeContext();

    /** Four users in a ring of friendships; items a..d; "secret" is only ever a test item of bob. */
    private static Split ringSplit() {
        IdIndex users = IdIndex.of("ann", "bob", "cid", "dee");
        IdIndex items = IdIndex.of("a", "b", "c", "d", "secret");
        InteractionTable train = InteractionTable.of(users, items, new int[] {0, 1, 1, 2, 3}, new int[] {0, 1, 2, 2, 3},
                new float[] {1, 1, 1, 1, 1}, new long[] {10, 20, 30, 40, 50});
        InteractionTable test = InteractionTable.of(users, items, new int[] {1, 0}, new int[] {4, 1}, new float[] {1, 1},
                new long[] {60, 70});
        return new Split(train, InteractionTable.empty(users, items), test);
    }

    private static SocialGraph ring(IdIndex users) {
        return new SocialGraph(users, new int[] {0, 1, 2, 3}, new int[] {1, 2, 3, 0}, new float[] {1, 1, 1, 1},
                new String[] {"friend", "friend", "friend", "friend"});
    }

    private static List<PortData> socialInputs(SocialGraph g, Embeddings v, InteractionTable in, Split split) {
        List<PortData> inputs = new ArrayList<>();
        inputs.add(PortData.of(PortTypes.SOCIAL_GRAPH, g));
        inputs.add(v == null ? null : PortData.of(PortTypes.EMBEDDINGS, v));
        inputs.add(in == null ? null : PortData.of(PortTypes.INTERACTIONS, in));
        inputs.add(split == null ? null : PortData.of(PortTypes.SPLIT, split));
        return inputs;
    }

    private static EncodeSocial.Settings settings(SocialEncoder.Signal signal, int dim) {
        return new EncodeSocial.Settings(signal, SocialAdjacency.Direction.BOTH, false, 1, 0, dim, UserProfiles.Weighting.BINARY,
                false, 7);
    }

    @Test
    void socialConfigureNamesTheMissingInput() throws Exception {
        PortSpec g = PortSpec.of("social", PortTypes.SOCIAL_GRAPH);
        PortSpec split = PortSpec.of("split", PortTypes.SPLIT);
        PortSpec in = PortSpec.of("interactions", PortTypes.INTERACTIONS);
        List<PortSpec> onlyGraph = Arrays.asList(g, null, null, null);
        assertThatThrownBy(() -> social.configure(social.defaultSettings(), onlyGraph))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("FRIENDS_ITEMS needs behaviour");
        assertThatThrownBy(() -> social.configure(settings(SocialEncoder.Signal.EMBEDDINGS, 4), onlyGraph))
                .hasMessageContaining("EMBEDDINGS needs vectors");
        assertThatThrownBy(() -> social.configure(social.defaultSettings(), Arrays.asList(g, null, in, split)))
                .hasMessageContaining("either interactions or a split");
        assertThat(social.configure(social.defaultSettings(), Arrays.asList(g, null, null, split))).hasSize(1);
        assertThat(social.configure(settings(SocialEncoder.Signal.DEGREE, 4), onlyGraph)).hasSize(1);
    }

    @Test
    void socialSettingsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new EncodeSocial.Settings(SocialEncoder.Signal.DEGREE, SocialAdjacency.Direction.BOTH, false, 0, 0,
                4, UserProfiles.Weighting.LOG, false, 1).validate()).hasMessageContaining("hops");
        assertThatThrownBy(() -> new EncodeSocial.Settings(SocialEncoder.Signal.DEGREE, SocialAdjacency.Direction.BOTH, false, 1, 1,
                4, UserProfiles.Weighting.LOG, false, 1).validate()).hasMessageContaining("restart");
        assertThatThrownBy(() -> new EncodeSocial.Settings(SocialEncoder.Signal.DEGREE, SocialAdjacency.Direction.BOTH, false, 1, 0,
                0, UserProfiles.Weighting.LOG, false, 1).validate()).hasMessageContaining("dim");
    }

    @Test
    void socialFeaturesFromASplitReadOnlyItsTrainingRows() throws Exception {
        Split split = ringSplit();
        SocialGraph g = ring(split.train().users());
        // item vectors: one dimension per item, so a user vector shows exactly which items reached it
        int n = split.train().items().size();
        float[] eye = new float[n * n];
        for (int i = 0; i < n; i++) {
            eye[i * n + i] = 1;
        }
        boolean[] all = new boolean[n];
        Arrays.fill(all, true);
        Embeddings items = new Embeddings("one-hot", Embeddings.Side.ITEM, split.train().items(), n, eye, all);
        EncodeSocial.Settings s = settings(SocialEncoder.Signal.EMBEDDINGS, 4);
        Embeddings fromSplit = social.execute(s, socialInputs(g, items, null, split), new TestContext()).get(0).as(Embeddings.class);
        int secret = split.train().items().indexOf("secret");
        for (int u = 0; u < 4; u++) {
            assertThat(fromSplit.row(u)[secret]).as("the held-out item never reaches a feature").isZero();
        }
        // ann's friends are bob (b, c) and dee (d): (0.5 (b + c) + d) / 2
        assertThat(fromSplit.row(0)).containsExactly(0, 0.25f, 0.25f, 0.5f, 0);

        InteractionTable everything = InteractionTable.of(split.train().users(), split.train().items(),
                new int[] {0, 1, 1, 2, 3, 1, 0}, new int[] {0, 1, 2, 2, 3, 4, 1}, new float[] {1, 1, 1, 1, 1, 1, 1},
                new long[] {10, 20, 30, 40, 50, 60, 70});
        Embeddings leaky = social.execute(s, socialInputs(g, items, everything, null), new TestContext()).get(0).as(Embeddings.class);
        assertThat(leaky.row(0)[secret]).as("the same node fed all rows does see it").isGreaterThan(0);

        EncodeSocial.Settings friends = settings(SocialEncoder.Signal.FRIENDS_ITEMS, 3);
        Embeddings a = social.execute(friends, socialInputs(g, null, null, split), new TestContext()).get(0).as(Embeddings.class);
        Embeddings b = social.execute(friends, socialInputs(g, null, split.train(), null), new TestContext()).get(0).as(Embeddings.class);
        Embeddings c = social.execute(friends, socialInputs(g, null, everything, null), new TestContext()).get(0).as(Embeddings.class);
        assertThat(a.values()).containsExactly(b.values());
        assertThat(a.values()).isNotEqualTo(c.values());
    }

    @Test
    void shrinkLendsUsersWithFewInteractionsTheirFriendsVectors() throws Exception {
        Split split = ringSplit();
        SocialGraph g = ring(split.train().users());
        // user vectors, as a model's user factors: ann (0, 0), bob (4, 0), cid (0, 4), dee (4, 4)
        Embeddings factors = new Embeddings("bpr-users", Embeddings.Side.USER, split.train().users(), 2,
                new float[] {0, 0, 4, 0, 0, 4, 4, 4}, new boolean[] {true, true, true, true});
        EncodeSocial.Settings s = new EncodeSocial.Settings(SocialEncoder.Signal.EMBEDDINGS, SocialAdjacency.Direction.BOTH, false,
                1, 0, 4, UserProfiles.Weighting.LOG, false, 7, 2);
        s.validate();
        Embeddings out = social.execute(s, socialInputs(g, factors, null, split), new TestContext()).get(0).as(Embeddings.class);
        // ann has 1 training row: share 2/3 of the friends' mean (bob and dee: (4, 2))
        assertThat(out.row(0)[0]).isCloseTo(8f / 3, within(1e-5f));
        assertThat(out.row(0)[1]).isCloseTo(4f / 3, within(1e-5f));
        // bob has 2: share 1/2 of (ann, cid) = (0, 2)
        assertThat(out.row(1)).containsExactly(2f, 1f);
        assertThatThrownBy(() -> social.execute(s, socialInputs(g, factors, null, null), new TestContext()))
                .hasMessageContaining("needs the training interactions");
        assertThatThrownBy(() -> new EncodeSocial.Settings(SocialEncoder.Signal.EMBEDDINGS, SocialAdjacency.Direction.BOTH, false,
                1, 0, 4, UserProfiles.Weighting.LOG, false, 7, -1).validate()).hasMessageContaining("shrink");
    }

    @Test
    void aWrongSideOrDatasetIsAClearError() {
        Split split = ringSplit();
        IdIndex strangers = IdIndex.of("x", "y");
        SocialGraph other = SocialGraph.empty(strangers);
        assertThatThrownBy(() -> social.execute(social.defaultSettings(), socialInputs(other, null, null, split), new TestContext()))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("different datasets");
    }

    private static void setContext(ProjectStore store, long ts, String json) {
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE interactions SET context = ? WHERE ts = ?")) {
                ps.setString(1, json);
                ps.setLong(2, ts);
                return ps.executeUpdate();
            }
        });
    }

    @Test
    void contextFromASplitReadsOnlyTheTrainingRowsContexts() throws Exception {
        try (ProjectStore store = ProjectStore.create(dir.resolve("shop"))) {
            DatasetFixture shop = DatasetFixture.create(store, "shop");
            int src = shop.source("purchases", SourceKind.BEHAVIOUR);
            shop.interaction(src, "ann", "tea", 5.0, 1_704_088_800L);  // Mon 06:00
            shop.interaction(src, "ann", "mug", 4.0, 1_704_650_400L);  // Sun 18:00
            shop.interaction(src, "bob", "tea", 3.0, 1_704_240_000L);  // Wed 00:00
            shop.interaction(src, "bob", "pot", 3.0, 1_704_369_600L);  // Thu 12:00, held out
            setContext(store, 1_704_088_800L, "{\"device\":\"mobile\"}");
            setContext(store, 1_704_650_400L, "{\"device\":\"desktop\"}");
            setContext(store, 1_704_240_000L, "{\"device\":\"mobile\"}");
            setContext(store, 1_704_369_600L, "{\"device\":\"fridge\"}");
            InteractionTable all = org.recblend.store.StoredDataset.open(store, "shop", List.of())
                    .interactions(org.recblend.task.TaskMonitor.none());
            InteractionTable train = all.filter(r -> all.ts(r) != 1_704_369_600L);
            InteractionTable test = all.filter(r -> all.ts(r) == 1_704_369_600L);
            Split split = new Split(train, InteractionTable.empty(all.users(), all.items()), test);
            EncodeContext.Settings s = new EncodeContext.Settings(List.of(EncodeContext.Feature.CATEGORICAL,
                    EncodeContext.Feature.RECENCY), "UTC", "shop", List.of(), 32, 16);
            s.validate();
            TestContext ctx = new TestContext(store);
            List<PortData> out = context.execute(s, Arrays.asList(null, PortData.of(PortTypes.SPLIT, split)), ctx);
            Embeddings users = out.get(0).as(Embeddings.class);
            Embeddings items = out.get(1).as(Embeddings.class);
            assertThat(users.side()).isEqualTo(Embeddings.Side.USER);
            assertThat(items.side()).isEqualTo(Embeddings.Side.ITEM);
            // columns: log1p_days_since_last, device=mobile, device=desktop; no 'fridge' from the held-out row
            assertThat(users.dim()).isEqualTo(3);
            assertThat(ctx.log).anyMatch(l -> l.contains("device=mobile") && l.contains("device=desktop") && !l.contains("fridge"));
            int bob = all.users().indexOf("bob");
            assertThat(users.row(bob)[1]).isEqualTo(1f);
            // recency from the training rows: bob's last training row is 4.75 days before ann's last
            assertThat(users.row(bob)[0]).isCloseTo((float) Math.log1p(4.75), within(1e-5f));
            assertThat(items.present(all.items().indexOf("pot"))).isFalse();

            List<PortData> leaky = context.execute(s, Arrays.asList(PortData.of(PortTypes.INTERACTIONS, all), null), ctx);
            assertThat(leaky.get(0).as(Embeddings.class).dim()).as("all rows bring the 'fridge' column").isEqualTo(4);
            assertThat(context.externalFingerprint(s, store)).isPresent();
        }
    }

    @Test
    void bothNodesRunInAPipelineAfterASplit() throws Exception {
        try (ProjectStore store = ProjectStore.create(dir.resolve("club"))) {
            DatasetFixture club = DatasetFixture.create(store, "club");
            int plays = club.source("plays", SourceKind.BEHAVIOUR);
            List<DatasetFixture.Row> rows = new ArrayList<>();
            for (int u = 0; u < 30; u++) {
                for (int k = 0; k < 8; k++) {
                    rows.add(new DatasetFixture.Row("u" + u, "i" + ((u % 3) * 10 + (k * 7 + u) % 10), 1.0 + k, 1_704_067_200L + u * 3_600L + k * 86_400L));
                }
            }
            club.interactions(plays, rows);
            int friends = club.source("friends", SourceKind.SOCIAL);
            for (int u = 0; u < 30; u++) {
                club.socialEdge(friends, "u" + u, "u" + ((u + 3) % 30), "friend", null);
            }
            NodeKindRegistry registry = NodeKindRegistry.load();
            Pipeline p = new Pipeline(registry, "encode");
            p.addNode("data", CollectDataset.ID, new CollectDataset.Settings("club", List.of(),
                    List.of(CollectDataset.Part.INTERACTIONS, CollectDataset.Part.SOCIAL)));
            p.addNode("split", RandomSplit.ID, new RandomSplit.Settings(0.25, 0, 1));
            p.addNode("social", EncodeSocial.ID, new EncodeSocial.Settings(SocialEncoder.Signal.FRIENDS_ITEMS,
                    SocialAdjacency.Direction.BOTH, false, 2, 0.2, 4, UserProfiles.Weighting.LOG, true, 3));
            p.addNode("context", EncodeContext.ID);
            p.connect("data", "interactions", "split", "interactions");
            p.connect("data", "social", "social", "social");
            p.connect("split", "split", "social", "split");
            p.connect("split", "split", "context", "split");
            RunResult r = new PipelineRunner(store).run(p, RunOptions.all(), org.recblend.task.TaskMonitor.none());
            assertThat(r.status()).as(r.message()).isEqualTo(RunStatus.DONE);
            Embeddings users = r.output(p, "social", "user features", Embeddings.class);
            assertThat(users.size()).isEqualTo(30);
            assertThat(users.dim()).isEqualTo(4 + 6);
            assertThat(users.presentCount()).isEqualTo(30);
            Embeddings items = r.output(p, "context", "item features", Embeddings.class);
            assertThat(items.side()).isEqualTo(Embeddings.Side.ITEM);
            assertThat(items.dim()).isEqualTo(26 + 9 + 1 + 2);
        }
    }

    @Test
    void contextSettingsAndWiringErrorsAreNamed() throws Exception {
        assertThatThrownBy(() -> new EncodeContext.Settings(List.of(), "UTC", "", List.of(), 32, 16).validate())
                .hasMessageContaining("at least one");
        assertThatThrownBy(() -> new EncodeContext.Settings(List.of(EncodeContext.Feature.HOUR), "Mars/Olympus", "", List.of(), 32, 16)
                .validate()).hasMessageContaining("Unknown time zone 'Mars/Olympus'");
        assertThatThrownBy(() -> new EncodeContext.Settings(List.of(EncodeContext.Feature.CATEGORICAL), "UTC", " ", List.of(), 32, 16)
                .validate()).hasMessageContaining("name the dataset");
        assertThatThrownBy(() -> new EncodeContext.Settings(List.of(EncodeContext.Feature.HOUR), "UTC", "", List.of(), 0, 16)
                .validate()).hasMessageContaining("maxOneHot");
        PortSpec in = PortSpec.of("interactions", PortTypes.INTERACTIONS);
        PortSpec split = PortSpec.of("split", PortTypes.SPLIT);
        assertThatThrownBy(() -> context.configure(context.defaultSettings(), Arrays.asList(null, null)))
                .hasMessageContaining("Connect a split");
        assertThatThrownBy(() -> context.configure(context.defaultSettings(), Arrays.asList(in, split)))
                .hasMessageContaining("not both");
        assertThat(context.externalFingerprint(context.defaultSettings(), null)).isEmpty();
    }
}
