package org.recblend.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.domain.InteractionContexts;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.SourceKind;
import org.recblend.task.TaskMonitor;
import org.recblend.testutil.DatasetFixture;

class StoredContextsTest {
    @TempDir
    Path dir;

    private static void setContext(ProjectStore store, long ts, String json) {
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE interactions SET context = ? WHERE ts = ?")) {
                ps.setString(1, json);
                ps.setLong(2, ts);
                return ps.executeUpdate();
            }
        });
    }

    @Test
    void readsContextColumnsAlignedWithInteractions() throws Exception {
        try (ProjectStore store = ProjectStore.create(dir.resolve("shop"))) {
            DatasetFixture shop = DatasetFixture.create(store, "shop");
            int src = shop.source("purchases", SourceKind.BEHAVIOUR);
            shop.interaction(src, "ann", "tea", 5.0, 100L);
            shop.interaction(src, "ann", "mug", 4.0, 200L);
            shop.interaction(src, "bob", "tea", 3.0, 300L);
            shop.interaction(src, "bob", "pot", 3.0, 400L);
            setContext(store, 100L, "{\"channel\":\"web\",\"device\":\"mobile\"}");
            setContext(store, 200L, "{\"device\":\"tablet\"}");
            setContext(store, 300L, "not json");
            List<String> log = new ArrayList<>();
            TaskMonitor monitor = new TaskMonitor() {
                @Override
                public void progress(double fraction, String message) {
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }

                @Override
                public void log(String message) {
                    log.add(message);
                }
            };
            StoredDataset data = StoredDataset.open(store, "shop", List.of());
            InteractionContexts ctx = data.contexts(monitor);
            assertThat(ctx.size()).isEqualTo(2);
            assertThat(ctx.keys()).containsExactly("channel", "device");
            assertThat(log).anyMatch(m -> m.contains("1 interaction contexts that are not a JSON object"));

            InteractionTable table = data.interactions(TaskMonitor.none());
            int[] match = ctx.matchRows(table);
            for (int r = 0; r < table.size(); r++) {
                String user = table.users().id(table.user(r));
                String item = table.items().id(table.item(r));
                if (table.ts(r) == 100L) {
                    assertThat(ctx.value(0, match[r])).isEqualTo("web");
                    assertThat(ctx.value(1, match[r])).isEqualTo("mobile");
                } else if (table.ts(r) == 200L) {
                    assertThat(ctx.value(0, match[r])).isNull();
                    assertThat(ctx.value(1, match[r])).isEqualTo("tablet");
                    assertThat(user + "/" + item).isEqualTo("ann/mug");
                } else {
                    assertThat(match[r]).isEqualTo(-1);
                }
            }
        }
    }
}
