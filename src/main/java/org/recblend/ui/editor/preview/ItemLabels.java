package org.recblend.ui.editor.preview;

import java.util.Map;
import org.recblend.domain.IdIndex;
import org.recblend.domain.ItemInfo;
import org.recblend.domain.ItemTable;

/**
 * Names items by id and title when an item table is at hand: "B0042 · Blue enamel mug" says more
 * about a neighbour or a recommendation than the id alone.
 */
final class ItemLabels {
    static final ItemLabels NONE = new ItemLabels(null);
    private static final int MAX_TITLE = 40;

    private final ItemTable items;

    ItemLabels(ItemTable items) {
        this.items = items;
    }

    /** The label of item {@code index} of the id space {@code ids}. */
    String label(IdIndex ids, int index) {
        String id = ids.id(index);
        String title = title(id);
        return title.isEmpty() ? id : id + " · " + title;
    }

    private String title(String id) {
        if (items == null) {
            return "";
        }
        int row = items.items().indexOf(id);
        if (row < 0) {
            return "";
        }
        ItemInfo info = items.info(row);
        String title = info.texts().getOrDefault("title", info.texts().getOrDefault("name", ""));
        if (title.isBlank()) {
            title = info.texts().entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue)
                    .filter(t -> !t.isBlank()).findFirst().orElse("");
        }
        String line = title.replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_TITLE ? line : line.substring(0, MAX_TITLE - 1) + "…";
    }
}
