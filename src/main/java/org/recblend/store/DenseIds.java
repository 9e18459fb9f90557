package org.recblend.store;

import java.util.Arrays;

/** Maps database ids (sorted, possibly sparse) to dense indices 0..n-1 by binary search. */
final class DenseIds {
    private final int[] sortedDbIds;

    DenseIds(int[] sortedDbIds) {
        this.sortedDbIds = sortedDbIds;
    }

    /** The dense index of a database id, or -1 when it is not in this dataset. */
    int indexOf(int dbId) {
        int i = Arrays.binarySearch(sortedDbIds, dbId);
        return i >= 0 ? i : -1;
    }

    int size() {
        return sortedDbIds.length;
    }
}
