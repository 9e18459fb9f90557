package org.recblend.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recblend.encode.FakeEmbeddingServer.Reply;
import org.recblend.task.CancellableMonitor;
import org.recblend.task.CancelledException;
import org.recblend.task.TaskMonitor;
import org.slf4j.LoggerFactory;

/** The remote encoder against a local OpenAI-compatible server: success, refusals, retries, bad answers. */
class RemoteEmbeddingEncoderTest {
    static final String KEY = "sk-test-S3cretKey0123456789abcdef";
    private final ApiKey key = ApiKey.of(KEY, "environment variable TEST_EMBEDDINGS_KEY");
    private FakeEmbeddingServer server;
    private RecordingPacing time;
    private ListAppender<ILoggingEvent> logs;
    private final List<String> monitorLog = new ArrayList<>();
    private final TaskMonitor monitor = new TaskMonitor() {
        @Override
        public void progress(double fraction, String message) {
            monitorLog.add(message);
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void log(String message) {
            monitorLog.add(message);
        }
    };

    @BeforeEach
    void start() throws Exception {
        server = new FakeEmbeddingServer();
        time = new RecordingPacing();
        logs = new ListAppender<>();
        logs.start();
        root().addAppender(logs);
    }

    @AfterEach
    void stop() {
        root().detachAppender(logs);
        server.close();
        // whatever happened, the key never reached a log line
        assertThat(logs.list).allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain(KEY).doesNotContain("S3cretKey"));
        assertThat(monitorLog).allSatisfy(line -> assertThat(line).doesNotContain(KEY).doesNotContain("S3cretKey"));
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private RemoteEmbeddingConfig config() {
        return RemoteEmbeddingConfig.of(server.baseUrl(), "fake-embed").withBatchSize(4)
                .withTimeout(Duration.ofSeconds(10)).withMaxRetries(2)
                .withBackoff(Duration.ofMillis(500), Duration.ofSeconds(10));
    }

    private RemoteEmbeddingEncoder encoder(RemoteEmbeddingConfig c) throws EncoderException {
        return new RemoteEmbeddingEncoder(c, Optional.of(key), time.pacing);
    }

    private static List<String> texts(int n) {
        return IntStream.range(0, n).mapToObj(i -> "text number " + i).toList();
    }

    @Test
    void encodesInBatchesAndReturnsWhatTheServerSent() throws Exception {
        List<String> texts = texts(10);
        float[][] v = encoder(config()).encode(texts, monitor);

        assertThat(server.received).hasSize(3); // ceil(10 / 4)
        assertThat(server.received).extracting(r -> r.input().size()).containsExactly(4, 4, 2);
        assertThat(server.received).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/v1/embeddings");
            assertThat(r.authorization()).isEqualTo("Bearer " + KEY);
            assertThat(r.model()).isEqualTo("fake-embed");
        });
        for (int i = 0; i < texts.size(); i++) {
            assertThat(v[i]).containsExactly(FakeEmbeddingServer.vector(texts.get(i)));
        }
        assertThat(time.waits).isEmpty();
    }

    @Test
    void putsVectorsInIndexOrderWhenTheServerShufflesThem() throws Exception {
        server.then(t -> Reply.of(200, FakeEmbeddingServer.answer(t, FakeEmbeddingServer.DIM, true)));
        List<String> texts = texts(4);
        float[][] v = encoder(config()).encode(texts, monitor);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(v[i]).containsExactly(FakeEmbeddingServer.vector(texts.get(i)));
        }
    }

    @Test
    void acceptsABaseUrlWithOrWithoutV1() throws Exception {
        assertThat(RemoteEmbeddingConfig.of("https://api.example.com", "m").endpoint()).hasToString("https://api.example.com/v1/embeddings");
        assertThat(RemoteEmbeddingConfig.of("https://api.example.com/", "m").endpoint()).hasToString("https://api.example.com/v1/embeddings");
        assertThat(RemoteEmbeddingConfig.of("http://localhost:11434/v1/", "m").endpoint()).hasToString("http://localhost:11434/v1/embeddings");
        assertThat(RemoteEmbeddingConfig.of("http://h/openai/v1/embeddings", "m").endpoint()).hasToString("http://h/openai/v1/embeddings");

        RemoteEmbeddingEncoder e = encoder(RemoteEmbeddingConfig.of(server.baseUrl() + "/v1", "fake-embed"));
        e.encode(texts(2), monitor);
        assertThat(server.received).extracting(FakeEmbeddingServer.Received::path).containsExactly("/v1/embeddings");
        assertThat(e.dimension()).isEqualTo(FakeEmbeddingServer.DIM);
    }

    @Test
    void sendsNoAuthorizationWithoutAKey() throws Exception {
        new RemoteEmbeddingEncoder(config(), Optional.empty(), time.pacing).encode(texts(1), monitor);
        assertThat(server.received.get(0).authorization()).isNull();
    }

    @Test
    void aRefusedKeyFailsAtOnceAndTheMessageHidesTheKey() throws Exception {
        // servers echo part of the key they refused
        server.then(Reply.of(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY.substring(0, 12)
                + "****cdef. You can find your API key at ...\",\"type\":\"invalid_request_error\"}}"));
        RemoteEmbeddingEncoder e = encoder(config());
        assertThatThrownBy(() -> e.encode(texts(3), monitor)).isInstanceOf(EncoderException.class)
                .hasMessageContaining("refused the API key (401)")
                .hasMessageContaining("environment variable")
                .satisfies(x -> assertThat(x.getMessage()).doesNotContain(KEY).doesNotContain(KEY.substring(0, 12)));
        assertThat(server.received).hasSize(1); // no retry
        assertThat(e.toString()).doesNotContain(KEY).contains("fake-embed");
        assertThat(e.key()).doesNotContain(KEY).contains("fake-embed").contains(server.baseUrl());
    }

    @Test
    void badRequestAndForbiddenAreNotRetried() throws Exception {
        server.then(Reply.of(400, "{\"error\":{\"message\":\"input too long\"}}"));
        assertThatThrownBy(() -> encoder(config()).encode(texts(1), monitor))
                .hasMessageContaining("rejected the request (400)").hasMessageContaining("input too long");
        server.then(Reply.of(403, "forbidden"));
        assertThatThrownBy(() -> encoder(config()).encode(texts(1), monitor)).hasMessageContaining("denied access (403)");
        server.then(Reply.of(404, "no such route"));
        assertThatThrownBy(() -> encoder(config()).encode(texts(1), monitor)).hasMessageContaining("(404)")
                .hasMessageContaining("base URL");
        assertThat(server.received).hasSize(3);
        assertThat(time.waits).isEmpty();
    }

    @Test
    void tooManyRequestsIsRetriedAfterTheServersRetryAfter() throws Exception {
        server.then(new Reply(429, Map.of("Retry-After", "7"), "{\"error\":{\"message\":\"Rate limit reached for " + KEY + "\"}}", 0));
        List<String> texts = texts(3);
        float[][] v = encoder(config()).encode(texts, monitor);

        assertThat(server.received).hasSize(2);
        assertThat(server.received.get(1).input()).isEqualTo(texts);
        assertThat(time.total()).isGreaterThanOrEqualTo(7_000); // honoured, though the backoff alone is 0.5 s
        assertThat(v[2]).containsExactly(FakeEmbeddingServer.vector(texts.get(2)));
        assertThat(logs.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("HTTP 429").contains("retry 1 of 2"));
        assertThat(monitorLog).anySatisfy(l -> assertThat(l).contains("HTTP 429"));
    }

    @Test
    void serverErrorsBackOffExponentiallyThenGiveUpWithAClearMessage() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.then(Reply.of(503, "overloaded"));
        }
        RemoteEmbeddingConfig c = config().withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
        assertThatThrownBy(() -> encoder(c).encode(texts(2), monitor)).isInstanceOf(EncoderException.class)
                .hasMessageContaining("after 3 attempts").hasMessageContaining("HTTP 503");
        assertThat(server.received).hasSize(3);
        // two waits: about 1 s then about 2 s, each with a jitter in [0.5, 1)
        assertThat(time.total()).isBetween(500L + 1000L, 1000L + 2000L);

        server.then(Reply.of(500, "oops")).then(Reply.of(408, "request timeout"));
        float[][] v = encoder(c).encode(texts(2), monitor);
        assertThat(server.received).hasSize(6);
        assertThat(v[1]).containsExactly(FakeEmbeddingServer.vector("text number 1"));
    }

    @Test
    void aSlowServerTimesOutAndFailsAfterTheRetries() throws Exception {
        for (int i = 0; i < 2; i++) {
            server.then(new Reply(200, Map.of(), FakeEmbeddingServer.answer(texts(2), FakeEmbeddingServer.DIM, false), 3_000));
        }
        RemoteEmbeddingConfig c = config().withTimeout(Duration.ofMillis(300)).withMaxRetries(1);
        assertThatThrownBy(() -> encoder(c).encode(texts(2), monitor)).isInstanceOf(EncoderException.class)
                .hasMessageContaining("no answer within the timeout of 0.3 s").hasMessageContaining("after 2 attempts");
        assertThat(server.received).hasSize(2);
    }

    @Test
    void aTimeoutFollowedByAnAnswerSucceeds() throws Exception {
        server.then(new Reply(200, Map.of(), "{}", 3_000));
        RemoteEmbeddingConfig c = config().withTimeout(Duration.ofMillis(300));
        float[][] v = encoder(c).encode(texts(2), monitor);
        assertThat(v[0]).containsExactly(FakeEmbeddingServer.vector("text number 0"));
        assertThat(server.received).hasSize(2);
    }

    @Test
    void malformedJsonIsAClearErrorQuotingWhereItBroke() throws Exception {
        server.then(Reply.of(200, "{\"data\": [{\"embedding\": [0.1, 0.2,"));
        assertThatThrownBy(() -> encoder(config()).encode(texts(1), monitor)).isInstanceOf(EncoderException.class)
                .hasMessageContaining("Malformed answer").hasMessageContaining("not valid JSON (line 1, column");
        server.then(Reply.of(200, "{\"object\":\"list\"}"));
        assertThatThrownBy(() -> encoder(config()).encode(texts(1), monitor)).hasMessageContaining("no \"data\" array");
        server.then(Reply.of(200, "{\"data\":[{\"index\":0,\"embedding\":[0.1,\"x\"]}]}"));
        assertThatThrownBy(() -> encoder(config()).encode(texts(1), monitor)).hasMessageContaining("embedding[1] is not a finite number");
        server.then(t -> Reply.of(200, FakeEmbeddingServer.answer(t.subList(0, 1), FakeEmbeddingServer.DIM, false)));
        assertThatThrownBy(() -> encoder(config()).encode(texts(3), monitor)).hasMessageContaining("holds 1 vectors for 3 texts");
        server.then(Reply.of(200, "{\"data\":[{\"index\":0,\"embedding\":\"AAAA\"}]}"));
        assertThatThrownBy(() -> encoder(config()).encode(texts(1), monitor)).hasMessageContaining("base64");
        server.then(Reply.of(200, "{\"data\":[{\"index\":0,\"embedding\":[1]},{\"index\":0,\"embedding\":[2]}]}"));
        assertThatThrownBy(() -> encoder(config()).encode(texts(2), monitor)).hasMessageContaining("two vectors have index 0");
        assertThat(time.waits).isEmpty(); // a malformed answer is not retried
    }

    @Test
    void aWrongVectorDimensionNamesExpectedAndGot() throws Exception {
        RemoteEmbeddingConfig expects384 = config().withDimension(384);
        assertThatThrownBy(() -> encoder(expects384).encode(texts(2), monitor)).isInstanceOf(EncoderException.class)
                .hasMessageContaining("Wrong vector dimension").hasMessageContaining("expected 384, got 8");

        // without an expected dimension, the first vector sets it for the rest of the run
        server.then(Reply.of(200, FakeEmbeddingServer.answer(texts(4), 8, false)))
                .then(t -> Reply.of(200, FakeEmbeddingServer.answer(t, 7, false)));
        RemoteEmbeddingEncoder e = encoder(config());
        assertThatThrownBy(() -> e.encode(texts(6), monitor)).hasMessageContaining("expected 8, got 7");
    }

    @Test
    void theRateLimitSpacesRequests() throws Exception {
        RemoteEmbeddingConfig c = config().withBatchSize(1).withRequestsPerMinute(120);
        encoder(c).encode(texts(3), monitor);
        assertThat(server.received).hasSize(3);
        assertThat(time.total()).isEqualTo(1_000); // 0.5 s before the 2nd and the 3rd request
    }

    @Test
    void cancelStopsBetweenBatchesAndWhileWaiting() throws Exception {
        CancellableMonitor cancelled = new CancellableMonitor();
        cancelled.cancel();
        assertThatThrownBy(() -> encoder(config()).encode(texts(3), cancelled)).isInstanceOf(CancelledException.class);
        assertThat(server.received).isEmpty();

        CancellableMonitor later = new CancellableMonitor();
        server.then(t -> {
            later.cancel();
            return new Reply(429, Map.of("Retry-After", "30"), "slow down", 0);
        });
        assertThatThrownBy(() -> encoder(config()).encode(texts(3), later)).isInstanceOf(CancelledException.class);
        assertThat(time.total()).isLessThan(30_000);
    }

    @Test
    void cancelDoesNotWaitForASlowAnswer() throws Exception {
        CancellableMonitor cancel = new CancellableMonitor();
        server.then(t -> {
            cancel.cancel();
            // a complete, valid answer, only late: without a cancel check while waiting, encode would return it
            return new Reply(200, Map.of(), FakeEmbeddingServer.answer(t, FakeEmbeddingServer.DIM, false), 2_000);
        });
        assertThatThrownBy(() -> encoder(config()).encode(texts(3), cancel)).isInstanceOf(CancelledException.class);
        assertThat(server.received).hasSize(1);
    }

    @Test
    void badSettingsAreRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> encoder(RemoteEmbeddingConfig.of("localhost:8080", "m")))
                .hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> encoder(RemoteEmbeddingConfig.of("https://h?api-key=" + KEY, "m")))
                .hasMessageContaining("must not carry").satisfies(x -> assertThat(x.getMessage()).doesNotContain(KEY));
        assertThatThrownBy(() -> encoder(RemoteEmbeddingConfig.of(server.baseUrl(), " ")))
                .hasMessageContaining("model name");
        assertThatThrownBy(() -> encoder(config().withBatchSize(0))).hasMessageContaining("batch size");
    }
}
