package org.recblend.encode.context;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.recblend.domain.Embeddings;
import org.recblend.domain.IdIndex;
import org.recblend.domain.InteractionTable;
import org.recblend.encode.EncodedFeatures;
import org.recblend.task.TaskMonitor;

/**
 * Time features from behaviour timestamps: per interaction (hour of day and weekday as points on a
 * circle, so 23:00 is near 01:00 and Sunday near Monday; how long ago), and per user or item (the
 * distribution over hours and weekdays, recency of the last activity, activity span and volume).
 * "Now" is the latest time in the table, not the clock, so a re-run gives the same features.
 */
public final class TimeFeatures {
    private static final double DAY = 86_400.0;
    private static final double TWO_PI = 2 * Math.PI;

    /** Groups of per-entity time columns. */
    public enum Group {
        /** 24 shares of activity per hour of day, and the mean of the hour on the circle (sin, cos). */
        HOUR,
        /** 7 shares per weekday (Monday first), and the mean weekday on the circle (sin, cos). */
        WEEKDAY,
        /** log(1 + days) since the entity's last activity. */
        RECENCY,
        /** log(1 + days) between first and last activity, and log(1 + number of timed interactions). */
        ACTIVITY
    }

    /** The columns of {@link #perInteraction}. */
    public static final List<String> INTERACTION_COLUMNS = List.of("hour_sin", "hour_cos", "weekday_sin", "weekday_cos",
            "log1p_days_ago", "has_time");

    private TimeFeatures() {
    }

    /**
     * Features of single interactions, row by row.
     *
     * @param columns names, one per column
     * @param rows    the number of rows
     * @param values  rows × columns, row-major
     */
    public record RowFeatures(List<String> columns, int rows, float[] values) {
        public RowFeatures {
            columns = List.copyOf(columns);
            if (values.length != rows * columns.size()) {
                throw new IllegalArgumentException("Expected " + rows + " rows of " + columns.size() + " values");
            }
        }

        public float get(int row, int column) {
            return values[row * columns.size() + column];
        }
    }

    /**
     * For every row: hour and weekday as (sin, cos) of their angle (the hour with its minutes and
     * seconds), log(1 + days) before {@code reference}, and 1 for a timed row. A row without a time
     * is all zeros.
     */
    public static RowFeatures perInteraction(InteractionTable table, ZoneId zone, long reference) {
        int w = INTERACTION_COLUMNS.size();
        float[] v = new float[table.size() * w];
        for (int r = 0; r < table.size(); r++) {
            long t = table.ts(r);
            if (t == InteractionTable.NO_TIME) {
                continue;
            }
            ZonedDateTime at = Instant.ofEpochSecond(t).atZone(zone);
            double hour = TWO_PI * at.toLocalTime().toSecondOfDay() / DAY;
            double day = TWO_PI * (at.getDayOfWeek().getValue() - 1) / 7;
            int o = r * w;
            v[o] = (float) Math.sin(hour);
            v[o + 1] = (float) Math.cos(hour);
            v[o + 2] = (float) Math.sin(day);
            v[o + 3] = (float) Math.cos(day);
            v[o + 4] = (float) Math.log1p(Math.max(0, reference - t) / DAY);
            v[o + 5] = 1f;
        }
        return new RowFeatures(INTERACTION_COLUMNS, table.size(), v);
    }

    /** The latest time in the table, or {@link InteractionTable#NO_TIME} when no row has one. */
    public static long latest(InteractionTable table) {
        long max = InteractionTable.NO_TIME;
        for (int r = 0; r < table.size(); r++) {
            max = Math.max(max, table.ts(r));
        }
        return max;
    }

    /** The column names of the chosen groups, in group order. */
    public static List<String> columns(Set<Group> groups) {
        List<String> out = new ArrayList<>();
        for (Group g : EnumSet.copyOf(groups)) {
            switch (g) {
                case HOUR -> {
                    for (int h = 0; h < 24; h++) {
                        out.add("hour_" + h);
                    }
                    out.add("hour_mean_sin");
                    out.add("hour_mean_cos");
                }
                case WEEKDAY -> {
                    for (String d : List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun")) {
                        out.add("weekday_" + d);
                    }
                    out.add("weekday_mean_sin");
                    out.add("weekday_mean_cos");
                }
                case RECENCY -> out.add("log1p_days_since_last");
                case ACTIVITY -> {
                    out.add("log1p_span_days");
                    out.add("log1p_count");
                }
            }
        }
        return out;
    }

    /**
     * Aggregates per user or per item over the table's timed rows. An entity without a timed row
     * is absent (zeros). Only the given table is read: pass a split's training part.
     */
    public static EncodedFeatures perEntity(InteractionTable table, Embeddings.Side side, Set<Group> groups, ZoneId zone,
                                            TaskMonitor monitor) {
        Objects.requireNonNull(zone, "zone");
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("Choose at least one group of time features");
        }
        EnumSet<Group> chosen = EnumSet.copyOf(groups);
        List<String> columns = columns(chosen);
        int w = columns.size();
        IdIndex ids = side == Embeddings.Side.USER ? table.users() : table.items();
        int n = ids.size();
        int[][] rowsOf = side == Embeddings.Side.USER ? table.rowsByUser() : table.rowsByItem();
        long reference = latest(table);
        float[] v = new float[n * w];
        boolean[] present = new boolean[n];
        double[] hours = new double[24];
        double[] days = new double[7];
        for (int e = 0; e < n; e++) {
            if ((e & 0x3FF) == 0) {
                monitor.checkCancelled();
                monitor.progress((double) e / n, "time features");
            }
            java.util.Arrays.fill(hours, 0);
            java.util.Arrays.fill(days, 0);
            double hs = 0;
            double hc = 0;
            double ds = 0;
            double dc = 0;
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            int count = 0;
            for (int r : rowsOf[e]) {
                long t = table.ts(r);
                if (t == InteractionTable.NO_TIME) {
                    continue;
                }
                ZonedDateTime at = Instant.ofEpochSecond(t).atZone(zone);
                int second = at.toLocalTime().toSecondOfDay();
                int weekday = at.getDayOfWeek().getValue() - 1;
                hours[second / 3600]++;
                days[weekday]++;
                double ha = TWO_PI * second / DAY;
                double da = TWO_PI * weekday / 7;
                hs += Math.sin(ha);
                hc += Math.cos(ha);
                ds += Math.sin(da);
                dc += Math.cos(da);
                first = Math.min(first, t);
                last = Math.max(last, t);
                count++;
            }
            if (count == 0) {
                continue;
            }
            present[e] = true;
            int o = e * w;
            for (Group g : chosen) {
                switch (g) {
                    case HOUR -> {
                        for (int h = 0; h < 24; h++) {
                            v[o++] = (float) (hours[h] / count);
                        }
                        v[o++] = (float) (hs / count);
                        v[o++] = (float) (hc / count);
                    }
                    case WEEKDAY -> {
                        for (int d = 0; d < 7; d++) {
                            v[o++] = (float) (days[d] / count);
                        }
                        v[o++] = (float) (ds / count);
                        v[o++] = (float) (dc / count);
                    }
                    case RECENCY -> v[o++] = (float) Math.log1p(Math.max(0, reference - last) / DAY);
                    case ACTIVITY -> {
                        v[o++] = (float) Math.log1p((last - first) / DAY);
                        v[o++] = (float) Math.log1p(count);
                    }
                }
            }
        }
        String source = "context:time(" + String.join(",", chosen.stream().map(g -> g.name().toLowerCase()).toList()) + ")";
        return new EncodedFeatures(new Embeddings(source, side, ids, w, v, present), columns);
    }
}
