package org.recblend.domain;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The external ids of a dense id space: index {@code i} in a table stands for {@code id(i)}. Tables
 * derived from one data set share one instance, so filtering and splitting never renumber.
 */
public final class IdIndex implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String[] ids;
    private transient volatile Map<String, Integer> lookup;

    private IdIndex(String[] ids) {
        this.ids = ids;
    }

    /** An index over these ids, in this order; ids must be distinct. */
    public static IdIndex of(List<String> ids) {
        return of(ids.toArray(String[]::new));
    }

    /** An index over these ids, in this order; ids must be distinct. */
    public static IdIndex of(String... ids) {
        String[] copy = ids.clone();
        Map<String, Integer> map = new HashMap<>(copy.length * 2);
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] == null) {
                throw new IllegalArgumentException("Id at index " + i + " is null");
            }
            if (map.putIfAbsent(copy[i], i) != null) {
                throw new IllegalArgumentException("Id '" + copy[i] + "' occurs twice");
            }
        }
        IdIndex index = new IdIndex(copy);
        index.lookup = map;
        return index;
    }

    /** Ids "prefix0" … "prefix(n-1)": handy for generated data and tests. */
    public static IdIndex numbered(String prefix, int n) {
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = prefix + i;
        }
        return of(ids);
    }

    public int size() {
        return ids.length;
    }

    public String id(int index) {
        return ids[index];
    }

    /** The dense index of an external id, or -1 when it is not in this space. */
    public int indexOf(String id) {
        Map<String, Integer> map = lookup;
        if (map == null) {
            map = new HashMap<>(ids.length * 2);
            for (int i = 0; i < ids.length; i++) {
                map.put(ids[i], i);
            }
            lookup = map;
        }
        return map.getOrDefault(id, -1);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof IdIndex other && Arrays.equals(ids, other.ids));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        return "IdIndex[" + ids.length + " ids]";
    }
}
