package org.recblend.domain;

import java.util.Arrays;

/**
 * An open-addressing map from long keys to int values: finds repeated (user, item) pairs among
 * millions of rows without boxing a Long per row. Keys may be any long but {@link Long#MIN_VALUE}.
 */
public final class LongIntMap {
    private static final long EMPTY = Long.MIN_VALUE;

    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    public LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        values = new int[capacity];
        mask = capacity - 1;
    }

    /** The key of a (user, item) pair of non-negative ids. */
    public static long pair(int user, int item) {
        return ((long) user << 32) | (item & 0xffffffffL);
    }

    /** The value of the key, or {@code missing}. */
    public int get(long key, int missing) {
        for (int i = slot(key); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == EMPTY) {
                return missing;
            }
        }
    }

    /** Sets the value of a key, replacing any value it had. */
    public void put(long key, int value) {
        int i = find(key);
        if (keys[i] == EMPTY) {
            insertAt(i, key, value);
        } else {
            values[i] = value;
        }
    }

    /** Puts the value unless the key is present; returns the present value, or {@code missing} when it was added. */
    public int putIfAbsent(long key, int value, int missing) {
        int i = find(key);
        if (keys[i] != EMPTY) {
            return values[i];
        }
        insertAt(i, key, value);
        return missing;
    }

    public int size() {
        return size;
    }

    private int find(long key) {
        if (key == EMPTY) {
            throw new IllegalArgumentException("Long.MIN_VALUE cannot be a key");
        }
        int i = slot(key);
        while (keys[i] != key && keys[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void insertAt(int i, long key, int value) {
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        values = new int[oldValues.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != EMPTY) {
                insertAt(find(oldKeys[j]), oldKeys[j], oldValues[j]);
            }
        }
    }
}
