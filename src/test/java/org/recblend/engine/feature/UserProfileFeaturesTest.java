package org.recblend.engine.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.recblend.domain.IdIndex;
import org.recblend.domain.InteractionTable;
import org.recblend.engine.model.FloatMatrix;

class UserProfileFeaturesTest {

    @Test
    void aUserIsTheMeanOfTheirDistinctTrainingItems() {
        IdIndex users = IdIndex.of("ann", "bob", "cy");
        IdIndex items = IdIndex.of("a", "b", "c");
        InteractionTable train = InteractionTable.builder(users, items)
                .add(0, 0, 1f, InteractionTable.NO_TIME).add(0, 1, 1f, InteractionTable.NO_TIME)
                .add(0, 1, 5f, InteractionTable.NO_TIME) // a repeat counts once
                .add(1, 2, 1f, InteractionTable.NO_TIME).build();
        // the item features list the items in another order: rows are matched by id
        FeatureSet text = new FeatureSet(FeatureSet.Side.ITEM, IdIndex.of("c", "b", "a"),
                List.of(new FeatureBlock("text:t", List.of("0", "1"), new FloatMatrix(3, 2, new float[] {0, 9, 2, 0, 4, 2}))));
        FeatureSet profiles = UserProfileFeatures.of(text, train);
        assertThat(profiles.side()).isEqualTo(FeatureSet.Side.USER);
        assertThat(profiles.ids()).isEqualTo(users);
        FeatureBlock b = profiles.blocks().get(0);
        assertThat(b.name()).isEqualTo("profile:text:t");
        assertThat(b.columns()).containsExactly("profile:0", "profile:1");
        assertThat(b.values().data()).containsExactly(3, 1, 0, 9, 0, 0);
    }
}
