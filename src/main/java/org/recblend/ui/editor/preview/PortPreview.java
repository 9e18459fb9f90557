package org.recblend.ui.editor.preview;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.recblend.engine.eval.MetricNames;
import org.recblend.ui.editor.run.MetricPoint;

/**
 * What the output preview shows for one port's data, computed off the UI thread from the cached
 * output: plain values only, so the view just lays them out and tests read them without JavaFX.
 */
public sealed interface PortPreview {

    /** One line over the preview: what the data is and how big. */
    String summary();

    /**
     * The first rows of a table-like output.
     *
     * @param columns   column names
     * @param groups    per column, the heading of the group it belongs to ("" for none): a feature
     *                  block's name over its columns, so long "block:column" headers are not cut
     * @param rows      the first rows, each as many cells as there are columns
     * @param totalRows how many rows the whole output has (the preview shows at most {@link DataTables#MAX_ROWS})
     */
    record Table(String summary, List<String> columns, List<String> groups, List<List<String>> rows, long totalRows)
            implements PortPreview {
        public Table {
            columns = List.copyOf(columns);
            groups = List.copyOf(groups);
            rows = rows.stream().map(List::copyOf).toList();
            if (groups.size() != columns.size()) {
                throw new IllegalArgumentException(groups.size() + " groups for " + columns.size() + " columns");
            }
        }

        /** A table without column groups. */
        public Table(String summary, List<String> columns, List<List<String>> rows, long totalRows) {
            this(summary, columns, java.util.Collections.nCopies(columns.size(), ""), rows, totalRows);
        }

        /** The line under the table, so a user knows the rows are a sample. */
        public String footer() {
            return rows.size() == totalRows
                    ? Cells.count(totalRows, "row")
                    : "First " + Cells.count(rows.size(), "row") + " of " + Cells.integer(totalRows);
        }
    }

    /** Vectors judged by their neighbours: for a few entities, the most similar others by cosine. */
    record Neighbours(String summary, int count, int dim, List<Anchor> anchors) implements PortPreview {
        public Neighbours {
            anchors = List.copyOf(anchors);
        }
    }

    /** An entity and its nearest neighbours, most similar first. */
    record Anchor(String id, String label, List<Neighbour> neighbours) {
        public Anchor {
            neighbours = List.copyOf(neighbours);
        }
    }

    /** One neighbour and its cosine similarity in [-1, 1]. */
    record Neighbour(String id, String label, double similarity) {
    }

    /**
     * A trained model: its learning curve as chart points (empty for models not trained by epochs,
     * then {@code noCurve} says why) and what it was trained with.
     */
    record Model(String summary, String kind, Map<String, String> settings, double trainSeconds, List<MetricPoint> points,
                 Optional<String> noCurve) implements PortPreview {
        public Model {
            settings = Map.copyOf(settings);
            points = List.copyOf(points);
        }
    }

    /**
     * An evaluation as a grid: one row per metric and cut-off, one value column per segment
     * ("all" first).
     */
    record Metrics(String summary, List<String> segments, List<MetricRow> rows) implements PortPreview {
        public Metrics {
            segments = List.copyOf(segments);
            rows = List.copyOf(rows);
        }

        /** The row of a metric at a cut-off (k ignored for metrics without one). */
        public Optional<MetricRow> row(String name, int k) {
            return rows.stream().filter(r -> r.name().equals(name) && (r.k() == null || r.k() == k)).findFirst();
        }
    }

    /** One metric at one cut-off ({@code k} null when it has none), its value per segment. */
    record MetricRow(String name, Integer k, Map<String, Double> values) {
        public MetricRow {
            values = Map.copyOf(values);
        }

        /** "ndcg@10", or the bare name. */
        public String label() {
            return k == null ? name : name + "@" + k;
        }

        /** The value in a segment, NaN when that segment has none. */
        public double value(String segment) {
            return values.getOrDefault(segment, Double.NaN);
        }

        /** The value as a cell: four decimals, a count of users as a whole number, blank when absent. */
        public String cell(String segment) {
            double v = value(segment);
            return name.equals(MetricNames.USERS) && !Double.isNaN(v) ? Cells.integer(Math.round(v)) : Cells.fixed(v);
        }
    }

    /** Data this preview cannot draw, or a word instead of a preview. */
    record Message(String summary) implements PortPreview {
    }
}
