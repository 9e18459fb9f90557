package org.recblend.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class InteractionTableTest {
    private final IdIndex users = IdIndex.of("ann", "bob", "cid");
    private final IdIndex items = IdIndex.of("tea", "mug");

    private InteractionTable sample() {
        return InteractionTable.builder(users, items)
                .add(0, 0, 5f, 100).add(1, 0, 3f, 200).add(0, 1, 1f, InteractionTable.NO_TIME).add(2, 1, 4f, 50).build();
    }

    @Test
    void holdsRowsAsColumnsOverSharedIdSpaces() {
        InteractionTable t = sample();
        assertThat(t.size()).isEqualTo(4);
        assertThat(t.users().id(t.user(1))).isEqualTo("bob");
        assertThat(t.items().indexOf("mug")).isEqualTo(1);
        assertThat(t.items().indexOf("pot")).isEqualTo(-1);
        assertThat(t.userCounts()).containsExactly(2, 1, 1);
        assertThat(t.itemCounts()).containsExactly(2, 2);
        assertThat(t.hasTimestamps()).isFalse();
        assertThat(t.rowsByUser()[0]).containsExactly(0, 2);
        assertThat(t.rowsByItem()[1]).containsExactly(2, 3);
    }

    @Test
    void filteringAndSelectingKeepTheIdSpaces() {
        InteractionTable t = sample();
        InteractionTable high = t.filter(r -> t.weight(r) >= 3);
        assertThat(high.size()).isEqualTo(3);
        assertThat(high.users()).isSameAs(users);
        assertThat(high.distinctUsers()).isEqualTo(3);
        assertThat(high.distinctItems()).isEqualTo(2);
        InteractionTable picked = t.select(new int[] {3, 0});
        assertThat(picked.user(0)).isEqualTo(2);
        assertThat(picked.ts(1)).isEqualTo(100);
        assertThat(picked.hasTimestamps()).isTrue();
        assertThat(t.filter(r -> true)).isSameAs(t);
    }

    @Test
    void refusesIndicesOutsideTheIdSpaceAndDuplicateIds() {
        assertThatThrownBy(() -> InteractionTable.builder(users, items).add(3, 0, 1f, 0).build())
                .hasMessage("Row 0: user index 3 outside 0..2");
        assertThatThrownBy(() -> InteractionTable.of(users, items, new int[] {0}, new int[] {2}, new float[] {1}, null))
                .hasMessage("Row 0: item index 2 outside 0..1");
        assertThatThrownBy(() -> IdIndex.of("a", "b", "a")).hasMessage("Id 'a' occurs twice");
    }

    @Test
    void copiesWhatCallersPassIn() {
        int[] user = {0};
        InteractionTable t = InteractionTable.of(users, items, user, new int[] {1}, new float[] {2}, null);
        user[0] = 2;
        assertThat(t.user(0)).isZero();
        assertThat(t.ts(0)).isEqualTo(InteractionTable.NO_TIME);
    }

    @Test
    void aSplitNeedsOneIdSpace() {
        InteractionTable t = sample();
        InteractionTable other = InteractionTable.empty(IdIndex.of("zed"), items);
        assertThatThrownBy(() -> new Split(t, InteractionTable.empty(users, items), other))
                .hasMessage("The parts of a split must share one id space");
        Split s = new Split(t, InteractionTable.empty(users, items), t.filter(r -> r == 0));
        assertThat(s.hasValidation()).isFalse();
        assertThat(s.size()).isEqualTo(5);
    }

    @Test
    void survivesSerialisationWithItsIdLookup() throws Exception {
        InteractionTable t = sample();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(t);
        }
        InteractionTable back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (InteractionTable) in.readObject();
        }
        assertThat(back).isEqualTo(t);
        assertThat(back.users().indexOf("cid")).isEqualTo(2);
    }
}
