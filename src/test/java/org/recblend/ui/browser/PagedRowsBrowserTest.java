package org.recblend.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.recblend.store.browse.TablePage;
import org.recblend.ui.task.CurrentThreadTaskExecutor;
import org.recblend.ui.task.TaskExecutor;

/** The virtual list behind the browser's table, over a fake table whose key of row i is 10 * i. */
class PagedRowsBrowserTest {
    private final List<String> reads = new ArrayList<>();
    private final List<Throwable> errors = new ArrayList<>();

    private TablePage read(long offset, int limit, PagedRows.Anchor anchor, long size) {
        reads.add(anchor == null ? "offset " + offset : "after key " + anchor.key() + " skip " + (offset - anchor.offset()));
        List<Object[]> rows = new ArrayList<>();
        for (long i = offset; i < Math.min(size, offset + limit); i++) {
            rows.add(new Object[] {"row " + i});
        }
        return new TablePage(offset, rows, rows.isEmpty() ? -1 : 10 * (offset + rows.size() - 1));
    }

    private PagedRows rows(long size, TaskExecutor executor) {
        return new PagedRows(size, 100, 3, (offset, limit, anchor) -> read(offset, limit, anchor, size), executor, errors::add);
    }

    @Test
    void readsOnlyThePagesAskedForAndKeepsABoundedNumber() {
        PagedRows rows = rows(1_000_000, new CurrentThreadTaskExecutor());
        assertThat(rows).hasSize(1_000_000);
        assertThat(rows.get(0).values()).containsExactly("row 0");
        assertThat(rows.get(99).values()).containsExactly("row 99");
        assertThat(rows.get(250).values()).containsExactly("row 250");
        assertThat(rows.get(999_999).values()).containsExactly("row 999999");
        assertThat(rows.loads()).isEqualTo(3);
        for (int i = 0; i < 1_000_000; i += 1000) {
            rows.get(i);
            assertThat(rows.cachedPages()).isLessThanOrEqualTo(3);
        }
        assertThat(errors).isEmpty();
    }

    @Test
    void scrollingDownReadsEachPageOnFromTheLastKeyOfThePageBefore() {
        PagedRows rows = rows(450, new CurrentThreadTaskExecutor());
        for (int i = 0; i < 450; i += 50) {
            rows.get(i);
        }
        assertThat(reads).containsExactly("offset 0", "after key 990 skip 0", "after key 1990 skip 0",
                "after key 2990 skip 0", "after key 3990 skip 0");
        reads.clear();
        rows.get(0);
        assertThat(reads).as("page 0 was forgotten and is read again").containsExactly("offset 0");
        assertThat(rows.get(449).values()).containsExactly("row 449");
    }

    @Test
    void aJumpReadsOnFromTheNearestPageSeenBefore() {
        PagedRows rows = rows(10_000, new CurrentThreadTaskExecutor());
        rows.get(150);
        rows.get(5_000);
        assertThat(reads).containsExactly("offset 100", "after key 1990 skip 4800");
        assertThat(rows.get(5_000).values()).containsExactly("row 5000");
    }

    @Test
    void aPageScrolledPastBeforeItsTurnIsNeverRead() {
        List<Runnable> queued = new ArrayList<>();
        TaskExecutor later = new TaskExecutor() {
            @Override
            public <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                queued.add(() -> {
                    try {
                        onSuccess.accept(work.call());
                    } catch (Exception e) {
                        onFailure.accept(e);
                    }
                });
            }

            @Override
            public void shutdown() {
            }
        };
        PagedRows rows = rows(10_000, later);
        for (int page = 0; page < 6; page++) {
            assertThat(rows.get(page * 100).values()).as("loading").isNull();
        }
        queued.forEach(Runnable::run);
        assertThat(reads).as("pages 0-2 were evicted by 3-5 before being read").hasSize(3);
        assertThat(rows.get(500).values()).containsExactly("row 500");
    }

    @Test
    void aFailedReadIsReportedAndARowOutsideTheTableIsRefused() {
        PagedRows failing = new PagedRows(10, 5, 2, (o, l, a) -> {
            throw new IllegalStateException("Project p is closed");
        }, new CurrentThreadTaskExecutor(), errors::add);
        assertThat(failing.get(3).values()).isNull();
        assertThat(errors).singleElement().extracting(Throwable::getMessage).isEqualTo("Project p is closed");
        assertThatThrownBy(() -> failing.get(10)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
