package org.recblend.encode;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.recblend.task.CancelledException;
import org.recblend.task.TaskMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encodes texts with an OpenAI-compatible {@code POST /v1/embeddings} endpoint (OpenAI, Azure-style
 * proxies, Ollama, vLLM, LM Studio, text-embeddings-inference …). Texts go in batches, each request
 * paced by the rate limit; a timeout, a 429 (its Retry-After honoured) or a 5xx answer is retried
 * with exponential backoff and jitter (so is a 408), while 400, 401, 403, 404 and other 4xx answers
 * fail at once with a message that says what to fix. Every answer is checked: one vector per text,
 * in index order, all of one length.
 *
 * <p>The API key is sent in the Authorization header and nowhere else: it is not part of
 * {@link #key()} or {@link #toString()}, and every message this class logs or throws is masked.
 */
public final class RemoteEmbeddingEncoder implements TextEncoder {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteEmbeddingEncoder.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How often a waiting request checks for cancel. */
    private static final long CANCEL_POLL_MILLIS = 100;
    /** Characters of an error body quoted in a message. */
    private static final int BODY_QUOTE = 300;

    private final RemoteEmbeddingConfig config;
    private final Optional<ApiKey> apiKey;
    private final Pacing pacing;
    private final RateLimiter limiter;
    private final HttpClient http;
    private final URI endpoint;
    private volatile int dimension;

    /** An encoder with the wall clock and a fixed jitter seed. */
    public RemoteEmbeddingEncoder(RemoteEmbeddingConfig config, Optional<ApiKey> apiKey) throws EncoderException {
        this(config, apiKey, Pacing.system(0x5eed));
    }

    /** An encoder whose waits go through {@code pacing} (tests record them instead of sleeping). */
    public RemoteEmbeddingEncoder(RemoteEmbeddingConfig config, Optional<ApiKey> apiKey, Pacing pacing) throws EncoderException {
        this.config = Objects.requireNonNull(config, "config");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        List<String> problems = config.problems();
        if (!problems.isEmpty()) {
            throw new EncoderException(mask("Remote embeddings: " + String.join("; ", problems)));
        }
        this.pacing = pacing;
        this.limiter = new RateLimiter(config.requestsPerMinute(), pacing);
        this.endpoint = config.endpoint();
        this.dimension = config.dimension();
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** "remote:{model}@{endpoint}": the cache keeps the vectors of each model and endpoint apart. */
    @Override
    public String key() {
        return config.cacheKey();
    }

    /** The configured dimension, else the one of the vectors received so far, else asks the endpoint once. */
    @Override
    public int dimension() {
        if (dimension == 0) {
            try {
                encode(List.of("dimension probe"), TaskMonitor.none());
            } catch (EncoderException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        return dimension;
    }

    public URI endpoint() {
        return endpoint;
    }

    public RemoteEmbeddingConfig config() {
        return config;
    }

    @Override
    public float[][] encode(List<String> texts, TaskMonitor monitor) throws EncoderException {
        float[][] out = new float[texts.size()][];
        int batches = (texts.size() + config.batchSize() - 1) / config.batchSize();
        for (int b = 0; b < batches; b++) {
            monitor.checkCancelled();
            int from = b * config.batchSize();
            int to = Math.min(texts.size(), from + config.batchSize());
            List<String> batch = texts.subList(from, to);
            for (int i = 0; i < batch.size(); i++) {
                if (batch.get(i) == null) {
                    throw new EncoderException("Text " + (from + i) + " is missing (null); the remote endpoint needs a text for every entry");
                }
            }
            monitor.progress((double) from / texts.size(), "remote embeddings: batch " + (b + 1) + " of " + batches);
            String body = post(batch, b + 1, batches, monitor);
            float[][] vectors = parse(body, batch.size(), b + 1);
            System.arraycopy(vectors, 0, out, from, vectors.length);
        }
        monitor.progress(1, "remote embeddings: " + texts.size() + " texts in " + batches + " requests");
        return out;
    }

    /** Sends one batch, retrying what may pass on a second try; returns the body of the 200 answer. */
    private String post(List<String> batch, int number, int batches, TaskMonitor monitor) throws EncoderException {
        HttpRequest request = request(batch);
        String failure = null;
        for (int attempt = 0; attempt <= config.maxRetries(); attempt++) {
            limiter.acquire(monitor);
            long retryAfter = -1;
            try {
                HttpResponse<String> response = send(request, monitor);
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return response.body();
                }
                String quoted = quote(response.body());
                switch (status) {
                    case 401 -> throw new EncoderException(mask("The endpoint refused the API key (401) at " + endpoint + ": "
                            + keyHint() + ". Server said: " + quoted));
                    case 403 -> throw new EncoderException(mask("The endpoint denied access (403) at " + endpoint
                            + ": the key may lack permission for model " + config.model() + ". Server said: " + quoted));
                    case 404 -> throw new EncoderException(mask("The endpoint " + endpoint + " does not exist (404): check the"
                            + " base URL (it should end before /v1/embeddings) and the model name " + config.model()
                            + ". Server said: " + quoted));
                    default -> {
                        if (status == 408 || status == 429 || status >= 500) {
                            failure = "HTTP " + status + (status == 429 ? " (too many requests)"
                                    : status == 408 ? " (request timeout)" : " (server error)") + ": " + quoted;
                            retryAfter = status == 429 ? retryAfterMillis(response) : -1;
                        } else {
                            throw new EncoderException(mask("The endpoint rejected the request (" + status + ") at " + endpoint
                                    + " for model " + config.model() + ": " + quoted));
                        }
                    }
                }
            } catch (HttpTimeoutException e) {
                failure = "no answer within the timeout of " + seconds(config.timeout());
            } catch (IOException e) {
                failure = "cannot reach the endpoint (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EncoderException("Interrupted while calling the embeddings endpoint " + endpoint, e);
            }
            if (attempt < config.maxRetries()) {
                long wait = Math.max(backoffMillis(attempt), retryAfter);
                String line = mask(String.format(Locale.ROOT, "remote embeddings: batch %d of %d: %s; retry %d of %d in %.1f s",
                        number, batches, failure, attempt + 1, config.maxRetries(), wait / 1000.0));
                LOG.warn(line);
                monitor.log(line);
                pacing.await(wait, monitor);
            }
        }
        throw new EncoderException(mask("The embeddings endpoint " + endpoint + " failed on batch " + number + " of "
                + batches + " after " + (config.maxRetries() + 1) + " attempts: " + failure
                + ". Raise the timeout or the retries, lower the batch size or the rate limit, or try again later"));
    }

    /**
     * Sends and waits for the answer, checking for cancel meanwhile: a request may take the whole
     * timeout, and a user who cancels should not wait for it.
     */
    private HttpResponse<String> send(HttpRequest request, TaskMonitor monitor) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<String>> pending = http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        while (true) {
            try {
                return pending.get(CANCEL_POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillWaiting) {
                if (monitor.isCancelled()) {
                    pending.cancel(true);
                    throw new CancelledException();
                }
            } catch (InterruptedException e) {
                pending.cancel(true);
                throw e;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                }
                throw new IOException(cause == null ? "request failed" : cause.toString(), cause);
            }
        }
    }

    private HttpRequest request(List<String> batch) throws EncoderException {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", config.model().strip());
        ArrayNode input = body.putArray("input");
        batch.forEach(input::add);
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new EncoderException("Cannot write the request: " + e.getOriginalMessage(), e);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(config.timeout())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        apiKey.ifPresent(k -> b.header("Authorization", "Bearer " + k.reveal()));
        return b.build();
    }

    /** The vectors of a 200 answer, in the order of the texts, checked for count and length. */
    float[][] parse(String body, int expected, int batch) throws EncoderException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw malformed(batch, "the answer is not valid JSON" + where + ": " + quote(body));
        }
        if (root == null || !root.isObject()) {
            throw malformed(batch, "the answer is not a JSON object: " + quote(body));
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isArray()) {
            JsonNode error = root.get("error");
            throw malformed(batch, error != null
                    ? "the endpoint answered with an error: " + quote(error.toString())
                    : "the answer has no \"data\" array: " + quote(body));
        }
        if (data.size() != expected) {
            throw malformed(batch, "the answer holds " + data.size() + " vectors for " + expected + " texts");
        }
        float[][] out = new float[expected][];
        for (int pos = 0; pos < data.size(); pos++) {
            JsonNode entry = data.get(pos);
            JsonNode indexNode = entry.get("index");
            int index = pos;
            if (indexNode != null && !indexNode.isNull()) {
                if (!indexNode.canConvertToInt() || indexNode.asInt() < 0 || indexNode.asInt() >= expected) {
                    throw malformed(batch, "data[" + pos + "] has index " + indexNode + ", outside 0.." + (expected - 1));
                }
                index = indexNode.asInt();
            }
            if (out[index] != null) {
                throw malformed(batch, "two vectors have index " + index);
            }
            JsonNode embedding = entry.get("embedding");
            if (embedding == null || !embedding.isArray() || embedding.isEmpty()) {
                throw malformed(batch, "data[" + pos + "] has no \"embedding\" array of numbers"
                        + (embedding != null && embedding.isTextual() ? " (base64 answers are not supported)" : ""));
            }
            int want = dimension;
            if (want != 0 && embedding.size() != want) {
                throw new EncoderException("Wrong vector dimension from " + endpoint + " on batch " + batch + ": expected "
                        + want + ", got " + embedding.size() + " (text " + index + " of the batch)."
                        + (config.dimension() != 0 ? " Check the expected dimension setting or the model name "
                        : " The endpoint changed its vector length within one run; check the model name ") + config.model());
            }
            float[] v = new float[embedding.size()];
            for (int c = 0; c < v.length; c++) {
                JsonNode x = embedding.get(c);
                if (!x.isNumber() || !Double.isFinite(x.asDouble())) {
                    throw malformed(batch, "data[" + pos + "].embedding[" + c + "] is not a finite number: " + quote(x.toString()));
                }
                v[c] = (float) x.asDouble();
            }
            if (dimension == 0) {
                dimension = v.length;
            }
            out[index] = v;
        }
        return out;
    }

    private EncoderException malformed(int batch, String what) {
        return new EncoderException(mask("Malformed answer from the embeddings endpoint " + endpoint + " on batch "
                + batch + ": " + what));
    }

    /** The wait before attempt {@code attempt + 1}: doubling from the initial backoff, capped, times a jitter in [0.5, 1). */
    long backoffMillis(int attempt) {
        double base = config.initialBackoff().toMillis() * Math.pow(2, Math.min(attempt, 30));
        double capped = Math.min(base, config.maxBackoff().toMillis());
        return Math.round(capped * (0.5 + 0.5 * pacing.nextJitter()));
    }

    /** Retry-After in milliseconds (seconds or an HTTP date), or -1 when absent or unreadable. */
    private long retryAfterMillis(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After");
        if (header.isEmpty()) {
            return -1;
        }
        String v = header.get().strip();
        try {
            return Math.max(0, Math.round(Double.parseDouble(v) * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Math.max(0, Duration.between(ZonedDateTime.now(at.getZone()), at).toMillis());
            } catch (DateTimeParseException notDate) {
                return -1;
            }
        }
    }

    private String keyHint() {
        return apiKey.map(k -> "the key from " + k.origin() + " is wrong or expired; set a valid one")
                .orElse("no key was found: set the environment variable named in the node (default "
                        + ApiKey.DEFAULT_ENV + ") or \"" + UserSettings.REMOTE_API_KEY + "\" in " + UserSettings.defaultFile());
    }

    /** The start of a server's text, masked, for a message. */
    private String quote(String text) {
        if (text == null || text.isBlank()) {
            return "(empty)";
        }
        String t = mask(text.strip().replaceAll("\\s+", " "));
        return t.length() <= BODY_QUOTE ? t : t.substring(0, BODY_QUOTE) + "…";
    }

    private String mask(String text) {
        return ApiKey.mask(text, apiKey);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    @Override
    public String toString() {
        return "RemoteEmbeddingEncoder[" + key() + ", key " + apiKey.map(ApiKey::toString).orElse("none") + "]";
    }
}
