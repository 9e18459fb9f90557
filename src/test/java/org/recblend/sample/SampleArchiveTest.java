package org.recblend.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.store.ProjectException;
import org.recblend.store.ProjectPaths;
import org.recblend.store.ProjectStore;
import org.recblend.store.ProjectSummary;
import org.recblend.task.TaskMonitor;
import org.recblend.testutil.SmallSample;

class SampleArchiveTest {
    @TempDir
    static Path shared;
    static Path zip;

    @TempDir
    Path dir;

    /** A small sample project with a file in its artifacts folder, compacted and packed. */
    @BeforeAll
    static void packASmallProject() throws Exception {
        Path sample = SmallSample.write(shared.resolve("sample"));
        Path base = shared.resolve("small");
        SampleProject.build(sample, base, TaskMonitor.none());
        ProjectPaths paths = ProjectPaths.of(base);
        Files.createDirectories(paths.artifactsDir().resolve("cache"));
        Files.writeString(paths.artifactsDir().resolve("cache/abc.bin"), "cached output");
        ProjectStore.compact(base);
        zip = shared.resolve("project.zip");
        SampleArchive.pack(paths, zip);
    }

    @Test
    void unpacksUnderAnyNameWithItsArtifacts() throws Exception {
        ProjectPaths copy = SampleArchive.unpack(zip, dir.resolve("projects").resolve("mine"));
        assertThat(copy.databaseFile()).isEqualTo(dir.resolve("projects/mine.mv.db"));
        assertThat(Files.readString(copy.artifactsDir().resolve("cache/abc.bin"))).isEqualTo("cached output");
        assertThat(ProjectStore.schemaVersionOf(copy.base())).isEqualTo(ProjectStore.SCHEMA_VERSION);
        try (ProjectStore store = ProjectStore.open(copy.base())) {
            assertThat(ProjectSummary.of(store).dataset("retail").orElseThrow().users()).isEqualTo(SmallSample.SPEC.users());
        }
        try (var left = Files.list(dir.resolve("projects"))) {
            assertThat(left).as("no unpacking folder is left").extracting(p -> p.getFileName().toString())
                    .containsExactlyInAnyOrder("mine.mv.db", "mine.artifacts");
        }
    }

    @Test
    void packingTheSameFilesTwiceGivesTheSameBytes() throws Exception {
        ProjectPaths copy = SampleArchive.unpack(zip, dir.resolve("again"));
        Path second = dir.resolve("second.zip");
        SampleArchive.pack(copy, second);
        assertThat(Files.mismatch(zip, second)).isEqualTo(-1L);
    }

    @Test
    void anExistingProjectIsNeverOverwritten() throws Exception {
        Files.writeString(dir.resolve("taken.mv.db"), "mine");
        assertThatThrownBy(() -> SampleArchive.unpack(zip, dir.resolve("taken")))
                .isInstanceOf(ProjectException.class).hasMessageContaining("already exists");
        assertThat(Files.readString(dir.resolve("taken.mv.db"))).isEqualTo("mine");
    }

    @Test
    void aStaleArtifactsFolderOfADeletedProjectIsReplaced() throws Exception {
        Files.createDirectories(dir.resolve("p.artifacts/cache"));
        Files.writeString(dir.resolve("p.artifacts/cache/old.bin"), "stale");
        ProjectPaths copy = SampleArchive.unpack(zip, dir.resolve("p"));
        assertThat(copy.artifactsDir().resolve("cache/old.bin")).doesNotExist();
        assertThat(copy.artifactsDir().resolve("cache/abc.bin")).exists();
    }

    @Test
    void aMissingArchiveSaysWhere() {
        assertThatThrownBy(() -> SampleArchive.unpack(dir.resolve("none.zip"), dir.resolve("p")))
                .isInstanceOf(ProjectException.class).hasMessageContaining("No sample project archive at").hasMessageContaining("none.zip");
    }

    @Test
    void anEntryPointingOutsideTheProjectIsRefusedAndNothingIsLeft() throws Exception {
        Path evil = zip(dir.resolve("evil.zip"), "project.mv.db", "artifacts/../../escaped.txt");
        assertThatThrownBy(() -> SampleArchive.unpack(evil, dir.resolve("out/p")))
                .isInstanceOf(ProjectException.class).hasMessageContaining("points outside it");
        assertThat(dir.resolve("escaped.txt")).doesNotExist();
        assertThat(dir.resolve("out/p.mv.db")).doesNotExist();
        try (var left = Files.list(dir.resolve("out"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aZipThatIsNotASampleIsRefused() throws Exception {
        Path other = zip(dir.resolve("photos.zip"), "holiday.jpg");
        assertThatThrownBy(() -> SampleArchive.unpack(other, dir.resolve("p")))
                .isInstanceOf(ProjectException.class).hasMessageContaining("not a sample project archive");
        Path noDatabase = zip(dir.resolve("nodb.zip"), "artifacts/cache/x.bin");
        assertThatThrownBy(() -> SampleArchive.unpack(noDatabase, dir.resolve("q")))
                .isInstanceOf(ProjectException.class).hasMessageContaining("holds no project.mv.db");
        assertThat(dir.resolve("q.mv.db")).doesNotExist();
    }

    private static Path zip(Path file, String... entries) throws Exception {
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream out = new ZipOutputStream(os)) {
            for (String e : entries) {
                out.putNextEntry(new ZipEntry(e));
                out.write(e.getBytes());
                out.closeEntry();
            }
        }
        return file;
    }
}
