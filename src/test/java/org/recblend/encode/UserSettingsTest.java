package org.recblend.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user's settings file and where the API key comes from. */
class UserSettingsTest {
    private static final String KEY = "sk-file-0123456789abcdefXYZ";

    @TempDir
    Path dir;

    @Test
    void savesOwnerOnlyAndReadsBack() throws Exception {
        Path file = dir.resolve("home").resolve("settings.json");
        UserSettings s = UserSettings.load(file);
        assertThat(s.get(UserSettings.REMOTE_API_KEY)).isEmpty();

        s.with(UserSettings.REMOTE_API_KEY, KEY).with(UserSettings.REMOTE_MODEL, "text-embedding-3-small").save();
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        UserSettings back = UserSettings.load(file);
        assertThat(back.get(UserSettings.REMOTE_API_KEY)).contains(KEY);
        assertThat(back.get(UserSettings.REMOTE_MODEL)).contains("text-embedding-3-small");
        assertThat(back.toString()).doesNotContain(KEY).contains(UserSettings.REMOTE_API_KEY);
        assertThat(back.with(UserSettings.REMOTE_API_KEY, null).get(UserSettings.REMOTE_API_KEY)).isEmpty();
    }

    @Test
    void aBrokenFileNamesLineAndColumnButNotItsContent() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\n  \"remote.apiKey\": \"" + KEY + "\"\n  \"x\": 1\n}");
        assertThatThrownBy(() -> UserSettings.load(file)).isInstanceOf(EncoderException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("line 3, column")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
        Files.writeString(file, "[1, 2]");
        assertThatThrownBy(() -> UserSettings.load(file)).hasMessageContaining("must hold a JSON object");
    }

    @Test
    void theEnvironmentWinsOverTheSettingsFile() throws Exception {
        UserSettings file = UserSettings.load(dir.resolve("settings.json")).with(UserSettings.REMOTE_API_KEY, KEY);
        Map<String, String> env = Map.of("MY_KEY", "sk-env-abcdefgh12345678");

        ApiKey fromEnv = ApiKey.resolve("MY_KEY", env::get, file).orElseThrow();
        assertThat(fromEnv.reveal()).isEqualTo("sk-env-abcdefgh12345678");
        assertThat(fromEnv.origin()).isEqualTo("environment variable MY_KEY");
        assertThat(fromEnv.toString()).doesNotContain("abcdefgh");

        ApiKey fromFile = ApiKey.resolve("OTHER", env::get, file).orElseThrow();
        assertThat(fromFile.reveal()).isEqualTo(KEY);
        assertThat(fromFile.origin()).startsWith("settings file");
        assertThat(ApiKey.resolve(null, env::get, file.with(UserSettings.REMOTE_API_KEY, null))).isEmpty();
        assertThat(ApiKey.resolve("", Map.of(ApiKey.DEFAULT_ENV, "sk-default-0000111122")::get, file).orElseThrow().origin())
                .isEqualTo("environment variable OPENAI_API_KEY");
    }

    @Test
    void maskingHidesTheKeyAndEchoedPartsOfIt() {
        ApiKey k = ApiKey.of(KEY, "test");
        assertThat(k.mask("Bearer " + KEY)).isEqualTo("Bearer ****");
        assertThat(k.mask("Incorrect API key provided: sk-file-0123****XYZ.")).isEqualTo("Incorrect API key provided: ****");
        assertThat(k.mask("{\"key\":\"" + KEY.substring(3, 20) + "\"}")).doesNotContain(KEY.substring(3, 20));
        assertThat(k.mask("a plain sentence about embeddings at http://localhost:8080/v1")).isEqualTo("a plain sentence about embeddings at http://localhost:8080/v1");
        assertThat(ApiKey.isEnvName("OPENAI_API_KEY")).isTrue();
        assertThat(ApiKey.isEnvName(KEY)).isFalse();
    }
}
