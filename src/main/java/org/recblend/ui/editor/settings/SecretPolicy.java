package org.recblend.ui.editor.settings;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which settings may hold a secret, judged by the component's name. A secret (a key, password or
 * token) is never shown. A setting that names where a secret lives ("apiKeyEnv": an environment
 * variable's name) is shown while its value looks like such a name, and hidden when it does not,
 * because then it is most likely a key pasted into the wrong field.
 */
public enum SecretPolicy {
    /** An ordinary setting. */
    PLAIN,
    /** Holds a secret: the sheet never shows the value. */
    SECRET,
    /** Holds the name of a variable or file with a secret: shown only while it looks like a name. */
    SECRET_NAME;

    /** What replaces a hidden value. */
    public static final String MASK = "••••••••";

    private static final Pattern SECRET_WORDS = Pattern.compile("key|.*(password|passwd|passphrase|secret|token"
            + "|credentials?|apikey|privatekey|accesskey|secretkey)");
    private static final Pattern REFERENCE_SUFFIX = Pattern.compile(".*(env|name|var|variable|file|path)$");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]{0,63}");

    public static SecretPolicy of(String componentName) {
        String n = componentName.toLowerCase(Locale.ROOT).replace("_", "");
        if (REFERENCE_SUFFIX.matcher(n).matches()) {
            String stem = n.replaceAll("(env|name|var|variable|file|path)$", "");
            return SECRET_WORDS.matcher(stem).matches() ? SECRET_NAME : PLAIN;
        }
        return SECRET_WORDS.matcher(n).matches() ? SECRET : PLAIN;
    }

    /** Whether this value may be shown under this policy. */
    public boolean mayShow(String value) {
        return switch (this) {
            case PLAIN -> true;
            case SECRET -> false;
            case SECRET_NAME -> value == null || value.isEmpty() || ENV_NAME.matcher(value).matches();
        };
    }

    /** The value as it may be shown. */
    public String display(String value) {
        return mayShow(value) ? value : MASK;
    }

    /** A message with every occurrence of a hidden value masked: validators may quote what they got. */
    public String scrub(String message, String value) {
        if (message == null || value == null || value.length() < 3 || mayShow(value)) {
            return message;
        }
        return message.replace(value, MASK);
    }
}
