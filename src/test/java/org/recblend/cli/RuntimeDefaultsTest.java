package org.recblend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the installed program lets DJL and JavaFX unpack their natives, and that DJL is always offline. */
class RuntimeDefaultsTest {
    private static final List<String> KEYS = List.of("recblend.installed", "recblend.home", "DJL_CACHE_DIR", "ai.djl.offline",
            "javafx.cachedir", "jna.tmpdir");
    private final Map<String, String> saved = new HashMap<>();

    @TempDir
    Path home;

    @BeforeEach
    void save() {
        for (String key : KEYS) {
            saved.put(key, System.getProperty(key));
            System.clearProperty(key);
        }
        System.setProperty("recblend.home", home.toString());
    }

    @AfterEach
    void restore() {
        saved.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
    }

    @Test
    void theInstalledProgramKeepsDjlsCacheInTheWorkbenchHome() {
        System.setProperty("recblend.installed", "true");
        assertThat(RuntimeDefaults.apply(Map.of())).contains(home.resolve("djl"));
        assertThat(System.getProperty("DJL_CACHE_DIR")).isEqualTo(home.resolve("djl").toString());
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        assertThat(System.getProperty("javafx.cachedir")).isEqualTo(home.resolve("openjfx").toString());
        assertThat(System.getProperty("jna.tmpdir")).isEqualTo(home.resolve("jna").toString());
    }

    @Test
    void aCacheTheUserChoseIsKept() {
        System.setProperty("javafx.cachedir", "/data/fx");
        System.setProperty("recblend.installed", "true");
        assertThat(RuntimeDefaults.apply(Map.of("DJL_CACHE_DIR", "/data/djl"))).isEmpty();
        assertThat(System.getProperty("DJL_CACHE_DIR")).as("the environment variable wins; DJL reads it").isNull();
        System.setProperty("DJL_CACHE_DIR", "/data/other");
        assertThat(RuntimeDefaults.apply(Map.of())).isEmpty();
        assertThat(System.getProperty("DJL_CACHE_DIR")).isEqualTo("/data/other");
        assertThat(System.getProperty("javafx.cachedir")).isEqualTo("/data/fx");
    }

    @Test
    void aSourceCheckoutKeepsDjlsDefaultButIsOfflineToo() {
        assertThat(RuntimeDefaults.apply(Map.of())).isEmpty();
        assertThat(System.getProperty("DJL_CACHE_DIR")).isNull();
        assertThat(System.getProperty("javafx.cachedir")).isNull();
        assertThat(System.getProperty("jna.tmpdir")).isNull();
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        System.setProperty("ai.djl.offline", "false");
        RuntimeDefaults.apply(Map.of());
        assertThat(System.getProperty("ai.djl.offline")).as("an explicit choice is kept").isEqualTo("false");
    }
}
