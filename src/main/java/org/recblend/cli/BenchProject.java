package org.recblend.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.recblend.ingest.ErrorPolicy;
import org.recblend.ingest.ImportMode;
import org.recblend.ingest.preset.PresetImporter;
import org.recblend.store.ProjectStore;
import org.recblend.store.StoredDataset;
import org.recblend.task.TaskMonitor;

/**
 * A public data set imported through its preset into a scratch project that stays open while a
 * benchmark runs (unlike {@link PresetDataset}): the benchmark reads sources one by one (a data set's
 * own train/valid/test files) and the encode nodes keep their embedding cache in it. Closing deletes it.
 */
final class BenchProject implements AutoCloseable {
    private final Path scratch;
    private final ProjectStore store;
    private final String dataset;

    private BenchProject(Path scratch, ProjectStore store, String dataset) {
        this.scratch = scratch;
        this.store = store;
        this.dataset = dataset;
    }

    /** Imports {@code folder} with the preset; a bad row stops with the importer's message. */
    static BenchProject importFolder(String presetId, Path folder, TaskMonitor monitor) throws Exception {
        Path scratch = Files.createTempDirectory("recblend-bench");
        ProjectStore store = null;
        try {
            store = ProjectStore.create(scratch.resolve("bench"));
            PresetImporter.importFolder(store, presetId, folder, presetId, ErrorPolicy.ABORT, ImportMode.NEW, monitor);
            return new BenchProject(scratch, store, presetId);
        } catch (Exception | Error e) {
            if (store != null) {
                store.close();
            }
            BenchFiles.deleteRecursively(scratch);
            throw e;
        }
    }

    ProjectStore store() {
        return store;
    }

    /** All sources of the imported data set. */
    StoredDataset all() throws Exception {
        return StoredDataset.open(store, dataset, List.of());
    }

    /** The named sources only (e.g. one interaction file). */
    StoredDataset sources(String... names) throws Exception {
        return StoredDataset.open(store, dataset, List.of(names));
    }

    @Override
    public void close() throws Exception {
        try {
            store.close();
        } finally {
            BenchFiles.deleteRecursively(scratch);
        }
    }
}
