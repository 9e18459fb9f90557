package org.recblend.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.recblend.ingest.read.FileFormat;

/**
 * A code table that translates the values of a column, for example Last.fm's tag ids into tag
 * names from {@code tags.dat}, or RecBole's item indices back into ASINs from
 * {@code Scientific.item2index}. A value missing from the table rejects its row.
 *
 * @param file        the code table; a relative path is resolved against the imported file's folder
 * @param format      how to read it (null: TAB-separated without header)
 * @param keyIndex    0-based column of the key (used when keyColumn is null)
 * @param keyColumn   header name of the key column
 * @param valueIndex  0-based column of the value (used when valueColumn is null)
 * @param valueColumn header name of the value column
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ValueLookup(String file, FileFormat format, Integer keyIndex, String keyColumn,
                          Integer valueIndex, String valueColumn) {

    public ValueLookup {
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("A value lookup needs a file");
        }
        if (keyIndex == null && keyColumn == null || valueIndex == null && valueColumn == null) {
            throw new IllegalArgumentException("A value lookup needs a key column and a value column");
        }
        format = format == null ? FileFormat.tsv(false) : format;
    }

    /** A lookup by column positions (0-based). */
    public static ValueLookup byIndex(String file, FileFormat format, int keyIndex, int valueIndex) {
        return new ValueLookup(file, format, keyIndex, null, valueIndex, null);
    }

    /** A lookup by header names. */
    public static ValueLookup byName(String file, FileFormat format, String keyColumn, String valueColumn) {
        return new ValueLookup(file, format, null, keyColumn, null, valueColumn);
    }
}
