package org.recblend.ui.browser;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.ObservableListBase;
import org.recblend.store.browse.TablePage;
import org.recblend.ui.task.TaskExecutor;

/**
 * The rows of a table too large to hold: a list of the table's full size whose elements exist
 * only for the pages near what the table view shows. Asking for a row creates its page's
 * placeholder rows and reads the page off the JavaFX thread; a bounded LRU cache forgets pages
 * scrolled away from, so memory stays flat however far the user scrolls. A page is read on from
 * the last key of the nearest page read before it (keyset paging), so scrolling never makes the
 * database skip rows again. Use on the JavaFX thread only.
 */
public final class PagedRows extends ObservableListBase<BrowserRow> {
    /** Reads rows {@code offset..offset+limit-1}, from the given anchor when there is one. */
    @FunctionalInterface
    public interface PageSource {
        TablePage read(long offset, int limit, Anchor anchor) throws Exception;
    }

    /** The row at {@code offset - 1} has key {@code key}; null anchor: skip rows from the start. */
    public record Anchor(long offset, long key) {
    }

    /** Told after every page read, with how long it took (for the status bar and the benchmark). */
    @FunctionalInterface
    public interface LoadListener {
        void pageLoaded(int page, long nanos);
    }

    private static final long UNKNOWN = Long.MIN_VALUE;

    private final int size;
    private final int pageSize;
    private final PageSource source;
    private final TaskExecutor executor;
    private final Consumer<Throwable> onError;
    private final long[] lastKeys;
    private final Map<Integer, Page> pages;
    private LoadListener loadListener = (page, nanos) -> { };
    private long loads;

    private static final class Page {
        final BrowserRow[] rows;
        volatile boolean evicted;

        Page(int first, int count) {
            rows = new BrowserRow[count];
            for (int i = 0; i < count; i++) {
                rows[i] = new BrowserRow((long) first + i);
            }
        }
    }

    public PagedRows(long size, int pageSize, int cachedPages, PageSource source, TaskExecutor executor,
                     Consumer<Throwable> onError) {
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("A table view shows at most " + Integer.MAX_VALUE + " rows");
        }
        this.size = (int) size;
        this.pageSize = pageSize;
        this.source = source;
        this.executor = executor;
        this.onError = onError;
        this.lastKeys = new long[(this.size + pageSize - 1) / pageSize];
        Arrays.fill(lastKeys, UNKNOWN);
        this.pages = new LinkedHashMap<>(cachedPages * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Page> eldest) {
                if (size() > cachedPages) {
                    eldest.getValue().evicted = true;
                    return true;
                }
                return false;
            }
        };
    }

    @Override
    public BrowserRow get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int number = index / pageSize;
        Page page = pages.get(number);
        if (page == null) {
            page = new Page(number * pageSize, Math.min(pageSize, size - number * pageSize));
            pages.put(number, page);
            load(number, page);
        }
        return page.rows[index % pageSize];
    }

    @Override
    public int size() {
        return size;
    }

    private void load(int number, Page page) {
        long offset = (long) number * pageSize;
        Anchor anchor = anchorFor(number);
        executor.execute(() -> {
            if (page.evicted) {
                return null; // scrolled past before its turn came: do not read it at all
            }
            long start = System.nanoTime();
            TablePage read = source.read(offset, page.rows.length, anchor);
            return new Loaded(read, System.nanoTime() - start);
        }, loaded -> {
            if (loaded != null) {
                apply(number, page, loaded);
            }
        }, onError);
    }

    private record Loaded(TablePage page, long nanos) {
    }

    private void apply(int number, Page page, Loaded loaded) {
        var rows = loaded.page().rows();
        for (int i = 0; i < rows.size() && i < page.rows.length; i++) {
            page.rows[i].setValues(rows.get(i));
        }
        if (rows.size() == page.rows.length && loaded.page().lastKey() != -1) {
            lastKeys[number] = loaded.page().lastKey();
        }
        loads++;
        loadListener.pageLoaded(number, loaded.nanos());
    }

    /** The nearest page before this one whose last key is known. */
    private Anchor anchorFor(int number) {
        for (int p = number - 1; p >= 0; p--) {
            if (lastKeys[p] != UNKNOWN) {
                return new Anchor((long) (p + 1) * pageSize, lastKeys[p]);
            }
        }
        return null;
    }

    public void setLoadListener(LoadListener listener) {
        this.loadListener = listener == null ? (page, nanos) -> { } : listener;
    }

    /** Pages held now (never more than the cache's size). */
    public int cachedPages() {
        return pages.size();
    }

    /** Pages read so far. */
    public long loads() {
        return loads;
    }

    public int pageSize() {
        return pageSize;
    }
}
