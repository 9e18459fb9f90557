package org.recblend.nodes.preprocess;

import java.util.Arrays;

/** An open-addressing map from long keys to int values, without boxing; -1 means absent. */
final class LongIntMap {
    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(values, -1);
        mask = capacity - 1;
    }

    int get(long key) {
        for (int i = slot(key); ; i = (i + 1) & mask) {
            if (values[i] == -1) {
                return -1;
            }
            if (keys[i] == key) {
                return values[i];
            }
        }
    }

    /** Sets the value (≥ 0) for a key. */
    void put(long key, int value) {
        if (size * 2 >= keys.length) {
            grow();
        }
        for (int i = slot(key); ; i = (i + 1) & mask) {
            if (values[i] == -1) {
                keys[i] = key;
                values[i] = value;
                size++;
                return;
            }
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
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
        values = new int[oldKeys.length * 2];
        Arrays.fill(values, -1);
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != -1) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}
