package org.recblend.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShippedSampleTest {
    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty("recblend.samples");
    }

    @Test
    void theSamplesAreFoundInTheCheckoutOrWhereTheInstalledProgramSays() {
        assertThat(ShippedSample.samplesRoot()).isEqualTo(Path.of("sample-projects"));
        System.setProperty("recblend.samples", " " + dir + " ");
        assertThat(ShippedSample.samplesRoot()).isEqualTo(dir);
        System.setProperty("recblend.samples", "  ");
        assertThat(ShippedSample.samplesRoot()).isEqualTo(Path.of("sample-projects"));
    }

    @Test
    void aSampleIsPresentWithItsArchiveOrItsRecipe() throws Exception {
        assertThat(ShippedSample.RETAIL.presentIn(dir)).isFalse();
        Files.createDirectories(dir.resolve("retail/data"));
        Files.createDirectories(dir.resolve("cold-start"));
        Files.writeString(dir.resolve("cold-start/project.zip"), "zip");
        assertThat(ShippedSample.RETAIL.presentIn(dir)).isTrue();
        assertThat(ShippedSample.COLD_START.presentIn(dir)).isTrue();
        assertThat(ShippedSample.COLD_START.archive(dir)).isEqualTo(dir.resolve("cold-start/project.zip"));
        assertThat(ShippedSample.COLD_START.projectName()).isEqualTo("cold-start-sample");
    }

    @Test
    void namesAreOneFolderAndKnownOnesAreFound() {
        assertThat(ShippedSample.names()).containsExactly("retail", "cold-start");
        assertThat(ShippedSample.find("cold-start")).contains(ShippedSample.COLD_START);
        assertThat(ShippedSample.find("groceries")).isEmpty();
        assertThatThrownBy(() -> new ShippedSample("../x", "t", "d", SampleSpec.RETAIL_DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one folder name");
    }
}
