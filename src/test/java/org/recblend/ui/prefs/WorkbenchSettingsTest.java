package org.recblend.ui.prefs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.encode.UserSettings;

/** The workbench's entries in the user's settings file, beside (and without touching) the API key. */
class WorkbenchSettingsTest {
    @TempDir
    Path dir;

    @Test
    void preferencesAndRecentProjectsSurviveARereadAndTheApiKeyEntryIsKept() throws Exception {
        UserSettings.load(dir.resolve("settings.json")).with(UserSettings.REMOTE_API_KEY, "sk-kept").save();
        WorkbenchSettings settings = WorkbenchSettings.in(dir);
        Preferences p = new Preferences(2, "/data/cache", "https://api.example.com", "m", "MY_KEY", Theme.DARK);

        settings.savePreferences(p);
        settings.saveRecentProjects(List.of(Path.of("/p/b.mv.db"), Path.of("/p/a.mv.db")));

        WorkbenchSettings reread = WorkbenchSettings.in(dir);
        assertThat(reread.preferences()).isEqualTo(p);
        assertThat(reread.recentProjects()).containsExactly(Path.of("/p/b.mv.db"), Path.of("/p/a.mv.db"));
        assertThat(UserSettings.load(dir.resolve("settings.json")).get(UserSettings.REMOTE_API_KEY)).hasValue("sk-kept");
    }

    @Test
    void nothingSavedGivesTheDefaults() {
        WorkbenchSettings settings = WorkbenchSettings.in(dir);
        assertThat(settings.preferences()).isEqualTo(Preferences.defaults());
        assertThat(settings.recentProjects()).isEmpty();
    }

    @Test
    void inMemorySettingsWriteNoFile() {
        WorkbenchSettings settings = WorkbenchSettings.inMemory();
        settings.saveRecentProjects(List.of(Path.of("/p/a.mv.db")));
        assertThat(settings.recentProjects()).containsExactly(Path.of("/p/a.mv.db"));
        assertThat(settings.file()).doesNotExist();
    }

    @Test
    void aBrokenSettingsFileGivesAClearMessage() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{ \"remote.apiKey\": \"sk-secret\", ");
        assertThatThrownBy(() -> WorkbenchSettings.in(dir).preferences())
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("is not valid JSON").hasMessageContaining("fix or delete it")
                .hasMessageNotContaining("sk-secret");
    }

    @Test
    void badPreferencesAreExplained() throws Exception {
        Path file = Files.createFile(dir.resolve("a-file"));
        Preferences bad = new Preferences(0, file.toString(), "ftp://x", "", "sk-123456789", Theme.LIGHT);
        assertThat(bad.problems())
                .anySatisfy(m -> assertThat(m).contains("Threads for compute must be between 1 and 256, not 0"))
                .anySatisfy(m -> assertThat(m).contains("is a file, not a folder"))
                .anySatisfy(m -> assertThat(m).contains("must start with http:// or https://"))
                .anySatisfy(m -> assertThat(m).contains("Enter the model name"))
                .anySatisfy(m -> assertThat(m).contains("not the key itself"))
                .noneSatisfy(m -> assertThat(m).contains("sk-123456789"));
        assertThat(new Preferences(4, "relative/cache", "https://a.b", "m", "K", Theme.LIGHT).problems())
                .singleElement().asString().contains("must be a full path");
        assertThat(Preferences.defaults().problems()).isEmpty();
    }
}
