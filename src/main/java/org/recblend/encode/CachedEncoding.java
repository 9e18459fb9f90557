package org.recblend.encode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.recblend.task.TaskMonitor;

/**
 * Encodes texts through the {@link EmbeddingCache}: looks every text up, encodes only the missing
 * ones, in batches, and stores each batch in its own transaction as soon as it is done. A cancelled
 * or failed run therefore keeps the batches it finished (each row is complete, so the cache stays
 * consistent) and the next run starts where it stopped.
 */
public final class CachedEncoding {
    /** Texts per encoder call and per cache transaction unless told otherwise. */
    public static final int DEFAULT_BATCH = 256;

    /**
     * What a run produced.
     *
     * @param vectors   one vector per input text, {@code null} for a null or blank text
     * @param texts     non-blank input texts
     * @param distinct  distinct non-blank texts
     * @param encoded   distinct texts the encoder computed in this run
     * @param fromCache distinct texts found in the cache
     * @param dim       the vector length
     */
    public record Result(float[][] vectors, int texts, int distinct, int encoded, int fromCache, int dim) {
        /** A line for a log: "1,674 texts (1,674 distinct): 0 encoded, 1,674 from the cache". */
        public String summary() {
            return String.format("%,d texts (%,d distinct): %,d encoded, %,d from the cache", texts, distinct, encoded, fromCache);
        }
    }

    private CachedEncoding() {
    }

    /**
     * Vectors for {@code texts}; {@code cache} may be null to encode everything without storing.
     * Throws {@link org.recblend.task.CancelledException} when cancelled between batches.
     */
    public static Result encode(TextEncoder encoder, EmbeddingCache cache, List<String> texts, int batchSize,
                                TaskMonitor monitor) throws EncoderException {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        String key = encoder.key();
        monitor.progress(0, "hashing texts");
        String[] hashOf = new String[texts.size()];
        Map<String, String> textByHash = new LinkedHashMap<>();
        int nonBlank = 0;
        for (int i = 0; i < texts.size(); i++) {
            if ((i & 0xFFF) == 0) {
                monitor.checkCancelled();
            }
            String t = texts.get(i);
            if (t == null || t.isBlank()) {
                continue;
            }
            nonBlank++;
            hashOf[i] = EmbeddingCache.sha256(t);
            textByHash.putIfAbsent(hashOf[i], t);
        }
        Map<String, float[]> found = new HashMap<>();
        if (cache != null) {
            monitor.progress(0, "looking up " + textByHash.size() + " texts in the embedding cache");
            found.putAll(cache.lookup(key, textByHash.keySet()));
        }
        int fromCache = found.size();
        // the encoder (and its model) is only asked when something is missing
        int dim = -1;
        for (float[] v : found.values()) {
            if (dim >= 0 && v.length != dim) {
                throw new EncoderException("The embedding cache holds vectors of " + dim + " and " + v.length
                        + " values under " + key + "; clear the cache of this encoder");
            }
            dim = v.length;
        }
        List<String> missing = new ArrayList<>();
        for (String h : textByHash.keySet()) {
            if (!found.containsKey(h)) {
                missing.add(h);
            }
        }
        // similar lengths in one call let the encoder batch with little padding
        missing.sort(Comparator.comparingInt((String h) -> textByHash.get(h).length()));
        if (!missing.isEmpty() || dim < 0) {
            int encoderDim = (encoder instanceof LazyTextEncoder lazy ? lazy.open() : encoder).dimension();
            if (dim >= 0 && dim != encoderDim) {
                throw new EncoderException("The embedding cache holds vectors of " + dim + " values under " + key
                        + " but the encoder makes " + encoderDim + "; clear the cache of this encoder");
            }
            dim = encoderDim;
        }
        int done = 0;
        for (int from = 0; from < missing.size(); from += batchSize) {
            monitor.checkCancelled();
            List<String> hashes = missing.subList(from, Math.min(missing.size(), from + batchSize));
            List<String> batch = hashes.stream().map(textByHash::get).toList();
            float[][] vectors = encoder.encode(batch, scaled(monitor, done, batch.size(), missing.size()));
            if (vectors.length != batch.size()) {
                throw new EncoderException(key + " returned " + vectors.length + " vectors for " + batch.size() + " texts");
            }
            Map<String, float[]> stored = new LinkedHashMap<>();
            for (int k = 0; k < vectors.length; k++) {
                if (vectors[k] == null || vectors[k].length != dim) {
                    throw new EncoderException(key + " returned a vector of length "
                            + (vectors[k] == null ? 0 : vectors[k].length) + "; expected " + dim);
                }
                stored.put(hashes.get(k), vectors[k]);
            }
            if (cache != null) {
                cache.store(key, stored);
            }
            found.putAll(stored);
            done += batch.size();
            monitor.progress((double) done / missing.size(), "encoded " + done + " of " + missing.size() + " new texts");
        }
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = hashOf[i] == null ? null : found.get(hashOf[i]);
        }
        monitor.progress(1, "done");
        return new Result(out, nonBlank, textByHash.size(), missing.size(), fromCache, dim);
    }

    /** The monitor with an encoder call's progress mapped onto the whole run. */
    private static TaskMonitor scaled(TaskMonitor m, int done, int size, int total) {
        return new TaskMonitor() {
            @Override
            public void progress(double fraction, String message) {
                m.progress(fraction < 0 ? fraction : (done + fraction * size) / total,
                        "encoded " + (done + Math.round(Math.max(0, fraction) * size)) + " of " + total + " new texts");
            }

            @Override
            public boolean isCancelled() {
                return m.isCancelled();
            }

            @Override
            public void log(String message) {
                m.log(message);
            }
        };
    }
}
