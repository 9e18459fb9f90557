package org.recblend.encode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * An OpenAI-compatible embeddings endpoint on a free local port. By default it answers every
 * request with {@link #vector} of each input; queued replies (errors, slow or malformed answers)
 * are served first, one per request. It records every request it receives.
 */
public final class FakeEmbeddingServer implements AutoCloseable {
    public static final int DIM = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A canned reply: status, headers, body, and a delay before answering. */
    public record Reply(int status, Map<String, String> headers, String body, long delayMillis) {
        public static Reply of(int status, String body) {
            return new Reply(status, Map.of(), body, 0);
        }
    }

    /** One received request: its Authorization header and its texts. */
    public record Received(String path, String authorization, String model, List<String> input) {
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final ConcurrentLinkedQueue<Function<List<String>, Reply>> queued = new ConcurrentLinkedQueue<>();
    public final List<Received> received = Collections.synchronizedList(new ArrayList<>());

    public FakeEmbeddingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    /** The base URL without /v1. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves {@code reply} to the next request not yet served by an earlier queued reply. */
    public FakeEmbeddingServer then(Reply reply) {
        queued.add(texts -> reply);
        return this;
    }

    /** Serves a reply computed from the request's texts. */
    public FakeEmbeddingServer then(Function<List<String>, Reply> reply) {
        queued.add(reply);
        return this;
    }

    /** The vector the server gives a text: deterministic, distinct per text. */
    public static float[] vector(String text) {
        float[] v = new float[DIM];
        int h = text.hashCode();
        for (int c = 0; c < DIM; c++) {
            h = h * 31 + c + 7;
            v[c] = (h % 1000) / 1000f;
        }
        return v;
    }

    /** A well-formed answer with one vector of {@code dim} per text (the first {@link #DIM} values of {@link #vector}, zero-padded). */
    public static String answer(List<String> texts, int dim, boolean reversed) {
        ObjectNode root = JSON.createObjectNode();
        root.put("object", "list");
        ArrayNode data = root.putArray("data");
        for (int k = 0; k < texts.size(); k++) {
            int i = reversed ? texts.size() - 1 - k : k;
            ObjectNode e = data.addObject();
            e.put("object", "embedding");
            e.put("index", i);
            ArrayNode emb = e.putArray("embedding");
            float[] v = vector(texts.get(i));
            for (int c = 0; c < dim; c++) {
                emb.add(c < DIM ? v[c] : 0f);
            }
        }
        root.put("model", "fake");
        return root.toString();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            JsonNode req = JSON.readTree(ex.getRequestBody().readAllBytes());
            List<String> input = new ArrayList<>();
            req.path("input").forEach(n -> input.add(n.asText()));
            received.add(new Received(ex.getRequestURI().getPath(), ex.getRequestHeaders().getFirst("Authorization"),
                    req.path("model").asText(), input));
            Function<List<String>, Reply> next = queued.poll();
            Reply reply = next != null ? next.apply(input) : Reply.of(200, answer(input, DIM, false));
            if (reply.delayMillis() > 0) {
                try {
                    Thread.sleep(reply.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            // the client gave up (timeout): nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
