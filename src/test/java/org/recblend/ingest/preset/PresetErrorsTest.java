package org.recblend.ingest.preset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.ingest.ImportException;
import org.recblend.ingest.ProjectFixture;
import org.recblend.store.ProjectStore;
import org.recblend.task.TaskMonitor;

/** Mistakes a user can make with presets, on folders the test writes. */
class PresetErrorsTest {
    @TempDir
    Path dir;

    @Test
    void presetsAreListedWithIdAndDescription() {
        assertThat(Presets.all()).extracting(Preset::id).containsExactly("movielens-100k", "movielens-latest-small",
                "lastfm-hetrec", "filmtrust", "recbole-atomic", "ml-100k-plots");
        assertThat(Presets.all()).allSatisfy(p -> assertThat(p.description()).isNotBlank());
    }

    @Test
    void unknownPresetMissingFolderAndMissingFile() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("ml"));
        Files.writeString(folder.resolve("u.data"), "1\t2\t3\t4\n");
        try (ProjectStore store = ProjectFixture.create(dir)) {
            assertThatThrownBy(() -> PresetImporter.importFolder(store, "movielens-1b", folder, null, TaskMonitor.none()))
                    .isInstanceOf(ImportException.class)
                    .hasMessageStartingWith("Unknown preset 'movielens-1b'; known presets: movielens-100k, ");
            assertThatThrownBy(() -> PresetImporter.importFolder(store, "movielens-100k", dir.resolve("nope"), null, TaskMonitor.none()))
                    .hasMessage("The folder " + dir.resolve("nope") + " does not exist");
            assertThatThrownBy(() -> PresetImporter.importFolder(store, "movielens-100k", folder, null, TaskMonitor.none()))
                    .hasMessageStartingWith("The folder " + folder + " has no u.item: the preset movielens-100k reads u.data");
            assertThatThrownBy(() -> PresetImporter.importFolder(store, "recbole-atomic", folder, null, TaskMonitor.none()))
                    .hasMessageContaining("has no RecBole atomic files");
            assertThat(ProjectFixture.tableCounts(store).values()).allMatch(n -> n == 0);
        }
    }

    @Test
    void aBadPartRollsBackTheWholePreset() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("filmtrust"));
        Files.writeString(folder.resolve("ratings.txt"), "1 1 2\n1 2 4\n");
        Files.writeString(folder.resolve("trust.txt"), "");
        try (ProjectStore store = ProjectFixture.create(dir)) {
            assertThatThrownBy(() -> PresetImporter.importFolder(store, "filmtrust", folder, "ft", TaskMonitor.none()))
                    .hasMessage("trust.txt is empty");
            assertThat(ProjectFixture.tableCounts(store).values()).allMatch(n -> n == 0);
        }
    }

    @Test
    void recBoleFileWithoutTypedHeader() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("rb"));
        Files.writeString(folder.resolve("x.inter"), "user_id\titem_id\n1\t2\n");
        try (ProjectStore store = ProjectFixture.create(dir)) {
            assertThatThrownBy(() -> PresetImporter.importFolder(store, "recbole-atomic", folder, null, TaskMonitor.none()))
                    .hasMessageStartingWith("x.inter, line 1: not a RecBole atomic header");
        }
    }
}
