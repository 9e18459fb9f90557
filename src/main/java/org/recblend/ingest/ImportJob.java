package org.recblend.ingest;

import java.nio.file.Path;

/**
 * One file with the spec to import it by, for imports of several files in one transaction.
 *
 * @param spec the import spec
 * @param file the file
 */
public record ImportJob(ImportSpec spec, Path file) {
}
