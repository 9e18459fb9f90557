package org.recblend.encode;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where and how to call an OpenAI-compatible embeddings endpoint. Holds no secret, so it may be
 * saved with a node; the API key travels separately as an {@link ApiKey}.
 *
 * @param baseUrl           e.g. "https://api.openai.com" or "http://localhost:11434/v1"
 * @param model             the model name the endpoint knows, e.g. "text-embedding-3-small"
 * @param batchSize         texts per request
 * @param timeout           for one request (connect and answer)
 * @param maxRetries        further attempts after a timeout, a 429 or a 5xx answer
 * @param requestsPerMinute the rate limit; 0 for none
 * @param dimension         the expected vector length; 0 to take it from the first answer
 * @param initialBackoff    the wait before the first retry; doubles with every further retry
 * @param maxBackoff        the longest wait between two attempts (a longer Retry-After is still honoured)
 */
public record RemoteEmbeddingConfig(String baseUrl, String model, int batchSize, Duration timeout, int maxRetries,
        int requestsPerMinute, int dimension, Duration initialBackoff, Duration maxBackoff) {

    /** Typical values: batches of 64, 30 s timeout, 4 retries from 1 s up to 60 s, no rate limit. */
    public static RemoteEmbeddingConfig of(String baseUrl, String model) {
        return new RemoteEmbeddingConfig(baseUrl, model, 64, Duration.ofSeconds(30), 4, 0, 0,
                Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    public RemoteEmbeddingConfig withBatchSize(int n) {
        return new RemoteEmbeddingConfig(baseUrl, model, n, timeout, maxRetries, requestsPerMinute, dimension, initialBackoff, maxBackoff);
    }

    public RemoteEmbeddingConfig withTimeout(Duration t) {
        return new RemoteEmbeddingConfig(baseUrl, model, batchSize, t, maxRetries, requestsPerMinute, dimension, initialBackoff, maxBackoff);
    }

    public RemoteEmbeddingConfig withMaxRetries(int n) {
        return new RemoteEmbeddingConfig(baseUrl, model, batchSize, timeout, n, requestsPerMinute, dimension, initialBackoff, maxBackoff);
    }

    public RemoteEmbeddingConfig withRequestsPerMinute(int n) {
        return new RemoteEmbeddingConfig(baseUrl, model, batchSize, timeout, maxRetries, n, dimension, initialBackoff, maxBackoff);
    }

    public RemoteEmbeddingConfig withDimension(int d) {
        return new RemoteEmbeddingConfig(baseUrl, model, batchSize, timeout, maxRetries, requestsPerMinute, d, initialBackoff, maxBackoff);
    }

    public RemoteEmbeddingConfig withBackoff(Duration initial, Duration max) {
        return new RemoteEmbeddingConfig(baseUrl, model, batchSize, timeout, maxRetries, requestsPerMinute, dimension, initial, max);
    }

    /** What is wrong with these values, one sentence each; empty when they can be used. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (baseUrl == null || baseUrl.isBlank()) {
            out.add("Enter the endpoint's base URL, e.g. https://api.openai.com or http://localhost:11434/v1");
        } else {
            try {
                URI u = new URI(baseUrl.strip());
                String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
                    out.add("The base URL must start with http:// or https:// and name a host: " + baseUrl);
                }
                if (u.getUserInfo() != null || u.getQuery() != null) {
                    out.add("The base URL must not carry a user, password or query: put the API key in the"
                            + " environment or the user settings");
                }
            } catch (URISyntaxException e) {
                out.add("The base URL is not a valid URL: " + e.getReason());
            }
        }
        if (model == null || model.isBlank()) {
            out.add("Enter the model name, e.g. text-embedding-3-small");
        }
        if (batchSize < 1 || batchSize > 2048) {
            out.add("The batch size must be between 1 and 2048, not " + batchSize);
        }
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            out.add("The timeout must be positive");
        }
        if (maxRetries < 0 || maxRetries > 20) {
            out.add("The number of retries must be between 0 and 20, not " + maxRetries);
        }
        if (requestsPerMinute < 0) {
            out.add("The rate limit cannot be negative");
        }
        if (dimension < 0) {
            out.add("The expected dimension cannot be negative");
        }
        if (initialBackoff == null || initialBackoff.isNegative() || maxBackoff == null || maxBackoff.compareTo(initialBackoff) < 0) {
            out.add("The backoff must be zero or positive and the longest wait at least the first");
        }
        return out;
    }

    /** "remote:{model}@{endpoint URL}": what the embedding cache keys this endpoint's vectors by (no secret in it). */
    public String cacheKey() {
        return "remote:" + model.strip() + "@" + endpoint();
    }

    /**
     * The embeddings URL: {@code {base}/v1/embeddings}, or {@code {base}/embeddings} when the base
     * already ends in a version segment such as /v1, or the base itself when it ends in /embeddings.
     */
    public URI endpoint() {
        String b = baseUrl.strip();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        String last = b.substring(b.lastIndexOf('/') + 1);
        if (last.equals("embeddings")) {
            return URI.create(b);
        }
        if (last.matches("v\\d+(beta\\d*|alpha\\d*)?")) {
            return URI.create(b + "/embeddings");
        }
        return URI.create(b + "/v1/embeddings");
    }
}
