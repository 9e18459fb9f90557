package org.recblend.nodes.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.domain.Embeddings;
import org.recblend.domain.InteractionContexts;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.Split;
import org.recblend.encode.EncodedFeatures;
import org.recblend.encode.context.ContextDistributions;
import org.recblend.ingest.ImportJob;
import org.recblend.ingest.Importer;
import org.recblend.ingest.SpecJson;
import org.recblend.nodes.TestContext;
import org.recblend.pipeline.PortData;
import org.recblend.pipeline.PortTypes;
import org.recblend.store.ProjectStore;
import org.recblend.store.StoredDataset;
import org.recblend.task.TaskMonitor;
import org.recblend.testutil.SmallSample;

/**
 * Context features of the retail sample (its generator and import mapping): purchases carry a channel (web, app, store) and
 * a device, and shops open 09:00-21:00 UTC, so the encoders must find these facts back.
 */
class SampleContextTest {
    @TempDir
    Path dir;

    @Test
    void channelDeviceAndHourDistributionsOfTheRetailSample() throws Exception {
        // the retail sample's generator and import mapping, at a size that keeps the test fast
        Path sample = SmallSample.write(dir.resolve("sample"));
        try (ProjectStore store = ProjectStore.create(dir.resolve("retail"))) {
            new Importer(store).runAll(List.of(new ImportJob(SpecJson.read(sample.resolve("import/purchases.json")),
                    sample.resolve("data/purchases.csv"))), TaskMonitor.none());
            StoredDataset data = StoredDataset.open(store, "retail", List.of());
            InteractionTable all = data.interactions(TaskMonitor.none());
            assertThat(all.size()).isEqualTo(SmallSample.SPEC.interactions());
            InteractionContexts contexts = data.contexts(TaskMonitor.none());
            assertThat(contexts.size()).isEqualTo(all.size());
            assertThat(contexts.keys()).containsExactly("channel", "device");

            // train on every row but those of the last week of the year: features must come from the rest only
            long cut = 1_704_067_200L + 359 * 86_400L;
            Split split = new Split(all.filter(r -> all.ts(r) < cut), InteractionTable.empty(all.users(), all.items()),
                    all.filter(r -> all.ts(r) >= cut));
            EncodeContext.Settings s = new EncodeContext.Settings(List.of(EncodeContext.Feature.HOUR, EncodeContext.Feature.CATEGORICAL,
                    EncodeContext.Feature.RECENCY), "UTC", "retail", List.of(), 32, 16);
            s.validate();
            TestContext ctx = new TestContext(store);
            List<PortData> out = new EncodeContext().execute(s, Arrays.asList(null, PortData.of(PortTypes.SPLIT, split)), ctx);
            Embeddings users = out.get(0).as(Embeddings.class);
            Embeddings items = out.get(1).as(Embeddings.class);

            EncodedFeatures categorical = ContextDistributions.of(split.train(), contexts, Embeddings.Side.USER, 32, 16,
                    TaskMonitor.none());
            List<String> cols = categorical.columns();
            assertThat(cols).containsExactlyInAnyOrder("channel=web", "channel=app", "channel=store", "device=desktop",
                    "device=mobile", "device=tablet", "device=till");
            int hourCols = 26;
            assertThat(users.dim()).isEqualTo(hourCols + 1 + cols.size());
            int checked = 0;
            for (int u = 0; u < users.size(); u++) {
                if (!users.present(u)) {
                    continue;
                }
                float[] row = users.row(u);
                float hours = 0;
                float open = 0;
                for (int h = 0; h < 24; h++) {
                    hours += row[h];
                    open += h >= 9 && h <= 20 ? row[h] : 0;
                }
                assertThat(hours).isCloseTo(1f, within(1e-5f));
                float channels = 0;
                float devices = 0;
                for (int c = 0; c < cols.size(); c++) {
                    float v = row[hourCols + 1 + c];
                    if (cols.get(c).startsWith("channel=")) {
                        channels += v;
                    } else {
                        devices += v;
                    }
                }
                assertThat(channels).isCloseTo(1f, within(1e-5f));
                assertThat(devices).isCloseTo(1f, within(1e-5f));
                float inStore = row[hourCols + 1 + cols.indexOf("channel=store")];
                float till = row[hourCols + 1 + cols.indexOf("device=till")];
                assertThat(till).as("a till is the device of every store purchase and of no other").isEqualTo(inStore);
                assertThat(open).as("store purchases happen in opening hours").isGreaterThanOrEqualTo(inStore - 1e-5f);
                checked++;
            }
            assertThat(checked).isGreaterThan(150);
            assertThat(items.presentCount()).isGreaterThan(80);
        }
    }
}
