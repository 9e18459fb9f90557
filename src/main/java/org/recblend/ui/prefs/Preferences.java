package org.recblend.ui.prefs;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.recblend.encode.ApiKey;
import org.recblend.encode.RemoteEmbeddingConfig;

/**
 * The user's preferences. No secret in here: the embeddings endpoint's API key is named by the
 * environment variable that holds it, so these values may be shown, saved and logged.
 *
 * @param threads           threads for compute (training, evaluation, recommendation)
 * @param cacheFolder       where model files are extracted; blank for the workbench home
 * @param embeddingsBaseUrl the OpenAI-compatible embeddings endpoint's base URL
 * @param embeddingsModel   the model name that endpoint knows
 * @param apiKeyEnv         the environment variable that holds the endpoint's API key
 * @param theme             light or dark
 */
public record Preferences(int threads, String cacheFolder, String embeddingsBaseUrl, String embeddingsModel,
                          String apiKeyEnv, Theme theme) {
    public static final int MAX_THREADS = 256;

    /** One thread per core, the home as cache, OpenAI's small embedding model, the light theme. */
    public static Preferences defaults() {
        return new Preferences(Runtime.getRuntime().availableProcessors(), "", "https://api.openai.com",
                "text-embedding-3-small", ApiKey.DEFAULT_ENV, Theme.LIGHT);
    }

    /** What is wrong, one sentence each for the user; empty when the values can be saved. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (threads < 1 || threads > MAX_THREADS) {
            out.add("Threads for compute must be between 1 and " + MAX_THREADS + ", not " + threads);
        }
        cacheFolderProblem().ifPresent(out::add);
        out.addAll(RemoteEmbeddingConfig.of(embeddingsBaseUrl, embeddingsModel).problems());
        if (!ApiKey.isEnvName(apiKeyEnv)) {
            // never repeat the value: a user may have pasted the key itself into this field
            out.add("The API key variable must be the name of an environment variable (letters, digits and _,"
                    + " e.g. " + ApiKey.DEFAULT_ENV + "), not the key itself");
        }
        return out;
    }

    private Optional<String> cacheFolderProblem() {
        if (cacheFolder == null || cacheFolder.isBlank()) {
            return Optional.empty();
        }
        try {
            Path folder = Path.of(cacheFolder.strip());
            if (!folder.isAbsolute()) {
                return Optional.of("The cache folder must be a full path (e.g. /data/recblend-cache), not " + cacheFolder);
            }
            if (Files.exists(folder) && !Files.isDirectory(folder)) {
                return Optional.of("The cache folder " + cacheFolder + " is a file, not a folder");
            }
        } catch (InvalidPathException e) {
            return Optional.of("The cache folder is not a valid path: " + e.getReason());
        }
        return Optional.empty();
    }
}
