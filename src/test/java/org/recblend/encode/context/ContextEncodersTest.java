package org.recblend.encode.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.recblend.domain.Embeddings;
import org.recblend.domain.IdIndex;
import org.recblend.domain.InteractionContexts;
import org.recblend.domain.InteractionTable;
import org.recblend.encode.EncodedFeatures;
import org.recblend.task.TaskMonitor;

class ContextEncodersTest {
    private static final ZoneId UTC = ZoneId.of("UTC");
    /** 2024-01-01 was a Monday. */
    private static final long MON_06 = ZonedDateTime.of(2024, 1, 1, 6, 0, 0, 0, UTC).toEpochSecond();
    private static final long SUN_18 = ZonedDateTime.of(2024, 1, 7, 18, 0, 0, 0, UTC).toEpochSecond();
    private static final long WED_00 = ZonedDateTime.of(2024, 1, 3, 0, 0, 0, 0, UTC).toEpochSecond();
    private static final long THU_12 = ZonedDateTime.of(2024, 1, 4, 12, 0, 0, 0, UTC).toEpochSecond();

    private static InteractionTable table() {
        IdIndex users = IdIndex.of("ann", "bob", "cid");
        IdIndex items = IdIndex.of("x", "y");
        return InteractionTable.of(users, items, new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 0}, new float[] {1, 1, 1, 1},
                new long[] {MON_06, SUN_18, WED_00, THU_12});
    }

    @Test
    void cyclicFeaturesOfKnownTimestamps() {
        InteractionTable t = table();
        TimeFeatures.RowFeatures f = TimeFeatures.perInteraction(t, UTC, SUN_18);
        assertThat(f.columns()).containsExactlyElementsOf(TimeFeatures.INTERACTION_COLUMNS);
        // Monday 06:00: a quarter round of the day, weekday angle 0
        assertThat(f.get(0, 0)).isCloseTo(1f, within(1e-6f));
        assertThat(f.get(0, 1)).isCloseTo(0f, within(1e-6f));
        assertThat(f.get(0, 2)).isCloseTo(0f, within(1e-6f));
        assertThat(f.get(0, 3)).isCloseTo(1f, within(1e-6f));
        assertThat(f.get(0, 4)).isCloseTo((float) Math.log1p(6.5), within(1e-5f));
        assertThat(f.get(0, 5)).isEqualTo(1f);
        // Sunday 18:00: three quarters of the day, weekday 6 of 7 (next to Monday on the circle)
        assertThat(f.get(1, 0)).isCloseTo(-1f, within(1e-6f));
        assertThat(f.get(1, 2)).isCloseTo((float) Math.sin(2 * Math.PI * 6 / 7), within(1e-6f));
        assertThat(f.get(1, 3)).isCloseTo((float) Math.cos(2 * Math.PI * 6 / 7), within(1e-6f));
        assertThat(f.get(1, 4)).isZero();
        // Thursday noon: cos of the hour is -1
        assertThat(f.get(3, 1)).isCloseTo(-1f, within(1e-6f));
    }

    @Test
    void aTimeZoneShiftsHoursAndWeekdays() {
        InteractionTable t = table();
        TimeFeatures.RowFeatures berlin = TimeFeatures.perInteraction(t, ZoneId.of("Europe/Berlin"), SUN_18);
        // Wednesday 00:00 UTC is Wednesday 01:00 in Berlin (winter time)
        assertThat(berlin.get(2, 0)).isCloseTo((float) Math.sin(2 * Math.PI / 24), within(1e-6f));
        TimeFeatures.RowFeatures la = TimeFeatures.perInteraction(t, ZoneId.of("America/Los_Angeles"), SUN_18);
        // Monday 06:00 UTC is Sunday 22:00 in Los Angeles
        assertThat(la.get(0, 2)).isCloseTo((float) Math.sin(2 * Math.PI * 6 / 7), within(1e-6f));
    }

    @Test
    void untimedRowsGiveZerosAndNoEntityFeatures() {
        IdIndex users = IdIndex.of("ann");
        IdIndex items = IdIndex.of("x");
        InteractionTable t = InteractionTable.of(users, items, new int[] {0}, new int[] {0}, new float[] {1}, null);
        assertThat(TimeFeatures.perInteraction(t, UTC, 0).values()).containsOnly(0f);
        EncodedFeatures f = TimeFeatures.perEntity(t, Embeddings.Side.USER, EnumSet.allOf(TimeFeatures.Group.class), UTC,
                TaskMonitor.none());
        assertThat(f.embeddings().present(0)).isFalse();
    }

    @Test
    void perEntityDistributionsSumToOneAndRecencyAndSpanAreInDays() {
        InteractionTable t = table();
        EncodedFeatures users = TimeFeatures.perEntity(t, Embeddings.Side.USER, EnumSet.allOf(TimeFeatures.Group.class), UTC,
                TaskMonitor.none());
        List<String> cols = users.columns();
        assertThat(cols).hasSize(24 + 2 + 7 + 2 + 1 + 2);
        Embeddings e = users.embeddings();
        float[] ann = e.row(0);
        assertThat(sum(ann, 0, 24)).isCloseTo(1f, within(1e-6f));
        assertThat(sum(ann, 26, 7)).isCloseTo(1f, within(1e-6f));
        assertThat(ann[cols.indexOf("hour_6")]).isEqualTo(0.5f);
        assertThat(ann[cols.indexOf("hour_18")]).isEqualTo(0.5f);
        assertThat(ann[cols.indexOf("weekday_mon")]).isEqualTo(0.5f);
        assertThat(ann[cols.indexOf("weekday_sun")]).isEqualTo(0.5f);
        // hours 6 and 18 cancel on the circle
        assertThat(ann[cols.indexOf("hour_mean_sin")]).isCloseTo(0f, within(1e-6f));
        assertThat(ann[cols.indexOf("log1p_days_since_last")]).isZero();
        assertThat(ann[cols.indexOf("log1p_span_days")]).isCloseTo((float) Math.log1p(6.5), within(1e-5f));
        assertThat(ann[cols.indexOf("log1p_count")]).isCloseTo((float) Math.log(3), within(1e-6f));
        float[] bob = e.row(1);
        assertThat(bob[cols.indexOf("log1p_days_since_last")]).isCloseTo((float) Math.log1p(3.25), within(1e-5f));
        assertThat(e.present(2)).isFalse();
        assertThat(e.row(2)).containsOnly(0f);

        EncodedFeatures items = TimeFeatures.perEntity(t, Embeddings.Side.ITEM, EnumSet.of(TimeFeatures.Group.WEEKDAY), UTC,
                TaskMonitor.none());
        assertThat(items.columns()).hasSize(9);
        float[] x = items.embeddings().row(0);
        assertThat(sum(x, 0, 7)).isCloseTo(1f, within(1e-6f));
        assertThat(x[0]).isCloseTo(1f / 3, within(1e-6f));
    }

    private static InteractionContexts contexts(InteractionTable t, String[] channel, String[] city) {
        int n = t.size();
        int[] u = new int[n];
        int[] i = new int[n];
        long[] ts = new long[n];
        for (int r = 0; r < n; r++) {
            u[r] = t.user(r);
            i[r] = t.item(r);
            ts[r] = t.ts(r);
        }
        return new InteractionContexts(t.users(), t.items(), u, i, ts, List.of("channel", "city"), new String[][] {channel, city});
    }

    @Test
    void categoricalContextBecomesPerKeyDistributionsSummingToOne() {
        InteractionTable t = table();
        InteractionContexts ctx = contexts(t, new String[] {"web", "app", "web", null}, new String[] {"Oslo", "Rome", "Oslo", "Bern"});
        EncodedFeatures users = ContextDistributions.of(t, ctx, Embeddings.Side.USER, 32, 8, TaskMonitor.none());
        assertThat(users.columns()).containsExactly("channel=web", "channel=app", "city=Oslo", "city=Bern", "city=Rome");
        Embeddings e = users.embeddings();
        assertThat(e.row(0)).containsExactly(0.5f, 0.5f, 0.5f, 0f, 0.5f);
        // bob's second row has no channel: his channel block still sums to 1
        assertThat(e.row(1)).containsExactly(1f, 0f, 0.5f, 0.5f, 0f);
        assertThat(e.present(2)).isFalse();

        EncodedFeatures hashed = ContextDistributions.of(t, ctx, Embeddings.Side.ITEM, 2, 8, TaskMonitor.none());
        assertThat(hashed.columns()).hasSize(2 + 8).contains("city#0", "city#7");
        float[] x = hashed.embeddings().row(0);
        assertThat(sum(x, 0, 2)).isCloseTo(1f, within(1e-6f));
        assertThat(sum(x, 2, 8)).isCloseTo(1f, within(1e-6f));
        assertThat(x[2 + ContextDistributions.bucket("Oslo", 8)]).isGreaterThanOrEqualTo(2f / 3 - 1e-6f);
    }

    @Test
    void onlyTheGivenRowsContextsAreRead() {
        InteractionTable all = table();
        InteractionContexts ctx = contexts(all, new String[] {"web", "web", "web", "leak"}, new String[] {null, null, null, null});
        // training part: the first three rows; the fourth (THU_12, channel 'leak') is held out
        InteractionTable train = all.filter(r -> r < 3);
        EncodedFeatures users = ContextDistributions.of(train, ctx, Embeddings.Side.USER, 32, 8, TaskMonitor.none());
        assertThat(users.columns()).containsExactly("channel=web");
        assertThat(users.embeddings().row(1)).containsExactly(1f);
        EncodedFeatures withTest = ContextDistributions.of(all, ctx, Embeddings.Side.USER, 32, 8, TaskMonitor.none());
        assertThat(withTest.columns()).contains("channel=leak");
    }

    private static float sum(float[] v, int from, int n) {
        float s = 0;
        for (int k = from; k < from + n; k++) {
            s += v[k];
        }
        return s;
    }
}
