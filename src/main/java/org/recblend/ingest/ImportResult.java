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

    /**
     * Several files imported into one source, counted together: the first file's name and encoding,
     * the last file's source id (the same source throughout), sums of the counts and times.
     */
    public static ImportResult combine(java.util.List<ImportResult> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        ImportResult first = parts.get(0);
        ImportResult last = parts.get(parts.size() - 1);
        long read = 0, accepted = 0, rejected = 0, duplicate = 0, stored = 0, millis = 0;
        int users = 0, items = 0;
        for (ImportResult r : parts) {
            read += r.rowsRead;
            accepted += r.rowsAccepted;
            rejected += r.rowsRejected;
            duplicate += r.rowsDuplicate;
            stored += r.rowsStored;
            users += r.newUsers;
            items += r.newItems;
            millis += r.millis;
        }
        return new ImportResult(last.datasetId, last.dataset, last.sourceId, last.sourceName, last.kind, first.file,
                first.encoding, read, accepted, rejected, duplicate, stored, users, items, millis);
    }
}
