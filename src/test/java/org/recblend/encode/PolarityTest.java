package org.recblend.encode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;
import org.recblend.task.TaskMonitor;

/** The lexicon and the zero-shot anchors tell liking from disliking, and leave plain descriptions near zero. */
class PolarityTest {
    static final List<String> LIKED = List.of("great", "excellent", "love it", "a masterpiece", "very funny",
            "highly recommended", "beautiful cinematography", "works perfectly, very happy");
    static final List<String> DISLIKED = List.of("terrible", "boring", "waste of money", "overrated",
            "bad acting", "predictable plot", "stopped working after a week, useless", "not funny");
    static final List<String> NEUTRAL = List.of("sci-fi", "time travel", "Tom Hanks", "based on a book", "1980s");

    private final LexiconPolarity lexicon = new LexiconPolarity();

    @Test
    void theLexiconRanksEveryLikedTextAboveEveryDislikedOne() {
        double[] liked = lexicon.score(LIKED, TaskMonitor.none());
        double[] disliked = lexicon.score(DISLIKED, TaskMonitor.none());
        assertThat(DoubleStream.of(liked).min().orElseThrow()).isGreaterThan(0.3);
        assertThat(DoubleStream.of(disliked).max().orElseThrow()).isLessThan(-0.3);
        assertThat(lexicon.score(NEUTRAL, TaskMonitor.none())).containsOnly(0.0);
        assertThat(DoubleStream.of(lexicon.score(List.of("great acting, superb story, loved every minute"), TaskMonitor.none())))
                .allSatisfy(s -> assertThat(s).isGreaterThan(lexicon.score("great")).isLessThanOrEqualTo(1));
    }

    @Test
    void negationIntensityAndButChangeTheScore() {
        assertThat(lexicon.score("not good")).isNegative();
        assertThat(lexicon.score("not bad at all")).isPositive();
        assertThat(lexicon.score("didn't enjoy it")).isNegative();
        assertThat(lexicon.score("very good")).isGreaterThan(lexicon.score("good"));
        assertThat(lexicon.score("slightly boring")).isGreaterThan(lexicon.score("boring")).isNegative();
        assertThat(lexicon.score("stupid but funny")).isPositive();
        assertThat(lexicon.score("funny but stupid")).isNegative();
        assertThat(lexicon.score("thought-provoking")).isPositive();
        assertThat(lexicon.score("")).isZero();
        assertThat(lexicon.score(null)).isZero();
    }

    @Test
    void minilmAnchorsTellLikedFromDislikedWithoutSharingTheirWords() throws Exception {
        try (TextEncoder minilm = TestModels.miniLm(true)) {
            AnchorPolarity anchors = new AnchorPolarity(minilm);
            assertThat(anchors.key()).startsWith("anchors@2:").contains("minilm");
            double[] liked = anchors.score(LIKED, TaskMonitor.none());
            double[] disliked = anchors.score(DISLIKED, TaskMonitor.none());
            double[] neutral = anchors.score(NEUTRAL, TaskMonitor.none());
            double meanLiked = DoubleStream.of(liked).average().orElseThrow();
            double meanDisliked = DoubleStream.of(disliked).average().orElseThrow();
            assertThat(meanLiked).isGreaterThan(0.2);
            assertThat(meanDisliked).isLessThan(-0.2);
            // the three the issue names, pairwise
            for (int p = 0; p < 3; p++) {
                for (int n = 0; n < 3; n++) {
                    assertThat(liked[p]).as(LIKED.get(p) + " vs " + DISLIKED.get(n)).isGreaterThan(disliked[n]);
                }
            }
            // plain topics stay near zero on average, far below the opinions (a bare "1980s" still leans negative)
            double opinion = Math.min(meanLiked, -meanDisliked);
            assertThat(opinion).isGreaterThan(0.4);
            assertThat(DoubleStream.of(neutral).map(Math::abs).average().orElseThrow()).as(java.util.Arrays.toString(neutral))
                    .isLessThan(0.15).isLessThan(opinion / 4);
        }
    }
}
