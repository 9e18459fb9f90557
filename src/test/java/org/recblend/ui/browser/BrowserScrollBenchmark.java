package org.recblend.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.store.ProjectStore;
import org.recblend.store.browse.TableKind;
import org.recblend.ui.task.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Scrolls the data browser through a 1M-row behaviour table from top to bottom, headless, with
 * pages read in the background, and prints the heap in use after a GC every 100k rows and the
 * page read times: the heap must stay flat. Run with
 * {@code mvn -o -q test -Dtest.excludedGroups=none -Dtest=BrowserScrollBenchmark}.
 */
@Tag("benchmark")
@ExtendWith(ApplicationExtension.class)
class BrowserScrollBenchmark {
    private static final int ROWS = 1_000_000;
    private static final int STEP = 1_000;
    private static final int REPORT_EVERY = 100_000;

    @TempDir
    Path dir;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void memoryStaysFlatWhileScrollingAMillionRows(FxRobot robot) throws Exception {
        FxTaskExecutor executor = new FxTaskExecutor();
        try (ProjectStore store = ProjectStore.create(dir.resolve("big"))) {
            long built = System.nanoTime();
            fill(store);
            System.out.printf(Locale.US, "built %,d interactions in %.1f s%n", ROWS, (System.nanoTime() - built) / 1e9);

            DataBrowserView[] view = new DataBrowserView[1];
            robot.interact(() -> {
                view[0] = DataBrowserView.open(store, executor, "big", "events", TableKind.BEHAVIOUR);
                stage.setScene(new Scene((javafx.scene.Parent) view[0].root(), 1000, 700));
                stage.show();
            });
            DataBrowserViewModel vm = view[0].viewModel();
            WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, () -> vm.rowsProperty().get() != null);
            PagedRows rows = vm.rowsProperty().get();
            assertThat(rows).hasSize(ROWS);
            AtomicLong loads = new AtomicLong();
            AtomicLong nanos = new AtomicLong();
            AtomicLong max = new AtomicLong();
            rows.setLoadListener((page, took) -> {
                loads.incrementAndGet();
                nanos.addAndGet(took);
                max.accumulateAndGet(took, Math::max);
            });
            TableView<BrowserRow> table = view[0].table();

            System.out.println("   row    used heap after GC   page reads   mean read   max read   cached pages");
            long start = System.nanoTime();
            long firstHeap = -1;
            long lastHeap = 0;
            for (int row = 0; row < ROWS; row += STEP) {
                int target = row;
                robot.interact(() -> table.scrollTo(target));
                waitLoaded(rows, target);
                if (row % REPORT_EVERY == 0 || row + STEP >= ROWS) {
                    lastHeap = usedAfterGc();
                    firstHeap = firstHeap < 0 ? lastHeap : firstHeap;
                    long n = loads.getAndSet(0);
                    System.out.printf(Locale.US, "%,9d   %8.1f MB            %5d      %6.1f ms  %6.1f ms   %d%n", row, lastHeap / 1e6,
                            n, n == 0 ? 0 : nanos.getAndSet(0) / 1e6 / n, max.getAndSet(0) / 1e6, rows.cachedPages());
                }
            }
            int last = ROWS - 1;
            robot.interact(() -> table.scrollTo(last));
            waitLoaded(rows, last);
            System.out.printf(Locale.US, "scrolled %,d rows in %.1f s; last row %s%n", ROWS, (System.nanoTime() - start) / 1e9,
                    java.util.Arrays.toString(rows.get(last).values()));
            assertThat(rows.cachedPages()).isLessThanOrEqualTo(DataBrowserViewModel.CACHED_PAGES);
            assertThat(lastHeap - firstHeap).as("heap growth while scrolling").isLessThan(50_000_000L);
        } finally {
            executor.shutdown();
        }
    }

    private static void waitLoaded(PagedRows rows, int row) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!WaitForAsyncUtils.asyncFx(() -> rows.get(row).values() != null).get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("row " + row + " was not loaded in 30 s");
            }
            Thread.sleep(1);
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /** One dataset, 20k users, 5k items and a million interactions, inserted by H2 itself. */
    private static void fill(ProjectStore store) {
        store.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO datasets(id, name) VALUES (1, 'big')");
                s.executeUpdate("INSERT INTO sources(id, dataset_id, name, kind, rows_read, rows_accepted)"
                        + " VALUES (1, 1, 'events', 'BEHAVIOUR', " + ROWS + ", " + ROWS + ")");
                s.executeUpdate("INSERT INTO users(id, dataset_id, ext_id) SELECT X, 1, 'u' || X FROM SYSTEM_RANGE(1, 20000)");
                s.executeUpdate("INSERT INTO items(id, dataset_id, ext_id) SELECT X, 1, 'i' || X FROM SYSTEM_RANGE(1, 5000)");
                s.executeUpdate("INSERT INTO interactions(source_id, user_id, item_id, weight, event_type, ts, context)"
                        + " SELECT 1, MOD(X * 7919, 20000) + 1, MOD(X * 104729, 5000) + 1, MOD(X, 5) + 1, 'view',"
                        + " 1700000000 + X * 37, '{\"device\":\"' || CASE MOD(X, 3) WHEN 0 THEN 'phone' WHEN 1 THEN 'web' ELSE 'tv' END || '\"}'"
                        + " FROM SYSTEM_RANGE(1, " + ROWS + ")");
            }
            return null;
        });
    }
}
