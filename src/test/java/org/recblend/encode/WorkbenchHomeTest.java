package org.recblend.encode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The workbench's "cache folder" preference moves the extracted model files; without it they stay in the home. */
class WorkbenchHomeTest {
    @AfterEach
    void clear() {
        System.clearProperty(WorkbenchHome.CACHE_PROPERTY);
    }

    @Test
    void theCacheFolderIsTheHomeUnlessConfigured() {
        assertThat(WorkbenchHome.cacheDir()).isEqualTo(WorkbenchHome.dir());
        System.setProperty(WorkbenchHome.CACHE_PROPERTY, "/data/recblend-cache");
        assertThat(WorkbenchHome.cacheDir()).isEqualTo(Path.of("/data/recblend-cache"));
    }
}
