package org.recblend.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectStoreTest {
    @TempDir
    Path dir;

    @Test
    void createsAProjectWithTheCurrentSchemaAndReopensIt() throws Exception {
        Path base = dir.resolve("shop");
        try (ProjectStore store = ProjectStore.create(base)) {
            assertThat(store.schemaVersion()).isEqualTo(ProjectStore.SCHEMA_VERSION);
            assertThat(store.info("app")).contains(ProjectStore.APP_NAME);
            store.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO datasets(name) VALUES ('d1')"));
        }
        assertThat(dir.resolve("shop.mv.db")).isRegularFile();
        assertThat(dir.resolve("shop.artifacts")).isDirectory();
        try (ProjectStore store = ProjectStore.open(dir.resolve("shop.mv.db"))) {
            assertThat(store.<Integer>read(c -> count(c, "datasets"))).isEqualTo(1);
        }
    }

    @Test
    void refusesToCreateOverAnExistingProject() throws Exception {
        ProjectStore.create(dir.resolve("p")).close();
        assertThatThrownBy(() -> ProjectStore.create(dir.resolve("p")))
                .isInstanceOf(ProjectException.class)
                .hasMessageContaining("already exists");
    }

    @Test
    void migratesAProjectWrittenByAnOlderSchemaOnOpen() throws Exception {
        try (ProjectStore old = ProjectStore.create(dir.resolve("old"), 1)) {
            assertThat(old.schemaVersion()).isEqualTo(1);
            assertThat(old.<Boolean>read(c -> tableExists(c, "RUNS"))).isFalse();
            old.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO datasets(name) VALUES ('kept')"));
        }
        try (ProjectStore store = ProjectStore.open(dir.resolve("old"))) {
            assertThat(store.schemaVersion()).isEqualTo(ProjectStore.SCHEMA_VERSION);
            assertThat(store.<Boolean>read(c -> tableExists(c, "RUNS"))).isTrue();
            assertThat(store.<Integer>read(c -> count(c, "datasets"))).isEqualTo(1);
        }
    }

    @Test
    void aSchema3ProjectGainsTheIndexOfBehaviourByUser() throws Exception {
        ProjectStore.create(dir.resolve("v3"), 3).close();
        try (ProjectStore store = ProjectStore.open(dir.resolve("v3"))) {
            assertThat(store.schemaVersion()).isEqualTo(4);
            long indexes = store.read(c -> {
                try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES"
                        + " WHERE INDEX_NAME = 'INTERACTIONS_USER'")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(indexes).isEqualTo(1);
        }
    }

    @Test
    void rejectsWrittenBeforeSchema3NameTheirSourcesFile() throws Exception {
        try (ProjectStore old = ProjectStore.create(dir.resolve("v2"), 2)) {
            old.inTransaction(c -> {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO datasets(id, name) VALUES (1, 'shop')");
                    st.executeUpdate("INSERT INTO sources(id, dataset_id, name, kind, file_name) VALUES (7, 1, 'r', 'BEHAVIOUR', '/data/ratings.csv')");
                    st.executeUpdate("INSERT INTO import_rejects(source_id, line_no, reason, raw_text) VALUES (7, 12, 'bad', 'u1,x')");
                }
                return null;
            });
        }
        try (ProjectStore store = ProjectStore.open(dir.resolve("v2"))) {
            assertThat(store.schemaVersion()).isEqualTo(ProjectStore.SCHEMA_VERSION);
            assertThat(org.recblend.ingest.RejectReport.of(store, 7).page(0, 10)).singleElement()
                    .satisfies(r -> {
                        assertThat(r.file()).isEqualTo("ratings.csv");
                        assertThat(r.line()).isEqualTo(12);
                    });
        }
    }

    @Test
    void theSchemaVersionOfAClosedFileIsReadWithoutMigratingIt() throws Exception {
        ProjectStore.create(dir.resolve("old"), 2).close();
        String before = sha256(dir.resolve("old.mv.db"));
        assertThat(ProjectStore.schemaVersionOf(dir.resolve("old"))).isEqualTo(2);
        assertThat(sha256(dir.resolve("old.mv.db"))).isEqualTo(before);
        assertThatThrownBy(() -> ProjectStore.schemaVersionOf(dir.resolve("absent")))
                .isInstanceOf(ProjectException.class).hasMessageContaining("absent.mv.db");
    }

    @Test
    void compactingShrinksAFileWithFreedSpaceAndKeepsItsRows() throws Exception {
        try (ProjectStore store = ProjectStore.create(dir.resolve("big"))) {
            store.inTransaction(c -> c.createStatement().executeUpdate(
                    "CREATE TABLE scratch AS SELECT X, REPEAT('x', 200) AS pad FROM SYSTEM_RANGE(1, 20000)"));
            store.inTransaction(c -> c.createStatement().executeUpdate("DROP TABLE scratch"));
            store.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO datasets(name) VALUES ('kept')"));
        }
        long before = Files.size(dir.resolve("big.mv.db"));
        ProjectStore.compact(dir.resolve("big"));
        assertThat(Files.size(dir.resolve("big.mv.db"))).isLessThan(before / 2);
        try (ProjectStore store = ProjectStore.open(dir.resolve("big"))) {
            assertThat(store.<Integer>read(c -> count(c, "datasets"))).isEqualTo(1);
        }
    }

    @Test
    void compactingAFileThatIsNotAProjectIsRefusedAndLeavesItUntouched() throws Exception {
        Path fake = dir.resolve("notes.mv.db");
        Files.writeString(fake, "not a database");
        assertThatThrownBy(() -> ProjectStore.compact(fake))
                .isInstanceOfSatisfying(ProjectException.class,
                        e -> assertThat(e.reason()).isEqualTo(ProjectException.Reason.NOT_A_PROJECT));
        assertThat(Files.readString(fake)).isEqualTo("not a database");
    }

    @Test
    void schemaVersionConstantMatchesTheNewestMigration() throws Exception {
        try (var files = Files.list(Path.of("resources/db/migration"))) {
            int newest = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
                    .max().orElseThrow();
            assertThat(ProjectStore.SCHEMA_VERSION).isEqualTo(newest);
        }
    }

    @Test
    void aMissingFileIsReportedAsNotFound() {
        assertThatThrownBy(() -> ProjectStore.open(dir.resolve("nothing-here")))
                .isInstanceOfSatisfying(ProjectException.class,
                        e -> assertThat(e.reason()).isEqualTo(ProjectException.Reason.NOT_FOUND))
                .hasMessageContaining("nothing-here.mv.db");
        assertThat(dir.resolve("nothing-here.mv.db")).doesNotExist();
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedAndLeftUntouched() throws Exception {
        Path fake = dir.resolve("notes.mv.db");
        Files.writeString(fake, "user,item,rating\n1,2,3\n".repeat(500));
        String before = sha256(fake);
        assertThatThrownBy(() -> ProjectStore.open(fake))
                .isInstanceOfSatisfying(ProjectException.class,
                        e -> assertThat(e.reason()).isEqualTo(ProjectException.Reason.NOT_A_PROJECT))
                .hasMessageContaining("notes.mv.db");
        assertThat(sha256(fake)).isEqualTo(before);
    }

    @Test
    void anH2DatabaseOfAnotherProgramIsRefusedAndLeftUntouched() throws Exception {
        Path other = dir.resolve("other");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + other, "sa", "")) {
            c.createStatement().execute("CREATE TABLE customers(id INT)");
        }
        Path file = dir.resolve("other.mv.db");
        String before = sha256(file);
        assertThatThrownBy(() -> ProjectStore.open(other))
                .isInstanceOfSatisfying(ProjectException.class,
                        e -> assertThat(e.reason()).isEqualTo(ProjectException.Reason.NOT_A_PROJECT))
                .hasMessageContaining("not a RecBlend project");
        assertThat(sha256(file)).isEqualTo(before);
    }

    @Test
    void aProjectFromANewerVersionIsRefusedAndLeftUntouched() throws Exception {
        Path base = dir.resolve("future");
        try (ProjectStore store = ProjectStore.create(base)) {
            store.inTransaction(c -> c.createStatement().executeUpdate(
                    "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", \"script\","
                            + " \"installed_by\", \"execution_time\", \"success\") VALUES (99, '7', 'future', 'SQL', 'V7__future.sql', 'sa', 1, TRUE)"));
        }
        String before = sha256(dir.resolve("future.mv.db"));
        assertThatThrownBy(() -> ProjectStore.open(base))
                .isInstanceOfSatisfying(ProjectException.class,
                        e -> assertThat(e.reason()).isEqualTo(ProjectException.Reason.TOO_NEW))
                .hasMessageContaining("newer RecBlend Workbench");
        assertThat(sha256(dir.resolve("future.mv.db"))).isEqualTo(before);
    }

    @Test
    void aProjectOpenInAnotherProcessIsReportedAsLocked() throws Exception {
        Path base = dir.resolve("shared");
        ProjectStore.create(base).close();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ProjectLockHolder.class.getName(), base.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.equals(ProjectLockHolder.READY)) {
                // skip log lines of the other process
            }
            assertThat(line).as("the other process opened the project").isEqualTo(ProjectLockHolder.READY);
            assertThatThrownBy(() -> ProjectStore.open(base))
                    .isInstanceOfSatisfying(ProjectException.class,
                            e -> assertThat(e.reason()).isEqualTo(ProjectException.Reason.LOCKED))
                    .hasMessageContaining("open in another program");
        } finally {
            holder.getOutputStream().close();
            holder.waitFor(10, TimeUnit.SECONDS);
            holder.destroyForcibly();
        }
        try (ProjectStore store = ProjectStore.open(base)) {
            assertThat(store.schemaVersion()).isEqualTo(ProjectStore.SCHEMA_VERSION);
        }
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() throws Exception {
        try (ProjectStore store = ProjectStore.create(dir.resolve("tx"))) {
            assertThatThrownBy(() -> store.inTransaction(c -> {
                c.createStatement().executeUpdate("INSERT INTO datasets(name) VALUES ('half')");
                throw new IllegalStateException("boom");
            })).hasMessage("boom");
            assertThat(store.<Integer>read(c -> count(c, "datasets"))).isZero();
        }
    }

    static int count(Connection c, String table) throws java.sql.SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static boolean tableExists(Connection c, String table) throws java.sql.SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", table, null)) {
            return rs.next();
        }
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

}
