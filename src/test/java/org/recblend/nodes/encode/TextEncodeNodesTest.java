package org.recblend.nodes.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.domain.Embeddings;
import org.recblend.domain.IdIndex;
import org.recblend.domain.ItemInfo;
import org.recblend.domain.ItemTable;
import org.recblend.domain.UserTable;
import org.recblend.encode.EmbeddingCache;
import org.recblend.encode.OnnxSentenceEncoder;
import org.recblend.ingest.preset.PresetImporter;
import org.recblend.nodes.TestContext;
import org.recblend.pipeline.ExecutionContext;
import org.recblend.pipeline.InvalidSettingsException;
import org.recblend.pipeline.PortData;
import org.recblend.pipeline.PortSpec;
import org.recblend.pipeline.PortTypes;
import org.recblend.store.ProjectStore;
import org.recblend.store.StoredDataset;
import org.recblend.task.CancelledException;
import org.recblend.task.TaskMonitor;
import org.recblend.testutil.SharedData;

class TextEncodeNodesTest {
    /** The model files are extracted here once, not into the user's ~/.recblend. */
    private static final Path HOME = Path.of("target", "test-home").toAbsolutePath();
    private static String previousHome;

    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() {
        previousHome = System.getProperty("recblend.home");
        System.setProperty("recblend.home", HOME.toString());
        ai.djl.engine.Engine.getEngine("OnnxRuntime");
    }

    @AfterAll
    static void restore() {
        if (previousHome == null) {
            System.clearProperty("recblend.home");
        } else {
            System.setProperty("recblend.home", previousHome);
        }
    }

    private static List<PortData> itemInputs(ItemTable items) {
        return Arrays.asList(PortData.of(PortTypes.ITEM_TABLE, items), null, null);
    }

    @Test
    void configureAsksForTheInputOfTheChosenSide() {
        MiniLmEncode kind = new MiniLmEncode();
        MiniLmEncode.Settings items = kind.defaultSettings();
        List<PortSpec> none = Arrays.asList(null, null, null);
        assertThatThrownBy(() -> kind.configure(items, none)).isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("Connect an ItemTable");
        MiniLmEncode.Settings users = new MiniLmEncode.Settings(Embeddings.Side.USER, "{age}", 10, 256, true);
        assertThatThrownBy(() -> kind.configure(users, none)).hasMessageContaining("Connect a UserTable");
        MiniLmEncode.Settings badTemplate = new MiniLmEncode.Settings(Embeddings.Side.ITEM, "{title", 10, 256, true);
        assertThatThrownBy(badTemplate::validate).hasMessageContaining("unclosed '{'");
        assertThatThrownBy(() -> new OnnxFolderEncode().defaultSettings().validate()).hasMessageContaining("Choose the folder");
    }

    @Test
    void anUnknownPlaceholderFailsNamingTheKnownFields() throws Exception {
        ItemTable items = new ItemTable(IdIndex.of("a"), List.of(new ItemInfo(List.of(), Map.of("title", "Heat"), Map.of())));
        TfIdfEncode kind = new TfIdfEncode();
        TfIdfEncode.Settings s = kind.defaultSettings();
        assertThatThrownBy(() -> kind.execute(s, itemInputs(items), new TestContext()))
                .hasMessageContaining("unknown field {plot}").hasMessageContaining("Known item fields: {categories}, {genres}, {id}, {title}");
    }

    @Test
    void tfidfNodeEncodesUserTextsWithoutTheCache() throws Exception {
        IdIndex users = IdIndex.of("u1", "u2", "u3", "u4");
        UserTable table = new UserTable(users, List.of(
                Map.of("occupation", org.recblend.domain.AttributeValue.of("programmer writes code software")),
                Map.of("occupation", org.recblend.domain.AttributeValue.of("software engineer code")),
                Map.of("occupation", org.recblend.domain.AttributeValue.of("nurse hospital patients")),
                Map.of()));
        TfIdfEncode kind = new TfIdfEncode();
        TfIdfEncode.Settings s = new TfIdfEncode.Settings(Embeddings.Side.USER, "{occupation}", 5, 100, 2, 42, true);
        TestContext ctx = new TestContext();
        Embeddings e = (Embeddings) kind.execute(s, Arrays.asList(null, PortData.of(PortTypes.USER_TABLE, table), null), ctx)
                .get(0).value();
        assertThat(e.side()).isEqualTo(Embeddings.Side.USER);
        assertThat(e.dim()).isEqualTo(2);
        assertThat(e.presentCount()).isEqualTo(3);
        assertThat(e.present(3)).isFalse();
        assertThat(e.cosine(0, 1)).isGreaterThan(e.cosine(0, 2));
        assertThat(ctx.log).anyMatch(l -> l.contains("3 encoded, 0 from the cache (not cached: fitted on this corpus)"));
    }

    private static ProjectStore ml100k;
    private static ItemTable ml100kItems;

    /** One ML-100K-with-plots project for the class, imported through the preset (skips when the data is absent). */
    private static synchronized ItemTable ml100kItems() throws Exception {
        Path folder = SharedData.dir("ml-100k-plots");
        if (ml100k == null) {
            ml100k = ProjectStore.create(dir.resolve("ml"));
            PresetImporter.importFolder(ml100k, "ml-100k-plots", folder, "ml", TaskMonitor.none());
            ml100kItems = StoredDataset.open(ml100k, "ml", List.of()).items(TaskMonitor.none());
        }
        return ml100kItems;
    }

    @AfterAll
    static void closeProject() {
        if (ml100k != null) {
            ml100k.close();
        }
    }

    @Test
    void miniLmNodeEncodesMl100kItemsOnceAndTheSecondRunEncodesNothing() throws Exception {
        ItemTable items = ml100kItems();
        ProjectStore store = ml100k;
        {
            MiniLmEncode kind = new MiniLmEncode();
            MiniLmEncode.Settings s = kind.defaultSettings();
            TestContext first = new TestContext(store);
            Embeddings e = (Embeddings) kind.execute(s, itemInputs(items), first).get(0).value();
            assertThat(e.size()).isEqualTo(1682);
            assertThat(e.presentCount()).isEqualTo(1679); // 3 movies have no title, genres or plot
            assertThat(e.dim()).isEqualTo(384);
            assertThat(e.source()).isEqualTo("text:" + OnnxSentenceEncoder.miniLmKey(true));
            long distinct = org.recblend.encode.EntityTexts.items(items, org.recblend.encode.TextTemplate.parse(s.template()),
                    TaskMonitor.none()).stream().filter(t -> !t.isBlank()).distinct().count();
            String d = String.format("%,d", distinct);
            assertThat(first.log).anyMatch(l -> l.endsWith("1,679 texts (" + d + " distinct): " + d + " encoded, 0 from the cache"));
            assertThat(first.log).anyMatch(l -> l.matches("\\d+ of the " + d + " encoded texts were truncated at 128 tokens"));

            TestContext second = new TestContext(store);
            Embeddings again = (Embeddings) kind.execute(s, itemInputs(items), second).get(0).value();
            assertThat(second.log).anyMatch(l -> l.endsWith(": 0 encoded, " + d + " from the cache"));
            assertThat(again.values()).containsExactly(e.values());
        }
    }

    @Test
    void cancellingTheNodeKeepsWholeBatchesAndTheNextRunEncodesTheRest() throws Exception {
        ItemTable all = ml100kItems();
        ProjectStore store = ml100k;
        {
            List<ItemInfo> infos = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                infos.add(all.info(i));
                ids.add(all.items().id(i));
            }
            ItemTable items = new ItemTable(IdIndex.of(ids), infos);
            MiniLmEncode kind = new MiniLmEncode();
            // another template than the re-run test: other texts, so this test starts with none of them cached
            MiniLmEncode.Settings s = new MiniLmEncode.Settings(Embeddings.Side.ITEM, "Movie: {title} ({year}): {plot}", 20, 64, true);
            int before = new EmbeddingCache(store).count(OnnxSentenceEncoder.miniLmKey(true));
            CancelAfter ctx = new CancelAfter(store, "encoded 128 of");
            assertThatThrownBy(() -> kind.execute(s, itemInputs(items), ctx)).isInstanceOf(CancelledException.class);
            int stored = new EmbeddingCache(store).count(OnnxSentenceEncoder.miniLmKey(true)) - before;
            assertThat(stored).isGreaterThanOrEqualTo(128).isLessThan(300);
            assertThat(stored % 64).isZero();
            long distinct = org.recblend.encode.EntityTexts.items(items, org.recblend.encode.TextTemplate.parse(s.template()),
                    TaskMonitor.none()).stream().filter(t -> !t.isBlank()).distinct().count();
            TestContext rest = new TestContext(store);
            kind.execute(s, itemInputs(items), rest);
            assertThat(rest.log).anyMatch(l -> l.endsWith((distinct - stored) + " encoded, " + stored + " from the cache"));
        }
    }

    /** A context that cancels once a progress message starts with the given text. */
    private static final class CancelAfter implements ExecutionContext {
        private final ProjectStore store;
        private final String trigger;
        private volatile boolean cancelled;

        CancelAfter(ProjectStore store, String trigger) {
            this.store = store;
            this.trigger = trigger;
        }

        @Override
        public String nodeId() {
            return "test";
        }

        @Override
        public ProjectStore store() {
            return store;
        }

        @Override
        public void progress(double fraction, String message) {
            cancelled |= message.startsWith(trigger);
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public void log(String message) {
        }
    }
}
