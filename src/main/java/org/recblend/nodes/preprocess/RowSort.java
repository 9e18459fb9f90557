package org.recblend.nodes.preprocess;

/** A stable merge sort of row positions by a primitive comparator: no boxing for a million rows. */
final class RowSort {
    /** Compares two row positions. */
    @FunctionalInterface
    interface RowComparator {
        int compare(int rowA, int rowB);
    }

    private RowSort() {
    }

    static void sort(int[] rows, RowComparator cmp) {
        if (rows.length < 2) {
            return;
        }
        int[] buffer = new int[rows.length];
        sort(rows, buffer, 0, rows.length, cmp);
    }

    private static void sort(int[] a, int[] buf, int from, int to, RowComparator cmp) {
        if (to - from <= 16) {
            for (int i = from + 1; i < to; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= from && cmp.compare(a[j], v) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        sort(a, buf, from, mid, cmp);
        sort(a, buf, mid, to, cmp);
        if (cmp.compare(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, from, buf, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < mid && cmp.compare(buf[i], buf[j]) <= 0)) {
                a[k] = buf[i++];
            } else {
                a[k] = buf[j++];
            }
        }
    }
}
