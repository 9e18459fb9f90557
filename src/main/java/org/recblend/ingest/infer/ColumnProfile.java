package org.recblend.ingest.infer;

import java.util.List;
import org.recblend.domain.ColumnRole;

/**
 * What a sample shows about one column, and the role it probably has.
 *
 * @param index         0-based position
 * @param name          the header or field name, or {@code null}
 * @param type          the value type all non-empty values fit
 * @param format        the date pattern of a DATE column ({@code null}: ISO), the separator of a
 *                      MULTI_VALUED column, otherwise {@code null}
 * @param nonEmpty      non-empty values in the sample
 * @param distinct      distinct non-empty values in the sample
 * @param min           the smallest number (NaN when not numeric)
 * @param max           the largest number (NaN when not numeric)
 * @param meanLength    the mean length of the non-empty values
 * @param examples      up to five distinct values
 * @param suggestedRole the role suggested from the name and the values
 */
public record ColumnProfile(int index, String name, ValueType type, String format, int nonEmpty, int distinct,
                            double min, double max, double meanLength, List<String> examples, ColumnRole suggestedRole) {

    public ColumnProfile {
        examples = List.copyOf(examples);
    }

    public boolean isNumeric() {
        return type == ValueType.INTEGER || type == ValueType.DECIMAL || type == ValueType.EPOCH_SECONDS
                || type == ValueType.EPOCH_MILLIS;
    }

    ColumnProfile withRole(ColumnRole role) {
        return new ColumnProfile(index, name, type, format, nonEmpty, distinct, min, max, meanLength, examples, role);
    }
}
