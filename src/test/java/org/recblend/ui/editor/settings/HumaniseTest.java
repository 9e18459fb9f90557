package org.recblend.ui.editor.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.recblend.engine.model.HybridTowers;
import org.recblend.nodes.preprocess.RatingThreshold;

class HumaniseTest {
    @Test
    void componentNamesReadAsWords() {
        assertThat(Humanise.words("coldRidgeAuto")).isEqualTo("Cold ridge auto");
        assertThat(Humanise.words("minTrainRows")).isEqualTo("Min train rows");
        assertThat(Humanise.words("baseUrl")).isEqualTo("Base URL");
        assertThat(Humanise.words("apiKeyEnv")).isEqualTo("API key env");
        assertThat(Humanise.words("gmfDim")).isEqualTo("GMF dim");
        assertThat(Humanise.words("k")).isEqualTo("K");
        assertThat(Humanise.words("testShare")).isEqualTo("Test share");
        assertThat(Humanise.words("parseURLPath")).isEqualTo("Parse URL path");
    }

    @Test
    void enumConstantsReadAsWords() {
        assertThat(Humanise.constant(RatingThreshold.Mode.FILTER_AND_BINARISE)).isEqualTo("Filter and binarise");
        assertThat(Humanise.constant(HybridTowers.ColdTarget.ID_PART)).isEqualTo("ID part");
        assertThat(Humanise.words("MINILM")).isEqualTo("MiniLM");
    }

    @Test
    void secretsAreRecognisedByName() {
        assertThat(SecretPolicy.of("apiToken")).isEqualTo(SecretPolicy.SECRET);
        assertThat(SecretPolicy.of("password")).isEqualTo(SecretPolicy.SECRET);
        assertThat(SecretPolicy.of("apiKey")).isEqualTo(SecretPolicy.SECRET);
        assertThat(SecretPolicy.of("apiKeyEnv")).isEqualTo(SecretPolicy.SECRET_NAME);
        assertThat(SecretPolicy.of("template")).isEqualTo(SecretPolicy.PLAIN);
        assertThat(SecretPolicy.of("maxTokens")).isEqualTo(SecretPolicy.PLAIN);
        assertThat(SecretPolicy.of("folder")).isEqualTo(SecretPolicy.PLAIN);
        assertThat(SecretPolicy.SECRET_NAME.display("OPENAI_API_KEY")).isEqualTo("OPENAI_API_KEY");
        assertThat(SecretPolicy.SECRET_NAME.display("sk-proj-abc123")).isEqualTo(SecretPolicy.MASK);
    }
}
