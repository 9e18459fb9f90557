package org.recblend.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.recblend.pipeline.NodeKind;
import org.recblend.pipeline.NodeKindRegistry;
import org.recblend.pipeline.NodeSettings;
import org.recblend.pipeline.SettingsCodec;
import org.recblend.pipeline.Stage;

class BuiltInKindsTest {
    private final NodeKindRegistry registry = NodeKindRegistry.load();

    @Test
    void theServiceLoaderFindsEveryShippedKind() {
        assertThat(registry.all()).extracting(k -> k.descriptor().id()).containsExactlyInAnyOrder(
                "collect.dataset", "preprocess.threshold", "preprocess.kcore", "preprocess.dedup",
                "preprocess.split.random", "preprocess.split.temporal", "preprocess.split.leavelast",
                "preprocess.split.coldstart",
                "encode.text.minilm", "encode.text.onnx", "encode.text.tfidf",
                "encode.text.remote", "encode.sentiment",
                "fuse.features",
                "fuse.social",
                "train.popularity", "train.itemknn", "train.ease", "train.bpr", "train.neumf", "train.hybrid",
                "recommend.topk", "evaluate.ranking",
                "encode.social", "encode.context");
        assertThat(registry.all().get(0).descriptor().stage()).isEqualTo(Stage.COLLECT);
    }

    @Test
    void aBadEnumInStoredSettingsIsNamedWithItsPlace() {
        var kind = registry.find("collect.dataset").orElseThrow();
        var json = SettingsCodec.toJson(kind.defaultSettings());
        json.putArray("parts").add("INTERACTIONS").add("RATINGS");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SettingsCodec.fromJson(kind, 1, json))
                .hasMessage("Setting 'parts[1]' cannot be RATINGS: expected one of INTERACTIONS, ITEMS, USERS, SOCIAL, TEXTS");
    }

    @Test
    void defaultSettingsRoundTripThroughJsonAndPreprocessDefaultsAreValid() throws Exception {
        for (NodeKind<?> kind : registry.all()) {
            NodeSettings defaults = kind.defaultSettings();
            NodeSettings back = SettingsCodec.fromJson(kind, kind.settingsVersion(), SettingsCodec.toJson(defaults));
            assertThat(back).as(kind.descriptor().id()).isEqualTo(defaults);
            assertThat(kind.descriptor().help()).isNotBlank();
            if (kind.descriptor().stage() == Stage.PREPROCESS) {
                defaults.validate();
            }
        }
    }
}
