package org.recblend.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongIntMapTest {
    @Test
    void agreesWithAHashMapThroughManyGrowths() {
        LongIntMap map = new LongIntMap(4);
        Map<Long, Integer> reference = new HashMap<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            long key = random.nextLong(-50_000, 50_000);
            if (random.nextBoolean()) {
                map.put(key, i);
                reference.put(key, i);
            } else {
                Integer before = reference.putIfAbsent(key, i);
                assertThat(map.putIfAbsent(key, i, -1)).isEqualTo(before == null ? -1 : before);
            }
        }
        assertThat(map.size()).isEqualTo(reference.size());
        reference.forEach((k, v) -> assertThat(map.get(k, -1)).isEqualTo(v));
        assertThat(map.get(60_000, -7)).isEqualTo(-7);
    }

    @Test
    void pairKeysKeepUserAndItemApart() {
        assertThat(LongIntMap.pair(1, 2)).isNotEqualTo(LongIntMap.pair(2, 1));
        assertThat(LongIntMap.pair(0, 0)).isNotEqualTo(Long.MIN_VALUE);
        assertThatThrownBy(() -> new LongIntMap(1).put(Long.MIN_VALUE, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
