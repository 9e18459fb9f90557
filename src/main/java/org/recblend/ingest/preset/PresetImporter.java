package org.recblend.ingest.preset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.recblend.ingest.ErrorPolicy;
import org.recblend.ingest.ImportException;
import org.recblend.ingest.ImportJob;
import org.recblend.ingest.ImportMode;
import org.recblend.ingest.ImportResult;
import org.recblend.ingest.Importer;
import org.recblend.store.ProjectStore;
import org.recblend.task.TaskMonitor;

/**
 * Imports a folder in a known format as one dataset, all files in one transaction: the dataset
 * is complete or not there at all.
 */
public final class PresetImporter {
    private PresetImporter() {
    }

    /**
     * Imports a folder with the preset, skipping and reporting bad rows, as new sources.
     *
     * @param datasetName the dataset to create; {@code null} names it after the preset
     */
    public static List<ImportResult> importFolder(ProjectStore store, String presetId, Path folder, String datasetName,
                                                  TaskMonitor monitor) throws ImportException {
        return importFolder(store, presetId, folder, datasetName, ErrorPolicy.SKIP_AND_REPORT, ImportMode.NEW, monitor);
    }

    /** Imports a folder with the preset, with a chosen error policy and import mode for every part. */
    public static List<ImportResult> importFolder(ProjectStore store, String presetId, Path folder, String datasetName,
                                                  ErrorPolicy onError, ImportMode mode, TaskMonitor monitor)
            throws ImportException {
        Preset preset = Presets.require(presetId);
        if (!Files.isDirectory(folder)) {
            throw new ImportException("The folder " + folder + " does not exist", folder);
        }
        String dataset = datasetName == null || datasetName.isBlank() ? preset.id() : datasetName;
        List<ImportJob> jobs = new ArrayList<>();
        for (ImportJob job : preset.parts(folder, dataset)) {
            jobs.add(new ImportJob(job.spec().withOnError(onError).withMode(mode), job.file()));
        }
        monitor.log("Importing " + folder + " with the preset " + preset.id() + " into the dataset " + dataset);
        return new Importer(store).runAll(jobs, monitor);
    }
}
