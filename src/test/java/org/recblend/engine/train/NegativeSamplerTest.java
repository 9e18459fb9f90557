package org.recblend.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.recblend.domain.IdIndex;
import org.recblend.domain.InteractionTable;

class NegativeSamplerTest {
    /** User 0 has items 0..7 of 10; user 1 has item 9; item 9 is far more popular than the rest. */
    private static InteractionTable table() {
        InteractionTable.Builder b = InteractionTable.builder(IdIndex.numbered("u", 12), IdIndex.numbered("i", 10));
        for (int i = 0; i < 8; i++) {
            b.add(0, i, 1, InteractionTable.NO_TIME);
        }
        for (int u = 1; u < 12; u++) {
            b.add(u, 9, 1, InteractionTable.NO_TIME);
        }
        return b.build();
    }

    @Test
    void negativesAreNeverTrainingItemsAndRepeatWithTheSeed() {
        for (SamplerKind kind : SamplerKind.values()) {
            NegativeSampler s = NegativeSampler.of(kind, table());
            SplittableRandom r1 = new SplittableRandom(4);
            SplittableRandom r2 = new SplittableRandom(4);
            SplittableRandom r3 = new SplittableRandom(5);
            for (int k = 0; k < 2000; k++) {
                int n = s.sample(0, r1);
                assertThat(n).isIn(8, 9);
                assertThat(s.sample(0, r2)).isEqualTo(n);
                assertThat(s.sample(1, r3)).isBetween(0, 8);
            }
        }
    }

    @Test
    void popularitySamplingFavoursPopularItems() {
        NegativeSampler uniform = NegativeSampler.of(SamplerKind.UNIFORM, table());
        NegativeSampler popular = NegativeSampler.of(SamplerKind.POPULARITY, table());
        SplittableRandom r = new SplittableRandom(1);
        int uniform9 = 0;
        int popular9 = 0;
        for (int k = 0; k < 5000; k++) {
            uniform9 += uniform.sample(0, r) == 9 ? 1 : 0;
            popular9 += popular.sample(0, r) == 9 ? 1 : 0;
        }
        // Uniform over {8, 9}: about half. By popularity (11 vs 0 rows): item 8 has weight 0, so always 9.
        assertThat(uniform9).isBetween(2200, 2800);
        assertThat(popular9).isEqualTo(5000);
    }
}
