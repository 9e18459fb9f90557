package org.recblend.ui.shell;

import javafx.scene.Node;
import javafx.scene.control.TreeItem;

/**
 * An explorer entry that stands for stored data: it keeps its visible label as the tree's value
 * and carries the dataset (and source) it shows, so actions need not parse labels.
 */
final class ExplorerItem extends TreeItem<String> {
    /** The data behind an entry: a dataset, or one of its sources when {@code source} is set. */
    record DataTarget(String dataset, String source, boolean hasRejects) {
    }

    private final DataTarget target;

    ExplorerItem(String label, DataTarget target, Node icon) {
        super(label, icon);
        this.target = target;
    }

    DataTarget target() {
        return target;
    }
}
