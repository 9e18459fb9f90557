package org.recblend.ingest;

import java.nio.file.Path;
import org.recblend.domain.SourceKind;

/**
 * What one import stored. {@code rowsRead = rowsAccepted + rowsRejected}; {@code rowsDuplicate}
 * counts rows whose (user, item) pair came before (merged, kept or rejected by the policy);
 * {@code rowsStored} is what the source's main table received after merging.
 *
 * @param datasetId     the dataset's id
 * @param dataset       the dataset's name
 * @param sourceId      the source's id, for its reject report
 * @param sourceName    the source's name
 * @param kind          the source's kind
 * @param file          the file read
 * @param encoding      the encoding used and how it was chosen
 * @param rowsRead      data rows read (header, skipped and empty lines not counted)
 * @param rowsAccepted  rows that passed every check
 * @param rowsRejected  rows in the reject report
 * @param rowsDuplicate rows repeating an earlier (user, item) pair
 * @param rowsStored    rows written to the main table
 * @param newUsers      users created
 * @param newItems      items created
 * @param millis        time taken
 */
public record ImportResult(int datasetId, String dataset, int sourceId, String sourceName, SourceKind kind, Path file,
                           String encoding, long rowsRead, long rowsAccepted, long rowsRejected, long rowsDuplicate,
                           long rowsStored, int newUsers, int newItems, long millis) {

    public boolean hasRejects() {
        return rowsRejected > 0;
    }

    /** One line for a log or the command line. */
    public String summary() {
        return String.format("%s/%s from %s: %,d rows read, %,d accepted, %,d rejected, %,d duplicates, %,d stored (%,d new users, %,d new items) in %,d ms",
                dataset, sourceName, file.getFileName(), rowsRead, rowsAccepted, rowsRejected, rowsDuplicate, rowsStored,
                newUsers, newItems, millis);
    }
}
