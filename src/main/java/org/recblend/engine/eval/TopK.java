package org.recblend.engine.eval;

/**
 * Keeps the K best (item, score) pairs offered, in a bounded min-heap: O(n log K) for n offers and
 * no boxing. Order is by score descending, then item index ascending, so equal scores rank the
 * same way on every run and thread count. Not thread safe; reuse one per thread with {@link #clear()}.
 */
public final class TopK {
    private final int capacity;
    private final int[] items;
    private final float[] scores;
    private int size;

    public TopK(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("K must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        items = new int[capacity];
        scores = new float[capacity];
    }

    public void clear() {
        size = 0;
    }

    public int size() {
        return size;
    }

    /** Whether (a, sa) ranks below (b, sb). */
    private static boolean worse(int a, float sa, int b, float sb) {
        return sa < sb || (sa == sb && a > b);
    }

    public void offer(int item, float score) {
        if (size < capacity) {
            int i = size++;
            items[i] = item;
            scores[i] = score;
            siftUp(i);
        } else if (worse(items[0], scores[0], item, score)) {
            items[0] = item;
            scores[0] = score;
            siftDown(0);
        }
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!worse(items[i], scores[i], items[parent], scores[parent])) {
                break;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) {
                return;
            }
            int r = l + 1;
            int w = r < size && worse(items[r], scores[r], items[l], scores[l]) ? r : l;
            if (!worse(items[w], scores[w], items[i], scores[i])) {
                return;
            }
            swap(i, w);
            i = w;
        }
    }

    private void swap(int a, int b) {
        int ti = items[a];
        items[a] = items[b];
        items[b] = ti;
        float ts = scores[a];
        scores[a] = scores[b];
        scores[b] = ts;
    }

    /** The kept items, best first; empties the heap. */
    public int[] sorted() {
        return drain(null);
    }

    /** The kept items, best first, with their scores written to {@code outScores} (may be null); empties the heap. */
    public int[] drain(float[] outScores) {
        int n = size;
        int[] result = new int[n];
        float[] s = new float[n];
        for (int k = n - 1; k >= 0; k--) {
            result[k] = items[0];
            s[k] = scores[0];
            size--;
            if (size > 0) {
                items[0] = items[size];
                scores[0] = scores[size];
                siftDown(0);
            }
        }
        if (outScores != null) {
            System.arraycopy(s, 0, outScores, 0, n);
        }
        return result;
    }
}
