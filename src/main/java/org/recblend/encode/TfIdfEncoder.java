package org.recblend.encode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.recblend.task.TaskMonitor;

/**
 * The non-LLM baseline: TF-IDF over word tokens (lower-cased, words of two or more letters or digits,
 * English stop words optionally removed; sublinear tf {@code 1 + ln tf}, smooth idf
 * {@code ln((1 + n) / (1 + df)) + 1}, rows L2-normalised, as scikit-learn's TfidfVectorizer), reduced to
 * a dense vector by a seeded randomized truncated SVD fitted on the corpus (latent semantic analysis),
 * and L2-normalised. The encoder is fitted on one corpus, so its {@link #key()} carries a hash of the
 * settings, vocabulary and idf weights: vectors of two corpora never share a cache key.
 */
public final class TfIdfEncoder implements TextEncoder {
    /** The version of the method; raise it when the vectors change for the same corpus and settings. */
    public static final int VERSION = 1;

    /**
     * @param dim         the vector length (SVD components), e.g. 128
     * @param seed        seed of the SVD's random sketch
     * @param stopWords   whether common English words are dropped
     * @param maxFeatures the most terms kept, by document frequency
     */
    public record Settings(int dim, long seed, boolean stopWords, int maxFeatures) {
        public Settings {
            if (dim < 1 || dim > 4096) {
                throw new IllegalArgumentException("The TF-IDF dimension must be in [1, 4096], not " + dim);
            }
            if (maxFeatures < 1) {
                throw new IllegalArgumentException("maxFeatures must be at least 1, not " + maxFeatures);
            }
        }

        public static Settings defaults() {
            return new Settings(128, 42, true, 50_000);
        }
    }

    private final Settings settings;
    private final Map<String, Integer> vocabulary;
    private final double[] idf;
    private final double[] components; // vocabulary × dim
    private final String key;

    private TfIdfEncoder(Settings settings, Map<String, Integer> vocabulary, double[] idf, double[] components) {
        this.settings = settings;
        this.vocabulary = vocabulary;
        this.idf = idf;
        this.components = components;
        this.key = "tfidf-svd" + settings.dim() + "@" + VERSION + ":" + fingerprint();
    }

    /** Fits the vocabulary, idf and SVD on {@code corpus} (blank texts are skipped). */
    public static TfIdfEncoder fit(List<String> corpus, Settings settings, TaskMonitor monitor) {
        monitor.progress(0, "counting terms");
        List<Map<String, Integer>> docs = new ArrayList<>();
        Map<String, Integer> df = new HashMap<>();
        for (int i = 0; i < corpus.size(); i++) {
            if ((i & 0x3FF) == 0) {
                monitor.checkCancelled();
            }
            String text = corpus.get(i);
            if (text == null || text.isBlank()) {
                continue;
            }
            Map<String, Integer> counts = counts(text, settings.stopWords());
            docs.add(counts);
            counts.keySet().forEach(t -> df.merge(t, 1, Integer::sum));
        }
        // the most frequent terms, ties by the term, then sorted: the same corpus always gives the same columns
        List<String> terms = new ArrayList<>(df.keySet());
        terms.sort((a, b) -> {
            int c = Integer.compare(df.get(b), df.get(a));
            return c != 0 ? c : a.compareTo(b);
        });
        terms = new ArrayList<>(terms.subList(0, Math.min(terms.size(), settings.maxFeatures())));
        terms.sort(null);
        Map<String, Integer> vocabulary = new HashMap<>();
        double[] idf = new double[terms.size()];
        int n = docs.size();
        for (int t = 0; t < terms.size(); t++) {
            vocabulary.put(terms.get(t), t);
            idf[t] = Math.log((1.0 + n) / (1.0 + df.get(terms.get(t)))) + 1;
        }
        TfIdfEncoder unfitted = new TfIdfEncoder(settings, vocabulary, idf, new double[0]);
        RandomizedSvd.Csr x = unfitted.matrix(docs);
        monitor.progress(0.3, "truncated SVD of " + n + " × " + terms.size() + " TF-IDF matrix");
        double[] components = RandomizedSvd.rightVectors(x, settings.dim(), settings.seed(), monitor);
        monitor.progress(1, "TF-IDF fitted");
        return new TfIdfEncoder(settings, vocabulary, idf, components);
    }

    public Settings settings() {
        return settings;
    }

    /** The number of terms. */
    public int vocabularySize() {
        return vocabulary.size();
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public int dimension() {
        return settings.dim();
    }

    @Override
    public float[][] encode(List<String> texts, TaskMonitor monitor) {
        List<Map<String, Integer>> docs = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            if ((i & 0x3FF) == 0) {
                monitor.checkCancelled();
            }
            String t = texts.get(i);
            docs.add(t == null ? Map.of() : counts(t, settings.stopWords()));
        }
        RandomizedSvd.Csr x = matrix(docs);
        int k = settings.dim();
        float[][] out = new float[texts.size()][k];
        for (int r = 0; r < x.rows(); r++) {
            double[] v = new double[k];
            for (int p = x.start()[r]; p < x.start()[r + 1]; p++) {
                double w = x.val()[p];
                int base = x.col()[p] * k;
                for (int c = 0; c < k; c++) {
                    v[c] += w * components[base + c];
                }
            }
            double norm = 0;
            for (double d : v) {
                norm += d * d;
            }
            norm = Math.sqrt(norm);
            for (int c = 0; c < k; c++) {
                out[r][c] = norm < 1e-12 ? 0f : (float) (v[c] / norm);
            }
        }
        monitor.progress(1, "TF-IDF vectors of " + texts.size() + " texts");
        return out;
    }

    /** The TF-IDF rows of the documents over this vocabulary: sublinear tf × idf, L2-normalised. */
    private RandomizedSvd.Csr matrix(List<Map<String, Integer>> docs) {
        int[] start = new int[docs.size() + 1];
        List<int[]> cols = new ArrayList<>(docs.size());
        List<double[]> vals = new ArrayList<>(docs.size());
        int nnz = 0;
        for (int r = 0; r < docs.size(); r++) {
            TreeMap<Integer, Double> row = new TreeMap<>();
            docs.get(r).forEach((term, tf) -> {
                Integer col = vocabulary.get(term);
                if (col != null) {
                    row.put(col, (1 + Math.log(tf)) * idf[col]);
                }
            });
            double norm = Math.sqrt(row.values().stream().mapToDouble(v -> v * v).sum());
            int[] c = new int[row.size()];
            double[] v = new double[row.size()];
            int j = 0;
            for (Map.Entry<Integer, Double> e : row.entrySet()) {
                c[j] = e.getKey();
                v[j++] = norm == 0 ? 0 : e.getValue() / norm;
            }
            cols.add(c);
            vals.add(v);
            nnz += c.length;
            start[r + 1] = nnz;
        }
        int[] col = new int[nnz];
        double[] val = new double[nnz];
        for (int r = 0; r < docs.size(); r++) {
            System.arraycopy(cols.get(r), 0, col, start[r], cols.get(r).length);
            System.arraycopy(vals.get(r), 0, val, start[r], vals.get(r).length);
        }
        return new RandomizedSvd.Csr(docs.size(), vocabulary.size(), start, col, val);
    }

    /** Term counts of one text: lower-cased runs of two or more letters or digits. */
    static Map<String, Integer> counts(String text, boolean dropStopWords) {
        Map<String, Integer> out = new HashMap<>();
        String lower = text.toLowerCase(Locale.ROOT);
        int i = 0;
        int n = lower.length();
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(lower.codePointAt(i))) {
                i += Character.charCount(lower.codePointAt(i));
            }
            int from = i;
            while (i < n && Character.isLetterOrDigit(lower.codePointAt(i))) {
                i += Character.charCount(lower.codePointAt(i));
            }
            if (i - from >= 2) {
                String token = lower.substring(from, i);
                if (!dropStopWords || !STOP_WORDS.contains(token)) {
                    out.merge(token, 1, Integer::sum);
                }
            }
        }
        return out;
    }

    /** A hash of the settings, the vocabulary with its idf weights, and the SVD components. */
    private String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(settings.toString().getBytes(StandardCharsets.UTF_8));
            new TreeMap<>(vocabulary).forEach((term, col) -> {
                sha.update(term.getBytes(StandardCharsets.UTF_8));
                sha.update(Double.toString(idf[col]).getBytes(StandardCharsets.UTF_8));
            });
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(Double.BYTES * components.length);
            b.asDoubleBuffer().put(components);
            sha.update(b);
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Common English words that carry no topic (a subset of scikit-learn's list). */
    static final Set<String> STOP_WORDS = Set.of(
            "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
            "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did",
            "do", "does", "doing", "down", "during", "each", "either", "else", "even", "ever", "every", "few", "for",
            "from", "further", "get", "gets", "got", "had", "has", "have", "having", "he", "her", "here", "hers",
            "herself", "him", "himself", "his", "how", "however", "if", "in", "into", "is", "it", "its", "itself",
            "just", "me", "more", "most", "much", "must", "my", "myself", "no", "nor", "not", "now", "of", "off",
            "on", "once", "one", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same",
            "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves",
            "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "upon",
            "us", "very", "was", "we", "were", "what", "when", "where", "whether", "which", "while", "who", "whom",
            "whose", "why", "will", "with", "within", "without", "would", "yet", "you", "your", "yours", "yourself",
            "yourselves");
}
