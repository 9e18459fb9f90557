package org.recblend.domain;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Item content over an item id space: {@code info(i)} describes item index {@code i}. */
public final class ItemTable implements Serializable {
    private static final long serialVersionUID = 1L;

    private final IdIndex items;
    private final List<ItemInfo> infos;

    public ItemTable(IdIndex items, List<ItemInfo> infos) {
        this.items = Objects.requireNonNull(items, "items");
        if (infos.size() != items.size()) {
            throw new IllegalArgumentException("Expected " + items.size() + " item infos, got " + infos.size());
        }
        this.infos = List.copyOf(infos);
    }

    /** A table that knows the ids but nothing else about the items. */
    public static ItemTable empty(IdIndex items) {
        return new ItemTable(items, Collections.nCopies(items.size(), ItemInfo.EMPTY));
    }

    public IdIndex items() {
        return items;
    }

    public int size() {
        return items.size();
    }

    public ItemInfo info(int item) {
        return infos.get(item);
    }

    /** Whether any item has a category, a text or an attribute. */
    public boolean hasContent() {
        return infos.stream().anyMatch(i -> !ItemInfo.EMPTY.equals(i));
    }

    /** The distinct categories in order of first appearance. */
    public List<String> categories() {
        List<String> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ItemInfo info : infos) {
            for (String c : info.categories()) {
                if (seen.add(c)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "ItemTable[" + size() + " items]";
    }
}
