package org.recblend.encode;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A secret that authorises requests to a remote endpoint. It never shows itself: {@link #toString()}
 * says only where it came from, and {@link #mask(String)} removes it (and recognisable parts of it,
 * as servers echo "sk-abc1****wxyz") from any text before that text reaches a log or an exception.
 * The key is read from the environment or the user's settings file, never from a project.
 */
public final class ApiKey {
    /** The environment variable read when a node names none. */
    public static final String DEFAULT_ENV = "OPENAI_API_KEY";
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** A window of this many characters shared with the key marks a word as part of the key. */
    private static final int WINDOW = 6;
    private static final String MASK = "****";

    private final String secret;
    private final String origin;

    private ApiKey(String secret, String origin) {
        this.secret = secret;
        this.origin = origin;
    }

    /** A key given directly (tests, the preferences dialog); {@code origin} says where it came from. */
    public static ApiKey of(String secret, String origin) {
        Objects.requireNonNull(secret, "secret");
        if (secret.isBlank()) {
            throw new IllegalArgumentException("An API key is empty");
        }
        return new ApiKey(secret.strip(), origin);
    }

    /** Whether {@code name} can be an environment variable's name (so a pasted key is refused as one). */
    public static boolean isEnvName(String name) {
        return name != null && ENV_NAME.matcher(name).matches();
    }

    /**
     * The key from environment variable {@code envName} if set, else from the user's settings file
     * (entry {@link UserSettings#REMOTE_API_KEY}); empty when neither holds one (endpoints on the
     * local network often need none).
     */
    public static Optional<ApiKey> resolve(String envName, Function<String, String> env, UserSettings settings) {
        String name = envName == null || envName.isBlank() ? DEFAULT_ENV : envName;
        String fromEnv = env.apply(name);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(of(fromEnv, "environment variable " + name));
        }
        return settings.get(UserSettings.REMOTE_API_KEY).filter(s -> !s.isBlank())
                .map(s -> of(s, "settings file " + settings.file()));
    }

    /** Resolves from the real environment and the settings file of the workbench home. */
    public static Optional<ApiKey> resolve(String envName) throws EncoderException {
        return resolve(envName, System::getenv, UserSettings.load(UserSettings.defaultFile()));
    }

    /** The secret itself, for the Authorization header only. */
    String reveal() {
        return secret;
    }

    /** Where the key came from, e.g. "environment variable OPENAI_API_KEY". */
    public String origin() {
        return origin;
    }

    /** {@code text} with the key and every word sharing a run of characters with it replaced by ****. */
    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text.replace(secret, MASK);
        if (secret.length() < WINDOW) {
            return out;
        }
        StringBuilder b = new StringBuilder(out.length());
        int i = 0;
        while (i < out.length()) {
            int j = i;
            while (j < out.length() && !isSeparator(out.charAt(j))) {
                j++;
            }
            if (j > i) {
                String word = out.substring(i, j);
                b.append(sharesRun(word) ? MASK : word);
            }
            if (j < out.length()) {
                b.append(out.charAt(j));
            }
            i = j + 1;
        }
        return b.toString();
    }

    /** Masks {@code text} with {@code key} when there is one. */
    public static String mask(String text, Optional<ApiKey> key) {
        return key.map(k -> k.mask(text)).orElse(text);
    }

    private boolean sharesRun(String word) {
        for (int s = 0; s + WINDOW <= word.length(); s++) {
            if (secret.contains(word.substring(s, s + WINDOW))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || c == '"' || c == '\'' || c == ',' || c == ':' || c == ';' || c == '='
                || c == '{' || c == '}' || c == '[' || c == ']' || c == '(' || c == ')' || c == '<' || c == '>';
    }

    @Override
    public String toString() {
        return "ApiKey[from " + origin + ", " + MASK + "]";
    }
}
