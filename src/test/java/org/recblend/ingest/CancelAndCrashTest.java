package org.recblend.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.DoubleAdder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.domain.ColumnRole;
import org.recblend.domain.SourceKind;
import org.recblend.ingest.bench.ImportBenchmark;
import org.recblend.ingest.read.FileFormat;
import org.recblend.store.ProjectStore;
import org.recblend.task.CancellableMonitor;
import org.recblend.task.CancelledException;
import org.recblend.task.TaskMonitor;

/**
 * An import of a million rows stopped half way, by a cancel or by the process dying, leaves the
 * project exactly as it was: same table counts, same rows, the earlier source intact.
 */
class CancelAndCrashTest {
    private static final int ROWS = 1_000_000;
    /** The earlier source: large enough to show it survives intact (and to get the JIT going). */
    private static final int EARLIER_ROWS = 100_000;
    /** The child process starts cold; a smaller file keeps the crash test short. */
    private static final int CRASH_ROWS = 200_000;
    private static final int CRASH_EARLIER_ROWS = 10_000;

    @TempDir
    static Path shared;
    @TempDir
    Path dir;
    private static Path million;
    private static Path earlier;

    @BeforeAll
    static void generate() throws Exception {
        million = shared.resolve("million.csv");
        ImportBenchmark.generate(million, ROWS, 42);
        earlier = shared.resolve("earlier.csv");
        ImportBenchmark.generate(earlier, EARLIER_ROWS, 7);
    }

    static ImportSpec spec(String source) {
        return ImportSpec.of("shop", source, SourceKind.BEHAVIOUR, FileFormat.csv(), List.of(
                ColumnMapping.named("user_id", ColumnRole.USER_ID), ColumnMapping.named("item_id", ColumnRole.ITEM_ID),
                ColumnMapping.named("rating", ColumnRole.RATING), ColumnMapping.named("timestamp", ColumnRole.TIMESTAMP)));
    }

    private static void importEarlierSource(ProjectStore store, Path file) throws Exception {
        new Importer(store).run(spec("earlier"), file, TaskMonitor.none());
    }

    @Test
    void cancelHalfWayThroughAMillionRowsLeavesTheProjectAsItWas() throws Exception {
        try (ProjectStore store = ProjectFixture.create(dir)) {
            importEarlierSource(store, earlier);
            Map<String, String> before = ProjectFixture.fingerprint(store);
            List<SourceInfo> sourcesBefore = SourceInfo.list(store);

            AtomicReference<CancellableMonitor> self = new AtomicReference<>();
            DoubleAdder cancelledAt = new DoubleAdder();
            CancellableMonitor monitor = new CancellableMonitor((fraction, message) -> {
                if (fraction > 0.5 && !self.get().isCancelled()) {
                    cancelledAt.add(fraction);
                    self.get().cancel();
                }
            }, line -> { });
            self.set(monitor);

            assertThrows(CancelledException.class, () -> new Importer(store).run(spec("million"), million, monitor));
            assertThat(cancelledAt.sum()).isBetween(0.5, 0.6);
            assertThat(ProjectFixture.fingerprint(store)).isEqualTo(before);
            assertThat(SourceInfo.list(store)).isEqualTo(sourcesBefore);
            assertThat(sourcesBefore).singleElement().satisfies(s -> assertThat(s.rowsAccepted()).isEqualTo(EARLIER_ROWS));
        }
    }

    @Test
    void processDyingHalfWayLeavesTheProjectAsItWas() throws Exception {
        Path project = dir.resolve("project");
        Map<String, String> before;
        Path small = dir.resolve("earlier-small.csv");
        ImportBenchmark.generate(small, CRASH_EARLIER_ROWS, 8);
        try (ProjectStore store = ProjectStore.create(project)) {
            importEarlierSource(store, small);
            before = ProjectFixture.fingerprint(store);
        }
        Path file = dir.resolve("crash.csv");
        ImportBenchmark.generate(file, CRASH_ROWS, 9);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                CrashingImport.class.getName(), project.toString(), file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(Files.readString(dir.resolve("child.log"))).isEqualTo(CrashingImport.EXIT_CODE);

        try (ProjectStore store = ProjectStore.open(project)) {
            assertThat(ProjectFixture.fingerprint(store)).isEqualTo(before);
            assertThat(ProjectFixture.count(store, "SELECT COUNT(*) FROM interactions")).isEqualTo(CRASH_EARLIER_ROWS);
        }
    }

    /** Runs in a child process: imports and kills the JVM (no shutdown hooks, no cleanup) half way. */
    public static final class CrashingImport {
        static final int EXIT_CODE = 42;

        public static void main(String[] args) throws Exception {
            ProjectStore store = ProjectStore.open(Path.of(args[0]));
            CancellableMonitor monitor = new CancellableMonitor((fraction, message) -> {
                if (fraction > 0.5 && fraction < 1) {
                    Runtime.getRuntime().halt(EXIT_CODE);
                }
            }, line -> { });
            new Importer(store).run(spec("million"), Path.of(args[1]), monitor);
            System.exit(1); // not reached when the import reports progress
        }
    }
}
