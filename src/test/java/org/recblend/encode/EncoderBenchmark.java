package org.recblend.encode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.recblend.domain.AttributeValue;
import org.recblend.domain.Embeddings;
import org.recblend.domain.IdIndex;
import org.recblend.domain.ItemInfo;
import org.recblend.domain.ItemTable;
import org.recblend.nodes.TestContext;
import org.recblend.nodes.encode.MiniLmEncode;
import org.recblend.pipeline.PortData;
import org.recblend.pipeline.PortTypes;
import org.recblend.store.ProjectStore;
import org.recblend.task.TaskMonitor;

/**
 * Prints the sentence encoder's throughput on the ML-100K item texts ("{title}. Genres: {genres}. {plot}"),
 * ours against langchain4j's {@code embedAll} of the same model in the same run (rounds interleaved,
 * medians compared), for the quantized and the full model, the min cosine between the two, and the time
 * of a re-run of the encode node that finds every text in the cache. Not a test; run it with
 * {@code mvn -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.recblend.encode.EncoderBenchmark}
 * (-Dbench.rounds=3, -Dbench.every=1 to take every k-th text, -Dbench.options=2048,64,2,1 for
 * batchTokens,maxRows,threads,workers; separate several with ';').
 */
public final class EncoderBenchmark {
    private EncoderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        TestModels.ortFirst();
        int rounds = Integer.getInteger("bench.rounds", 3);
        int every = Integer.getInteger("bench.every", 1);
        ItemTable items = items();
        List<String> all = EntityTexts.items(items, TextTemplate.parse("{title}. Genres: {genres}. {plot}"), TaskMonitor.none());
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < all.size(); i += every) {
            if (!all.get(i).isBlank()) {
                texts.add(all.get(i));
            }
        }
        List<OnnxSentenceEncoder.Options> configs = new ArrayList<>();
        String spec = System.getProperty("bench.options", "");
        for (String one : spec.isBlank() ? new String[0] : spec.split(";")) {
            int[] v = Arrays.stream(one.split(",")).mapToInt(Integer::parseInt).toArray();
            configs.add(new OnnxSentenceEncoder.Options(OnnxSentenceEncoder.MAX_TOKENS, v[0], v[1], v[2], v[3]));
        }
        if (configs.isEmpty()) {
            configs.add(OnnxSentenceEncoder.Options.defaults());
        }
        System.out.printf("ML-100K item texts: %,d of %,d items have text; %d rounds, ours and langchain4j interleaved%n",
                texts.size(), items.size(), rounds);
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        for (boolean quantized : new boolean[] {true, false}) {
            EmbeddingModel reference = quantized ? new AllMiniLmL6V2QuantizedEmbeddingModel() : new AllMiniLmL6V2EmbeddingModel();
            reference.embedAll(segments.subList(0, Math.min(64, segments.size())));
            for (OnnxSentenceEncoder.Options o : configs) {
                try (OnnxSentenceEncoder ours = OnnxSentenceEncoder.miniLm(quantized, TestModels.HOME, o)) {
                    ours.encode(texts.subList(0, Math.min(64, texts.size())), TaskMonitor.none());
                    double[] theirRate = new double[rounds];
                    double[] ourRate = new double[rounds];
                    float[][] mine = null;
                    List<dev.langchain4j.data.embedding.Embedding> theirs = null;
                    for (int r = 0; r < rounds; r++) {
                        long t0 = System.nanoTime();
                        theirs = reference.embedAll(segments).content();
                        long t1 = System.nanoTime();
                        mine = ours.encode(texts, TaskMonitor.none());
                        long t2 = System.nanoTime();
                        theirRate[r] = texts.size() / ((t1 - t0) / 1e9);
                        ourRate[r] = texts.size() / ((t2 - t1) / 1e9);
                    }
                    double min = 1;
                    double sum = 0;
                    for (int i = 0; i < texts.size(); i++) {
                        double c = TestModels.cosine(mine[i], theirs.get(i).vector());
                        min = Math.min(min, c);
                        sum += c;
                    }
                    double a = median(theirRate);
                    double b = median(ourRate);
                    System.out.printf("%s (batch %d tokens / %d rows, %d threads, %d workers): langchain4j %.0f texts/s %s,"
                                    + " ours %.0f texts/s %s, ratio %.2f; cosine to langchain4j min %.5f mean %.5f;"
                                    + " %d truncated%n", quantized ? "quantized" : "full     ", o.batchTokens(), o.maxRows(),
                            o.threads(), o.workers(), a, Arrays.toString(round(theirRate)), b,
                            Arrays.toString(round(ourRate)), b / a, min, sum / texts.size(), ours.truncatedCount() / (rounds + 1));
                }
            }
        }
        rerun(items);
        System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).trim());
    }

    /** Runs the encode node twice on a scratch project and prints both times. */
    private static void rerun(ItemTable items) throws Exception {
        Path dir = Files.createTempDirectory("recblend-encode-bench");
        String previous = System.getProperty("recblend.home");
        System.setProperty("recblend.home", TestModels.HOME.toString());
        try (ProjectStore store = ProjectStore.create(dir.resolve("bench"))) {
            MiniLmEncode kind = new MiniLmEncode();
            MiniLmEncode.Settings s = kind.defaultSettings();
            List<PortData> in = Arrays.asList(PortData.of(PortTypes.ITEM_TABLE, items), null, null);
            for (String run : new String[] {"first run ", "second run", "third run "}) {
                TestContext ctx = new TestContext(store);
                long t0 = System.nanoTime();
                Embeddings e = (Embeddings) kind.execute(s, in, ctx).get(0).value();
                double sec = (System.nanoTime() - t0) / 1e9;
                String summary = ctx.log.stream().filter(l -> l.contains("from the cache")).findFirst().orElse("");
                System.out.printf("encode node %s: %.2f s, %,d vectors; %s%n", run, sec, e.presentCount(), summary);
            }
        } finally {
            if (previous == null) {
                System.clearProperty("recblend.home");
            } else {
                System.setProperty("recblend.home", previous);
            }
        }
    }

    /** The ML-100K items as the ml-100k-plots preset imports them: title and plot texts, genres, year. */
    static ItemTable items() throws Exception {
        Path file = org.recblend.testutil.SharedData.dir("ml-100k-plots").resolve("items_info.json");
        List<String> ids = new ArrayList<>();
        List<ItemInfo> infos = new ArrayList<>();
        for (JsonNode item : new ObjectMapper().readTree(file.toFile())) {
            ids.add(item.path("movielens_id").asText());
            Map<String, String> texts = new HashMap<>();
            for (String f : new String[] {"title", "plot"}) {
                if (!item.path(f).asText("").isBlank()) {
                    texts.put(f, item.path(f).asText());
                }
            }
            String genres = item.path("genres").asText("");
            List<String> categories = genres.isBlank() ? List.of() : Arrays.stream(genres.split(",\\s*")).toList();
            Map<String, AttributeValue> attributes = item.path("year").asText("").isBlank() ? Map.of()
                    : Map.of("year", new AttributeValue(item.path("year").asText(), Double.valueOf(item.path("year").asText())));
            infos.add(new ItemInfo(categories, texts, attributes));
        }
        return new ItemTable(IdIndex.of(ids), infos);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static long[] round(double[] v) {
        return Arrays.stream(v).mapToLong(Math::round).toArray();
    }
}
