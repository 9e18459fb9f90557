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
                "preprocess.split.coldstart");
        assertThat(registry.all().get(0).descriptor().stage()).isEqualTo(Stage.COLLECT);
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
