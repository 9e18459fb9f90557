package org.recblend.nodes.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.recblend.domain.IdIndex;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.Split;
import org.recblend.engine.TrainedModel;
import org.recblend.nodes.TestContext;
import org.recblend.nodes.evaluate.EvaluateModel;
import org.recblend.nodes.recommend.RecommendTopK;
import org.recblend.pipeline.NodeKindRegistry;
import org.recblend.pipeline.PortData;
import org.recblend.pipeline.PortTypes;
import org.recblend.pipeline.SettingsCodec;
import org.recblend.testutil.PlantedData;

class ClassicTrainNodesTest {

    @Test
    void kindsAreFoundByServiceLoader() {
        NodeKindRegistry registry = NodeKindRegistry.load();
        for (String id : List.of(TrainPopularity.ID, TrainItemKnn.ID, TrainEase.ID, RecommendTopK.ID, EvaluateModel.ID)) {
            assertThat(registry.find(id)).as(id).isPresent();
        }
    }

    @Test
    void easeNodeRefusesACatalogueThatDoesNotFitInMemory() {
        IdIndex users = IdIndex.numbered("u", 2);
        IdIndex items = IdIndex.numbered("i", 200_000);
        InteractionTable train = InteractionTable.builder(users, items).add(0, 0, 1, 0).add(1, 1, 1, 0).build();
        Split split = new Split(train, InteractionTable.empty(users, items), InteractionTable.empty(users, items));
        assertThatThrownBy(() -> new TrainEase().execute(new TrainEase.Settings(500), List.of(PortData.of(PortTypes.SPLIT, split)),
                new TestContext()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("EASE cannot train on 200,000 items")
                .hasMessageContaining("MB of memory are free");
    }

    @Test
    void trainedModelCarriesKindSettingsAndTime() throws Exception {
        Split split = PlantedData.generate(40, 30, 1).split();
        TrainedModel m = (TrainedModel) new TrainItemKnn().execute(new TrainItemKnn.Settings(7, 2.5),
                List.of(PortData.of(PortTypes.SPLIT, split)), new TestContext()).get(0).value();
        assertThat(m.kind()).isEqualTo("itemknn");
        assertThat(m.settings()).containsEntry("neighbours", 7).containsEntry("shrinkage", 2.5);
        assertThat(m.trainSeconds()).isPositive();
        assertThat(m.recommender().items()).isEqualTo(split.train().items());
    }

    @Test
    void settingsRoundTripThroughJson() throws Exception {
        TrainPopularity kind = new TrainPopularity();
        TrainPopularity.Settings s = new TrainPopularity.Settings(org.recblend.engine.classic.PopularityRecommender.Measure.WEIGHT_SUM);
        assertThat(SettingsCodec.fromJson(kind, 1, SettingsCodec.toJson(s))).isEqualTo(s);
        EvaluateModel eval = new EvaluateModel();
        assertThat(SettingsCodec.fromJson(eval, 1, SettingsCodec.toJson(eval.defaultSettings()))).isEqualTo(eval.defaultSettings());
        assertThat(SettingsCodec.fromJson(new TrainEase(), 1, null)).isEqualTo(new TrainEase.Settings(500));
    }
}
