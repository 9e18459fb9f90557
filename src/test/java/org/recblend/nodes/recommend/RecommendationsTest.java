package org.recblend.nodes.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.domain.IdIndex;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.SourceKind;
import org.recblend.engine.Recommender;
import org.recblend.engine.recommend.BatchRecommender;
import org.recblend.engine.recommend.Recommendations;
import org.recblend.engine.recommend.RecommendationsCsv;
import org.recblend.store.ProjectStore;
import org.recblend.task.TaskMonitor;
import org.recblend.testutil.DatasetFixture;

class RecommendationsTest {
    @TempDir
    Path dir;

    private static final IdIndex USERS = IdIndex.of("alice", "bob");
    private static final IdIndex ITEMS = IdIndex.of("a", "b", "c", "d");

    /** Scores 4, 3, 2, 1 for items a..d for everybody. */
    private record Fixed(IdIndex users, IdIndex items) implements Recommender {
        public String kind() {
            return "fixed";
        }

        public void score(int user, float[] out) {
            for (int i = 0; i < out.length; i++) {
                out[i] = 4 - i;
            }
        }
    }

    private static Recommendations recommend(boolean excludeSeen) {
        InteractionTable seen = InteractionTable.builder(USERS, ITEMS).add(0, 0, 1, 0).add(1, 2, 1, 0).build();
        return BatchRecommender.recommend(new Fixed(USERS, ITEMS), seen, 2, excludeSeen, 2, TaskMonitor.none());
    }

    @Test
    void topKLeavesOutSeenItems() {
        Recommendations r = recommend(true);
        assertThat(r.itemsOf(0)).containsExactly(1, 2);
        assertThat(r.scoresOf(0)).containsExactly(3, 2);
        assertThat(r.itemsOf(1)).containsExactly(0, 1);
        Recommendations all = recommend(false);
        assertThat(all.itemsOf(0)).containsExactly(0, 1);
        assertThat(all.itemsOf(1)).containsExactly(0, 1);
    }

    @Test
    void csvFileHasExternalIdsAndRanks() throws Exception {
        Path file = dir.resolve("recs.csv");
        RecommendationsCsv.write(recommend(true), file);
        assertThat(Files.readAllLines(file)).containsExactly(
                "user_id,rank,item_id,score", "alice,1,b,3.0", "alice,2,c,2.0", "bob,1,a,4.0", "bob,2,b,3.0");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("recs.csv");
        }
    }

    @Test
    void storingRefusesDataThatIsNotFromTheProject() throws Exception {
        try (ProjectStore store = ProjectStore.create(dir.resolve("p"))) {
            DatasetFixture fx = DatasetFixture.create(store, "other");
            fx.interaction(fx.source("s", SourceKind.BEHAVIOUR), "zoe", "z", 1.0, null);
            RecommendationRepository repo = new RecommendationRepository(store);
            assertThatThrownBy(() -> repo.save(1, "rec", recommend(true), TaskMonitor.none()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("No dataset of project")
                    .hasMessageContaining("2 users and 4 items");
        }
    }

    @Test
    void storedIdsMapIndicesToDatabaseIds() throws Exception {
        try (ProjectStore store = ProjectStore.create(dir.resolve("p"))) {
            DatasetFixture first = DatasetFixture.create(store, "first");
            first.interaction(first.source("s", SourceKind.BEHAVIOUR), "zoe", "z", 1.0, null);
            DatasetFixture fx = DatasetFixture.create(store, "mine");
            int source = fx.source("s", SourceKind.BEHAVIOUR);
            fx.interactions(source, List.of(new DatasetFixture.Row("alice", "a", 1.0, null), new DatasetFixture.Row("bob", "b", 1.0, null),
                    new DatasetFixture.Row("alice", "c", 1.0, null), new DatasetFixture.Row("bob", "d", 1.0, null)));
            StoredIds ids = StoredIds.resolve(store, USERS, ITEMS);
            assertThat(ids.datasetId()).isEqualTo(fx.datasetId());
            // zoe and z took database id 1 in the first dataset
            assertThat(ids.userIds()).containsExactly(2, 3);
            assertThat(ids.itemIds()).containsExactly(2, 3, 4, 5);
        }
    }
}
