package org.recblend.nodes.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.domain.Embeddings;
import org.recblend.domain.SourceKind;
import org.recblend.encode.FakeEmbeddingServer;
import org.recblend.encode.UserSettings;
import org.recblend.nodes.collect.CollectDataset;
import org.recblend.pipeline.InvalidSettingsException;
import org.recblend.pipeline.NodeKindRegistry;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.PipelineRepository;
import org.recblend.pipeline.PipelineRunner;
import org.recblend.pipeline.RunOptions;
import org.recblend.pipeline.RunResult;
import org.recblend.pipeline.RunStatus;
import org.recblend.store.ProjectStore;
import org.recblend.task.TaskMonitor;
import org.recblend.testutil.DatasetFixture;
import org.slf4j.LoggerFactory;

/** The remote encode node in a saved pipeline: it encodes, caches, fails clearly, and never stores or logs the key. */
class RemoteTextEncodeTest {
    private static final String KEY = "sk-proj-N0deT3stSecret-abcdefghijklmnop";
    private static final String MODEL = "fake-embed-model";
    private static final int ITEMS = 10;

    @TempDir
    Path dir;
    private FakeEmbeddingServer server;
    private ListAppender<ILoggingEvent> logs;
    private String oldHome;
    private ch.qos.logback.classic.Level oldLevel;
    /** The run log as the monitor receives it (the same lines go into the runs table). */
    private final List<String> runLog = new ArrayList<>();
    private final TaskMonitor monitor = new TaskMonitor() {
        @Override
        public void progress(double fraction, String message) {
            runLog.add(message);
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void log(String message) {
            runLog.add(message);
        }
    };

    @BeforeEach
    void setUp() throws Exception {
        server = new FakeEmbeddingServer();
        logs = new ListAppender<>();
        logs.start();
        root().addAppender(logs);
        // everything any class logs at any level during the test
        oldLevel = root().getLevel();
        root().setLevel(ch.qos.logback.classic.Level.ALL);
        oldHome = System.getProperty("recblend.home");
        System.setProperty("recblend.home", dir.resolve("home").toString());
        UserSettings.load(UserSettings.defaultFile()).with(UserSettings.REMOTE_API_KEY, KEY).save();
    }

    @AfterEach
    void tearDown() {
        root().detachAppender(logs);
        root().setLevel(oldLevel);
        server.close();
        if (oldHome == null) {
            System.clearProperty("recblend.home");
        } else {
            System.setProperty("recblend.home", oldHome);
        }
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private RemoteTextEncode.Settings settings(String model) {
        // a variable nobody sets, so the key comes from the user settings file
        return new RemoteTextEncode.Settings(Embeddings.Side.ITEM, "{title}", 50, 256, server.baseUrl(), model,
                "RECBLEND_TEST_UNSET_KEY_VARIABLE", 4, 5, 1, 0, 0);
    }

    @Test
    void encodesCachesAndNeverWritesTheKey() throws Exception {
        NodeKindRegistry registry = NodeKindRegistry.load();
        Pipeline p = new Pipeline(registry);
        p.addNode("data", CollectDataset.ID, new CollectDataset.Settings("shop", List.of(), List.of(CollectDataset.Part.ITEMS)));
        p.addNode("remote", RemoteTextEncode.ID, settings(MODEL));
        p.connect("data", "items", "remote", "items");
        List<String> messages = new ArrayList<>();
        Path project = dir.resolve("shop");
        try (ProjectStore store = ProjectStore.create(project)) {
            DatasetFixture f = DatasetFixture.create(store, "shop");
            int catalogue = f.source("catalogue", SourceKind.ITEM_CONTENT);
            for (int i = 0; i < ITEMS; i++) {
                f.itemText(catalogue, "i" + i, "title", "Item number " + i);
            }
            new PipelineRepository(store, registry).save("remote", p);
            PipelineRunner runner = new PipelineRunner(store);

            RunResult first = runner.run(p, RunOptions.all(), monitor);
            messages.add(first.message());
            assertThat(first.status()).as(first.message()).isEqualTo(RunStatus.DONE);
            Embeddings e = first.output(p, "remote", "embeddings", Embeddings.class);
            assertThat(e.presentCount()).isEqualTo(ITEMS);
            int row = e.ids().indexOf("i3");
            assertThat(e.row(row)).containsExactly(FakeEmbeddingServer.vector("Item number 3"));
            int requests = server.received.size();
            assertThat(requests).isBetween(3, 4); // ceil(10 / 4), and one probe for the dimension on the first run
            assertThat(server.received).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + KEY));

            // again, node re-executed: every vector from the project's cache, no request at all
            RunResult second = runner.run(p, RunOptions.all().withoutCache(), monitor);
            messages.add(second.message());
            assertThat(second.status()).isEqualTo(RunStatus.DONE);
            assertThat(server.received).hasSize(requests);

            // another model: the endpoint refuses the key and echoes part of it
            p.setSettings("remote", settings(MODEL + "-2"));
            server.then(FakeEmbeddingServer.Reply.of(401, "{\"error\":{\"message\":\"Incorrect API key provided: "
                    + KEY.substring(0, 14) + "****mnop\"}}"));
            RunResult refused = runner.run(p, RunOptions.all(), monitor);
            messages.add(refused.message());
            assertThat(refused.status()).isEqualTo(RunStatus.FAILED);
            assertThat(refused.message()).contains("refused the API key (401)").contains("settings file");
        }
        for (String m : messages) {
            assertThat(m == null ? "" : m).doesNotContain(KEY).doesNotContain("N0deT3st");
        }
        assertThat(runLog).anySatisfy(l -> assertThat(l).contains("API key from settings file"))
                .anySatisfy(l -> assertThat(l).contains("0 encoded, 10 from the cache"))
                .allSatisfy(l -> assertThat(l).doesNotContain("N0deT3st"));
        assertThat(logs.list).allSatisfy(ev -> assertThat(withCauses(ev)).doesNotContain("N0deT3st"));

        // the project file holds the pipeline (with the model name) but not the key
        byte[] db = Files.readAllBytes(project.resolveSibling("shop.mv.db"));
        assertThat(contains(db, MODEL)).as("positive control: the settings are in the file").isTrue();
        assertThat(contains(db, "N0deT3st")).isFalse();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.startsWith(dir.resolve("home"))).toList()) {
                assertThat(contains(Files.readAllBytes(file), "N0deT3st")).as(file.toString()).isFalse();
            }
        }
    }

    @Test
    void aPastedKeyIsRefusedAsAVariableNameWithoutEchoingIt() {
        RemoteTextEncode.Settings s = new RemoteTextEncode.Settings(Embeddings.Side.ITEM, "{title}", 50, 256,
                "https://api.example.com", MODEL, KEY, 64, 30, 4, 0, 0);
        assertThatThrownBy(s::validate).isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("NAME of an environment variable")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("N0deT3st"));
        assertThatThrownBy(new RemoteTextEncode.Settings(Embeddings.Side.ITEM, "{title}", 50, 256, "ftp://x", MODEL,
                null, 64, 30, 4, 0, 0)::validate).hasMessageContaining("http:// or https://");
    }

    /** A log event's message and the messages of its exception chain. */
    private static String withCauses(ILoggingEvent ev) {
        StringBuilder b = new StringBuilder(ev.getFormattedMessage());
        for (ch.qos.logback.classic.spi.IThrowableProxy t = ev.getThrowableProxy(); t != null; t = t.getCause()) {
            b.append('\n').append(t.getMessage());
        }
        return b.toString();
    }

    private static boolean contains(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + n.length <= haystack.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void aNewNodeStartsFromTheEndpointSetInThePreferences(@TempDir Path home) throws Exception {
        Path file = home.resolve("settings.json");
        Files.writeString(file, "{\"remote.baseUrl\": \"http://localhost:11434/v1\", \"remote.model\": \"nomic-embed-text\","
                + " \"remote.apiKeyEnv\": \"OLLAMA_KEY\", \"remote.apiKey\": \"sk-secret\"}");

        RemoteTextEncode.Settings fromPreferences = RemoteTextEncode.defaultSettings(UserSettings.load(file));
        assertThat(fromPreferences.baseUrl()).isEqualTo("http://localhost:11434/v1");
        assertThat(fromPreferences.model()).isEqualTo("nomic-embed-text");
        assertThat(fromPreferences.apiKeyEnv()).isEqualTo("OLLAMA_KEY");
        assertThat(fromPreferences.toString()).doesNotContain("sk-secret");

        RemoteTextEncode.Settings builtIn = RemoteTextEncode.defaultSettings(UserSettings.load(home.resolve("none.json")));
        assertThat(builtIn.baseUrl()).isEqualTo("https://api.openai.com");
        assertThat(builtIn.model()).isEqualTo("text-embedding-3-small");
        assertThat(builtIn.apiKeyEnv()).isEqualTo("OPENAI_API_KEY");
    }
}
