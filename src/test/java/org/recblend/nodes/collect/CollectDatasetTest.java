package org.recblend.nodes.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.domain.AttributeValue;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.ItemInfo;
import org.recblend.domain.ItemTable;
import org.recblend.domain.SocialGraph;
import org.recblend.domain.SourceKind;
import org.recblend.domain.TextCorpus;
import org.recblend.domain.UserTable;
import org.recblend.pipeline.NodeKindRegistry;
import org.recblend.pipeline.NodeProblem;
import org.recblend.pipeline.NodeState;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.PipelineRunner;
import org.recblend.pipeline.PipelineValidator;
import org.recblend.pipeline.RunOptions;
import org.recblend.pipeline.RunResult;
import org.recblend.pipeline.RunStatus;
import org.recblend.store.ProjectStore;
import org.recblend.task.TaskMonitor;
import org.recblend.testutil.DatasetFixture;

class CollectDatasetTest {
    @TempDir
    Path dir;

    private ProjectStore store;
    private DatasetFixture shop;
    private int ratings;
    private final NodeKindRegistry registry = NodeKindRegistry.load();

    @BeforeEach
    void setUp() throws Exception {
        store = ProjectStore.create(dir.resolve("shop"));
        shop = DatasetFixture.create(store, "shop");
        ratings = shop.source("ratings", SourceKind.BEHAVIOUR);
        shop.interaction(ratings, "ann", "tea", 5.0, 100L);
        shop.interaction(ratings, "bob", "tea", 3.0, 200L);
        shop.interaction(ratings, "ann", "mug", null, null);
        int clicks = shop.source("clicks", SourceKind.BEHAVIOUR);
        shop.interaction(clicks, "cid", "pot", null, 300L);
        int content = shop.source("catalogue", SourceKind.ITEM_CONTENT);
        shop.itemCategory(content, "tea", "Drinks");
        shop.itemCategory(content, "tea", "Green");
        shop.itemText(content, "mug", "title", "Blue mug");
        shop.itemAttribute(content, "mug", "price", "7.5", 7.5);
        shop.itemAttribute(content, "mug", "colour", "blue", null);
        int profiles = shop.source("profiles", SourceKind.USER_PROFILE);
        shop.userAttribute(profiles, "bob", "age", "41", 41.0);
        int friends = shop.source("friends", SourceKind.SOCIAL);
        shop.socialEdge(friends, "ann", "bob", "friend", null);
        shop.socialEdge(friends, "bob", "cid", "trust", 0.5);
        int reviews = shop.source("reviews", SourceKind.USER_ITEM_TEXT);
        shop.userItemText(reviews, "bob", "tea", "review", "Too bitter", 250L);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private Pipeline pipeline(CollectDataset.Settings settings) throws Exception {
        Pipeline p = new Pipeline(registry, "collect");
        p.addNode("data", CollectDataset.ID, settings);
        return p;
    }

    private RunResult run(Pipeline p, PipelineRunner runner) {
        RunResult r = runner.run(p, RunOptions.all(), TaskMonitor.none());
        assertThat(r.status()).as(r.message()).isEqualTo(RunStatus.DONE);
        return r;
    }

    @Test
    void readsEveryPartOfADatasetOverSharedIdSpaces() throws Exception {
        Pipeline p = pipeline(new CollectDataset.Settings("shop", List.of(), List.of(CollectDataset.Part.values())));
        RunResult r = run(p, new PipelineRunner(store));

        InteractionTable in = r.output(p, "data", "interactions", InteractionTable.class);
        assertThat(in.size()).isEqualTo(4);
        assertThat(in.users().size()).isEqualTo(3);
        assertThat(in.items().size()).isEqualTo(3);
        int ann = in.users().indexOf("ann");
        int mug = in.items().indexOf("mug");
        assertThat(in.user(2)).isEqualTo(ann);
        assertThat(in.item(2)).isEqualTo(mug);
        assertThat(in.weight(2)).as("a missing weight reads as 1").isEqualTo(1f);
        assertThat(in.ts(2)).isEqualTo(InteractionTable.NO_TIME);
        assertThat(in.weight(0)).isEqualTo(5f);
        assertThat(in.ts(0)).isEqualTo(100L);

        ItemTable items = r.output(p, "data", "items", ItemTable.class);
        assertThat(items.items()).isEqualTo(in.items());
        assertThat(items.info(in.items().indexOf("tea")).categories()).containsExactly("Drinks", "Green");
        ItemInfo mugInfo = items.info(mug);
        assertThat(mugInfo.texts()).containsEntry("title", "Blue mug");
        assertThat(mugInfo.attributes()).containsEntry("price", new AttributeValue("7.5", 7.5))
                .containsEntry("colour", new AttributeValue("blue", null));
        assertThat(items.info(in.items().indexOf("pot"))).isEqualTo(ItemInfo.EMPTY);

        UserTable users = r.output(p, "data", "users", UserTable.class);
        assertThat(users.attributes(in.users().indexOf("bob"))).containsEntry("age", new AttributeValue("41", 41.0));
        assertThat(users.attributes(ann)).isEmpty();

        SocialGraph social = r.output(p, "data", "social", SocialGraph.class);
        assertThat(social.size()).isEqualTo(2);
        assertThat(social.users().id(social.src(0))).isEqualTo("ann");
        assertThat(social.users().id(social.dst(0))).isEqualTo("bob");
        assertThat(social.kind(0)).isEqualTo("friend");
        assertThat(social.weight(0)).isEqualTo(1f);
        assertThat(social.weight(1)).isEqualTo(0.5f);

        TextCorpus texts = r.output(p, "data", "texts", TextCorpus.class);
        assertThat(texts.size()).isEqualTo(1);
        assertThat(texts.text(0)).isEqualTo("Too bitter");
        assertThat(texts.kind(0)).isEqualTo("review");
        assertThat(texts.items().id(texts.item(0))).isEqualTo("tea");
        assertThat(texts.ts(0)).isEqualTo(250L);
    }

    @Test
    void readsOnlyTheNamedSourcesAndLeavesUnchosenPartsEmpty() throws Exception {
        Pipeline p = pipeline(new CollectDataset.Settings("shop", List.of("clicks"), List.of(CollectDataset.Part.INTERACTIONS)));
        RunResult r = run(p, new PipelineRunner(store));
        InteractionTable in = r.output(p, "data", "interactions", InteractionTable.class);
        assertThat(in.size()).isEqualTo(1);
        assertThat(in.users().id(in.user(0))).isEqualTo("cid");
        assertThat(r.output(p, "data", "items", ItemTable.class).hasContent()).isFalse();
        assertThat(r.output(p, "data", "items", ItemTable.class).size()).isEqualTo(3);
        assertThat(r.output(p, "data", "social", SocialGraph.class).size()).isZero();
        assertThat(r.output(p, "data", "texts", TextCorpus.class).size()).isZero();
        assertThat(r.output(p, "data", "users", UserTable.class).hasAttributes()).isFalse();
    }

    @Test
    void unknownDatasetsAndSourcesFailWithWhatThereIs() throws Exception {
        PipelineRunner runner = new PipelineRunner(store);
        RunResult r = runner.run(pipeline(new CollectDataset.Settings("shoop", List.of(), List.of(CollectDataset.Part.values()))),
                RunOptions.all(), TaskMonitor.none());
        assertThat(r.status()).isEqualTo(RunStatus.FAILED);
        assertThat(r.message()).isEqualTo("Node data failed: No dataset named 'shoop' in project shop (it has: shop)");

        r = runner.run(pipeline(new CollectDataset.Settings("shop", List.of("ratings", "likes"), List.of(CollectDataset.Part.values()))),
                RunOptions.all(), TaskMonitor.none());
        assertThat(r.message()).isEqualTo("Node data failed: Dataset 'shop' has no source named 'likes' (it has: ratings, clicks,"
                + " catalogue, profiles, friends, reviews)");
    }

    @Test
    void aFreshNodeIsNotConfigured() throws Exception {
        Pipeline p = new Pipeline(registry);
        p.addNode("data", CollectDataset.ID);
        assertThat(PipelineValidator.validate(p).problems("data")).containsExactly(
                new NodeProblem("data", NodeProblem.Kind.NOT_CONFIGURED, "Choose the dataset to collect"));
        p.setSettings("data", new CollectDataset.Settings("shop", List.of(), List.of()));
        assertThat(PipelineValidator.validate(p).summary("data")).contains("Choose at least one part to output (interactions, items, …)");
    }

    @Test
    void newRowsInASourceMakeTheCachedOutputStale() throws Exception {
        Pipeline p = pipeline(new CollectDataset.Settings("shop", List.of("ratings"), List.of(CollectDataset.Part.INTERACTIONS)));
        PipelineRunner runner = new PipelineRunner(store);
        run(p, runner);
        assertThat(run(p, runner).executedNodes()).isEmpty();
        assertThat(runner.states(p)).containsEntry("data", NodeState.DONE);

        shop.interaction(ratings, "cid", "mug", 4.0, 400L);
        assertThat(runner.states(p)).containsEntry("data", NodeState.STALE);
        RunResult r = run(p, runner);
        assertThat(r.executedNodes()).containsExactly("data");
        assertThat(r.output(p, "data", "interactions", InteractionTable.class).size()).isEqualTo(4);
    }

    @Test
    void partsAreKeptInOneOrderSoEqualChoicesShareACacheEntry() {
        var a = new CollectDataset.Settings("shop", null, List.of(CollectDataset.Part.USERS, CollectDataset.Part.INTERACTIONS));
        var b = new CollectDataset.Settings("shop", List.of(), List.of(CollectDataset.Part.INTERACTIONS, CollectDataset.Part.USERS,
                CollectDataset.Part.USERS));
        assertThat(a).isEqualTo(b);
    }
}
