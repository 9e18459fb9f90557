package org.recblend.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Save as": an open project is copied to a new place with its rows and artifacts, and stays open. */
class ProjectCopyTest {
    @TempDir
    Path dir;

    @Test
    void copiesAnOpenProjectWithItsRowsAndArtifacts() throws Exception {
        try (ProjectStore store = ProjectStore.create(dir.resolve("original"))) {
            store.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO datasets(id, name) VALUES (1, 'movies')"));
            Files.writeString(store.artifactsDir().resolve("model.bin"), "weights");

            ProjectPaths copy = store.copyTo(dir.resolve("elsewhere").resolve("copy.mv.db"));

            assertThat(copy.databaseFile()).isEqualTo(dir.resolve("elsewhere").resolve("copy.mv.db").toAbsolutePath());
            assertThat(store.isClosed()).as("the original stays open").isFalse();
            store.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO datasets(id, name) VALUES (2, 'later')"));
            try (ProjectStore opened = ProjectStore.open(copy.base())) {
                assertThat(ProjectContents.of(opened).datasets()).extracting(ProjectContents.DatasetEntry::name)
                        .containsExactly("movies");
                assertThat(opened.artifactsDir().resolve("model.bin")).hasContent("weights");
            }
            assertThat(Files.list(copy.databaseFile().getParent()))
                    .as("no temporary backup zip is left behind")
                    .noneMatch(p -> p.getFileName().toString().endsWith(".zip"));
        }
    }

    @Test
    void refusesToOverwriteAnExistingProjectOrItself() throws Exception {
        ProjectStore.create(dir.resolve("taken")).close();
        try (ProjectStore store = ProjectStore.create(dir.resolve("original"))) {
            assertThatThrownBy(() -> store.copyTo(dir.resolve("taken")))
                    .isInstanceOfSatisfying(ProjectException.class,
                            e -> assertThat(e.reason()).isEqualTo(ProjectException.Reason.ALREADY_EXISTS))
                    .hasMessageContaining("taken.mv.db");
            assertThatThrownBy(() -> store.copyTo(store.databaseFile()))
                    .isInstanceOf(ProjectException.class)
                    .hasMessageContaining("this project's own file");
        }
    }
}
