package org.recblend.nodes.encode;

import org.recblend.pipeline.SettingDoc;
import java.util.Map;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.recblend.domain.Embeddings;
import org.recblend.encode.ApiKey;
import org.recblend.encode.EncoderException;
import org.recblend.encode.RemoteEmbeddingConfig;
import org.recblend.encode.RemoteEmbeddingEncoder;
import org.recblend.encode.TextEncoder;
import org.recblend.encode.UserSettings;
import org.recblend.pipeline.ExecutionContext;
import org.recblend.pipeline.InvalidSettingsException;
import org.recblend.store.ProjectStore;

/**
 * Encodes item or user texts with an OpenAI-compatible embeddings endpoint. The settings hold the
 * endpoint and the <em>name</em> of the environment variable with the API key, never the key: the
 * key is read at run time from that variable or from the user's settings file in the workbench home.
 */
public final class RemoteTextEncode extends TextEncodeKind<RemoteTextEncode.Settings> {
    public static final String ID = "encode.text.remote";

    /**
     * @param side              whose texts
     * @param template          the text template
     * @param maxTexts          tags or reviews per user text
     * @param batchSize         texts per cache transaction
     * @param baseUrl           e.g. https://api.openai.com or http://localhost:11434/v1
     * @param model             e.g. text-embedding-3-small
     * @param apiKeyEnv         the environment variable holding the key (default OPENAI_API_KEY); the
     *                          user settings file is read when it is unset
     * @param requestBatch      texts per request
     * @param timeoutSeconds    per request
     * @param maxRetries        after a timeout, 429 or 5xx
     * @param requestsPerMinute rate limit, 0 for none
     * @param dimension         expected vector length, 0 to accept the endpoint's
     */
    public record Settings(Embeddings.Side side, String template, int maxTexts, int batchSize, String baseUrl, String model,
            String apiKeyEnv, int requestBatch, int timeoutSeconds, int maxRetries, int requestsPerMinute, int dimension)
            implements TextSettings {
        @Override
        public void validate() throws InvalidSettingsException {
            validateText();
            if (apiKeyEnv != null && !apiKeyEnv.isBlank() && !ApiKey.isEnvName(apiKeyEnv)) {
                // never echo the value: it may be a pasted key
                throw new InvalidSettingsException("The API key setting takes the NAME of an environment variable"
                        + " (letters, digits, _), not the key itself; put the key in that variable or in the user settings");
            }
            if (timeoutSeconds < 1) {
                throw new InvalidSettingsException("The timeout must be at least 1 second, not " + timeoutSeconds);
            }
            List<String> problems = config(this, 0).problems();
            if (!problems.isEmpty()) {
                throw problems.get(0).startsWith("Enter") ? InvalidSettingsException.notConfigured(problems.get(0))
                        : new InvalidSettingsException(problems.get(0));
            }
        }

        String keyEnv() {
            return apiKeyEnv == null || apiKeyEnv.isBlank() ? ApiKey.DEFAULT_ENV : apiKeyEnv;
        }
    }

    public RemoteTextEncode() {
        super(ID, "Text encoder (remote endpoint)", Settings.class,
                "Encodes texts with an OpenAI-compatible /v1/embeddings endpoint (OpenAI, Ollama, vLLM, LM Studio, …)."
                        + " The API key is read from the named environment variable or the user settings, never saved"
                        + " in the project. Requests go in batches, paced by the rate limit; timeouts, 429 and 5xx"
                        + " answers are retried with backoff.");
    }

    @Override
    public Map<String, SettingDoc> settingDocs() {
        return textDocs().group("Endpoint")
                .setting("baseUrl", "Base URL", "e.g. https://api.openai.com or http://localhost:11434/v1")
                .setting("model", "Model", "e.g. text-embedding-3-small")
                .setting("apiKeyEnv", "API key variable", "The NAME of the environment variable holding the key (default "
                        + ApiKey.DEFAULT_ENV + "), never the key itself; the user settings file is read when it is unset")
                .setting("dimension", "Expected dimension", "Expected vector length, 0 to accept the endpoint's")
                .group("Requests")
                .setting("batchSize", "Texts per cache transaction")
                .setting("requestBatch", "Texts per request", "Texts sent in one request")
                .setting("timeoutSeconds", "Timeout (seconds)", "Per request")
                .setting("maxRetries", "Retries", "After a timeout, a 429 or a 5xx answer")
                .setting("requestsPerMinute", "Requests per minute", "Rate limit, 0 for none")
                .build();
    }

    /** A new node starts from the endpoint the user set in the preferences (the user settings file), if any. */
    @Override
    public Settings defaultSettings() {
        UserSettings user;
        try {
            user = UserSettings.load(UserSettings.defaultFile());
        } catch (EncoderException e) {
            user = UserSettings.empty(); // a broken settings file is reported by the preferences, not by every new node
        }
        return defaultSettings(user);
    }

    static Settings defaultSettings(UserSettings user) {
        return new Settings(Embeddings.Side.ITEM, TextSettings.defaultTemplate(Embeddings.Side.ITEM), 50, 256,
                preference(user, UserSettings.REMOTE_BASE_URL, "https://api.openai.com"),
                preference(user, UserSettings.REMOTE_MODEL, "text-embedding-3-small"),
                preference(user, UserSettings.REMOTE_API_KEY_ENV, ApiKey.DEFAULT_ENV), 64, 30, 4, 0, 0);
    }

    private static String preference(UserSettings user, String name, String fallback) {
        return user.get(name).map(String::strip).filter(v -> !v.isEmpty()).orElse(fallback);
    }

    @Override
    protected TextEncoder openEncoder(Settings s, List<String> texts, ExecutionContext ctx) throws Exception {
        Optional<ApiKey> key = ApiKey.resolve(s.keyEnv());
        ctx.log(key.map(k -> "API key from " + k.origin()).orElse("no API key found (environment variable " + s.keyEnv()
                + " and the user settings are empty): calling the endpoint without one"));
        int dimension = s.dimension() > 0 ? s.dimension() : cachedDimension(ctx.store(), config(s, 0).cacheKey());
        return new RemoteEmbeddingEncoder(config(s, dimension), key);
    }

    static RemoteEmbeddingConfig config(Settings s, int dimension) {
        return RemoteEmbeddingConfig.of(s.baseUrl(), s.model()).withBatchSize(s.requestBatch())
                .withTimeout(Duration.ofSeconds(Math.max(1, s.timeoutSeconds()))).withMaxRetries(s.maxRetries())
                .withRequestsPerMinute(s.requestsPerMinute()).withDimension(dimension);
    }

    /** The length of vectors this encoder stored before, so a cached re-run needs no probe request; 0 if none. */
    private static int cachedDimension(ProjectStore store, String encoderKey) {
        if (store == null) {
            return 0;
        }
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(dim) FROM embedding_cache WHERE encoder_id = ?")) {
                ps.setString(1, encoderKey);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }
}
