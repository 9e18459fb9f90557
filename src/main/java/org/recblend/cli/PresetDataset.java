package org.recblend.cli;

import java.nio.file.Path;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.ItemTable;
import org.recblend.store.StoredDataset;
import org.recblend.task.TaskMonitor;

/**
 * A public data set read for a benchmark through its import preset, exactly as a project import
 * reads it, into a scratch project that is deleted afterwards. A bad row stops the benchmark with
 * the importer's message (file, line, column) instead of being skipped, so figures never come from
 * silently shortened data.
 *
 * @param ratings the behaviour rows of the dataset
 * @param items   the item table (categories, texts, attributes)
 */
record PresetDataset(InteractionTable ratings, ItemTable items) {
    static PresetDataset read(String presetId, Path folder, TaskMonitor monitor) throws Exception {
        try (BenchProject project = BenchProject.importFolder(presetId, folder, monitor)) {
            StoredDataset dataset = project.all();
            return new PresetDataset(dataset.interactions(monitor), dataset.items(monitor));
        }
    }
}
