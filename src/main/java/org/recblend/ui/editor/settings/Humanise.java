package org.recblend.ui.editor.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns code names into words a user reads: "coldRidgeAuto" → "Cold ridge auto",
 * "FILTER_AND_BINARISE" → "Filter and binarise", "ID_PART" → "ID part", "baseUrl" → "Base URL".
 */
public final class Humanise {
    /** Words that keep their own spelling wherever they stand. */
    private static final Map<String, String> SPELLING = Map.ofEntries(
            Map.entry("id", "ID"), Map.entry("ids", "IDs"), Map.entry("url", "URL"), Map.entry("api", "API"),
            Map.entry("gcv", "GCV"), Map.entry("mlp", "MLP"), Map.entry("gmf", "GMF"), Map.entry("svd", "SVD"),
            Map.entry("ndcg", "NDCG"), Map.entry("tf", "TF"), Map.entry("idf", "IDF"), Map.entry("onnx", "ONNX"),
            Map.entry("llm", "LLM"), Map.entry("minilm", "MiniLM"), Map.entry("bpr", "BPR"), Map.entry("k", "K"),
            Map.entry("utc", "UTC"), Map.entry("csv", "CSV"), Map.entry("json", "JSON"));

    private Humanise() {
    }

    /** A camelCase, snake_case or CONSTANT_CASE name as a sentence-case phrase. */
    public static String words(String name) {
        List<String> words = split(name);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            String lower = words.get(i).toLowerCase(Locale.ROOT);
            String word = SPELLING.getOrDefault(lower, lower);
            if (i == 0 && word.equals(lower)) {
                word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
            }
            b.append(i == 0 ? "" : " ").append(word);
        }
        return b.toString();
    }

    /** An enum constant in words. */
    public static String constant(Enum<?> value) {
        return value == null ? "" : words(value.name());
    }

    /** The first letter in upper case, so a javadoc fragment reads as a sentence. */
    public static String sentence(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static List<String> split(String name) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char[] cs = name.toCharArray();
        for (int i = 0; i < cs.length; i++) {
            char c = cs[i];
            if (c == '_' || c == '-' || c == ' ' || c == '.') {
                flush(words, word);
                continue;
            }
            boolean upper = Character.isUpperCase(c);
            boolean prevLower = i > 0 && (Character.isLowerCase(cs[i - 1]) || Character.isDigit(cs[i - 1]));
            boolean nextLower = i + 1 < cs.length && Character.isLowerCase(cs[i + 1]);
            boolean prevUpper = i > 0 && Character.isUpperCase(cs[i - 1]);
            // a new word at "coldR|idge" and at the last capital of "URLP|ath"
            if (upper && (prevLower || (prevUpper && nextLower))) {
                flush(words, word);
            }
            word.append(c);
        }
        flush(words, word);
        return words;
    }

    private static void flush(List<String> words, StringBuilder word) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }
}
