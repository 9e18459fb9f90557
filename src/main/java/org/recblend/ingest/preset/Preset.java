package org.recblend.ingest.preset;

import java.nio.file.Path;
import java.util.List;
import org.recblend.ingest.ImportException;
import org.recblend.ingest.ImportJob;

/**
 * A known public data format: turns a folder of its files into import jobs for one dataset.
 * {@link PresetImporter} imports them in one transaction.
 */
public interface Preset {

    /** A short id for the command line, such as {@code movielens-100k}. */
    String id();

    /** One sentence saying which files are read and how. */
    String description();

    /**
     * The files of the folder with their specs.
     *
     * @throws ImportException when the folder lacks a file the preset needs
     */
    List<ImportJob> parts(Path folder, String dataset) throws ImportException;
}
