package org.recblend.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.store.ProjectStore;
import org.recblend.task.CancellableMonitor;
import org.recblend.task.CancelledException;
import org.recblend.task.TaskMonitor;

class CachedEncodingTest {
    @TempDir
    Path dir;
    private ProjectStore store;
    private EmbeddingCache cache;

    /** A deterministic encoder that counts what it was asked: vector = (length, first char, 1). */
    static class CountingEncoder implements TextEncoder {
        final List<String> seen = new ArrayList<>();
        int calls;
        Runnable afterCall = () -> { };

        @Override
        public String key() {
            return "counting@1";
        }

        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public float[][] encode(List<String> texts, TaskMonitor monitor) {
            calls++;
            seen.addAll(texts);
            float[][] out = new float[texts.size()][];
            for (int i = 0; i < out.length; i++) {
                out[i] = new float[] {texts.get(i).length(), texts.get(i).charAt(0), 1};
            }
            afterCall.run();
            return out;
        }
    }

    @BeforeEach
    void open() throws Exception {
        store = ProjectStore.create(dir.resolve("p"));
        cache = new EmbeddingCache(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static List<String> texts(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("text number " + i);
        }
        return out;
    }

    @Test
    void aSecondRunEncodesNothingAndReturnsTheSameVectors() throws Exception {
        List<String> texts = new ArrayList<>(texts(25));
        texts.add("text number 3"); // a duplicate is encoded once
        texts.add(" ");             // a blank text gets no vector
        CountingEncoder enc = new CountingEncoder();
        CachedEncoding.Result first = CachedEncoding.encode(enc, cache, texts, 10, TaskMonitor.none());
        assertThat(first.encoded()).isEqualTo(25);
        assertThat(first.fromCache()).isZero();
        assertThat(first.texts()).isEqualTo(26);
        assertThat(enc.calls).isEqualTo(3);
        assertThat(first.vectors()[26]).isNull();
        assertThat(first.vectors()[25]).containsExactly(first.vectors()[3]);

        CountingEncoder again = new CountingEncoder();
        CachedEncoding.Result second = CachedEncoding.encode(again, cache, texts, 10, TaskMonitor.none());
        assertThat(second.encoded()).isZero();
        assertThat(second.fromCache()).isEqualTo(25);
        assertThat(second.summary()).isEqualTo("26 texts (25 distinct): 0 encoded, 25 from the cache");
        assertThat(again.calls).isZero();
        for (int i = 0; i < 26; i++) {
            assertThat(second.vectors()[i]).containsExactly(first.vectors()[i]);
        }
    }

    @Test
    void onlyNewTextsAreEncodedAndKeysAreSeparate() throws Exception {
        CachedEncoding.encode(new CountingEncoder(), cache, texts(10), 4, TaskMonitor.none());
        CountingEncoder enc = new CountingEncoder();
        CachedEncoding.Result r = CachedEncoding.encode(enc, cache, texts(12), 4, TaskMonitor.none());
        assertThat(r.encoded()).isEqualTo(2);
        assertThat(enc.seen).containsExactlyInAnyOrder("text number 10", "text number 11");
        assertThat(cache.count("counting@1")).isEqualTo(12);
        assertThat(cache.count("other@1")).isZero();
    }

    @Test
    void aCancelledRunKeepsTheBatchesItStoredAndTheNextRunFinishes() throws Exception {
        CancellableMonitor monitor = new CancellableMonitor();
        CountingEncoder enc = new CountingEncoder();
        enc.afterCall = () -> {
            if (enc.calls == 2) {
                monitor.cancel();
            }
        };
        assertThatThrownBy(() -> CachedEncoding.encode(enc, cache, texts(50), 10, monitor)).isInstanceOf(CancelledException.class);
        // two whole batches, each row complete (length 3 × 4 bytes)
        assertThat(cache.count("counting@1")).isEqualTo(20);
        int complete = store.read(c -> {
            try (var rs = c.createStatement().executeQuery(
                    "SELECT COUNT(*) FROM embedding_cache WHERE dim = 3 AND OCTET_LENGTH(vector) = 12")) {
                rs.next();
                return rs.getInt(1);
            }
        });
        assertThat(complete).isEqualTo(20);
        CachedEncoding.Result rest = CachedEncoding.encode(new CountingEncoder(), cache, texts(50), 10, TaskMonitor.none());
        assertThat(rest.encoded()).isEqualTo(30);
        assertThat(rest.fromCache()).isEqualTo(20);
    }

    @Test
    void aFailingBatchKeepsEarlierBatchesAndStoresNothingOfItself() throws Exception {
        CountingEncoder enc = new CountingEncoder() {
            @Override
            public float[][] encode(List<String> texts, TaskMonitor monitor) {
                float[][] out = super.encode(texts, monitor);
                if (calls == 2) {
                    out[out.length - 1] = new float[] {1, 2};
                }
                return out;
            }
        };
        assertThatThrownBy(() -> CachedEncoding.encode(enc, cache, texts(30), 10, TaskMonitor.none()))
                .isInstanceOf(EncoderException.class).hasMessage("counting@1 returned a vector of length 2; expected 3");
        assertThat(cache.count("counting@1")).isEqualTo(10);
    }

    @Test
    void vectorsAreStoredAsLittleEndianFloats() {
        byte[] bytes = EmbeddingCache.toBytes(new float[] {1f, -2.5f});
        assertThat(bytes).containsExactly(0, 0, (byte) 0x80, 0x3F, 0, 0, 0x20, (byte) 0xC0);
        assertThat(EmbeddingCache.fromBytes(bytes)).containsExactly(1f, -2.5f);
        assertThat(EmbeddingCache.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
