package org.recblend.encode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.recblend.task.TaskMonitor;

class TfIdfEncoderTest {
    /** Three topics, ten short documents each, with shared filler words. */
    static List<String> corpus() {
        String[][] topics = {
                {"cat", "kitten", "purr", "whiskers", "mouse", "feline"},
                {"stock", "market", "shares", "investor", "crash", "trading"},
                {"rocket", "orbit", "astronaut", "planet", "launch", "space"}};
        String[] filler = {"the", "story", "about", "day", "people", "world"};
        SplittableRandom r = new SplittableRandom(7);
        List<String> out = new ArrayList<>();
        for (String[] topic : topics) {
            for (int d = 0; d < 10; d++) {
                StringBuilder sb = new StringBuilder();
                for (int w = 0; w < 8; w++) {
                    sb.append(topic[r.nextInt(topic.length)]).append(' ').append(filler[r.nextInt(filler.length)]).append(' ');
                }
                out.add(sb.toString());
            }
        }
        return out;
    }

    @Test
    void similarTextsAreCloserThanDissimilarOnes() {
        TfIdfEncoder enc = TfIdfEncoder.fit(corpus(), new TfIdfEncoder.Settings(8, 42, true, 1000), TaskMonitor.none());
        float[][] v = enc.encode(List.of("a kitten and a cat purr", "the cat chased a mouse", "stock market crash"), TaskMonitor.none());
        double similar = TestModels.cosine(v[0], v[1]);
        double dissimilar = TestModels.cosine(v[0], v[2]);
        assertThat(similar).isGreaterThan(0.6);
        assertThat(similar - dissimilar).isGreaterThan(0.5);
        assertThat(v[0]).hasSize(8);
    }

    @Test
    void fittingTwiceGivesTheSameVectorsAndKeyAndAnotherCorpusAnotherKey() {
        TfIdfEncoder.Settings s = new TfIdfEncoder.Settings(6, 42, true, 1000);
        TfIdfEncoder a = TfIdfEncoder.fit(corpus(), s, TaskMonitor.none());
        TfIdfEncoder b = TfIdfEncoder.fit(corpus(), s, TaskMonitor.none());
        assertThat(a.key()).isEqualTo(b.key()).startsWith("tfidf-svd6@1:");
        float[][] va = a.encode(corpus(), TaskMonitor.none());
        float[][] vb = b.encode(corpus(), TaskMonitor.none());
        for (int i = 0; i < va.length; i++) {
            assertThat(va[i]).containsExactly(vb[i]);
        }
        List<String> other = new ArrayList<>(corpus());
        other.add("an extra document about gardening");
        assertThat(TfIdfEncoder.fit(other, s, TaskMonitor.none()).key()).isNotEqualTo(a.key());
        assertThat(TfIdfEncoder.fit(corpus(), new TfIdfEncoder.Settings(6, 43, true, 1000), TaskMonitor.none()).key())
                .isNotEqualTo(a.key());
    }

    @Test
    void svdFindsTheDominantDirectionsInOrder() {
        // rows: 3 × e0 + noise-free 1 × e1; the first right singular vector is e0
        RandomizedSvd.Csr x = new RandomizedSvd.Csr(3, 3, new int[] {0, 1, 2, 3}, new int[] {0, 1, 0}, new double[] {3, 1, 3});
        double[] v = RandomizedSvd.rightVectors(x, 2, 1, TaskMonitor.none());
        assertThat(v[0]).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-9));   // (col 0, comp 0)
        assertThat(v[2 + 1]).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-9)); // (col 1, comp 1)
        assertThat(v[4]).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void tokensAreLowerCasedWordsOfTwoOrMoreCharactersWithoutStopWords() {
        assertThat(TfIdfEncoder.counts("The CAT and the cat, a 3D-film!", true))
                .containsOnlyKeys("cat", "3d", "film").containsEntry("cat", 2);
        assertThat(TfIdfEncoder.counts("The cat", false)).containsOnlyKeys("the", "cat");
    }
}
