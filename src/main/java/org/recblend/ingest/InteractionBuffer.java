package org.recblend.ingest;

import java.util.Arrays;

/** Behaviour rows held in columns while duplicates are merged; one entry per (user, item) pair. */
final class InteractionBuffer {
    private int size;
    private int[] users = new int[1024];
    private int[] items = new int[1024];
    private double[] sums = new double[1024];
    private int[] counts = new int[1024];
    private long[] times = new long[1024];
    private String[] events = new String[1024];
    private String[] contexts = new String[1024];

    int size() {
        return size;
    }

    void add(int user, int item, double weight, String event, long ts, String context) {
        if (size == users.length) {
            int n = size * 2;
            users = Arrays.copyOf(users, n);
            items = Arrays.copyOf(items, n);
            sums = Arrays.copyOf(sums, n);
            counts = Arrays.copyOf(counts, n);
            times = Arrays.copyOf(times, n);
            events = Arrays.copyOf(events, n);
            contexts = Arrays.copyOf(contexts, n);
        }
        users[size] = user;
        items[size] = item;
        sums[size] = Double.isNaN(weight) ? 0 : weight;
        counts[size] = Double.isNaN(weight) ? 0 : 1;
        times[size] = ts;
        events[size] = event;
        contexts[size] = context;
        size++;
    }

    /** Merges a later occurrence: its weight by the policy, the other columns replace the earlier ones. */
    void merge(int at, DuplicatePolicy policy, double weight, String event, long ts, String context) {
        if (policy == DuplicatePolicy.KEEP_LAST) {
            sums[at] = Double.isNaN(weight) ? 0 : weight;
            counts[at] = Double.isNaN(weight) ? 0 : 1;
        } else if (!Double.isNaN(weight)) {
            sums[at] += weight;
            counts[at]++;
        }
        times[at] = ts;
        events[at] = event;
        contexts[at] = context;
    }

    int user(int k) {
        return users[k];
    }

    int item(int k) {
        return items[k];
    }

    /** The merged weight, NaN when no occurrence had one. */
    double weight(int k, DuplicatePolicy policy) {
        if (counts[k] == 0) {
            return Double.NaN;
        }
        return policy == DuplicatePolicy.MEAN ? sums[k] / counts[k] : sums[k];
    }

    long ts(int k) {
        return times[k];
    }

    String event(int k) {
        return events[k];
    }

    String context(int k) {
        return contexts[k];
    }
}
