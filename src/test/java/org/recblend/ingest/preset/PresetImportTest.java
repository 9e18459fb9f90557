package org.recblend.ingest.preset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recblend.ingest.ProjectFixture.count;
import static org.recblend.ingest.ProjectFixture.rows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.ingest.ImportResult;
import org.recblend.ingest.ProjectFixture;
import org.recblend.ingest.RejectReport;
import org.recblend.ingest.SourceInfo;
import org.recblend.store.ProjectStore;
import org.recblend.task.TaskMonitor;
import org.recblend.testutil.SharedData;

/** Every preset on the real data in ../shared/data, with the exact figures of its README. */
class PresetImportTest {
    @TempDir
    Path dir;
    private ProjectStore store;

    private ProjectStore open() throws Exception {
        store = ProjectFixture.create(dir);
        return store;
    }

    private long rejected(List<ImportResult> results) {
        for (ImportResult r : results) {
            if (r.hasRejects()) {
                System.err.println(r.summary() + ": " + RejectReport.of(store, r.sourceId()).page(0, 5));
            }
        }
        return results.stream().mapToLong(ImportResult::rowsRejected).sum();
    }

    @Test
    void movieLens100k() throws Exception {
        Path folder = SharedData.dir("ml-100k");
        try (ProjectStore store = open()) {
            List<ImportResult> results = PresetImporter.importFolder(store, "movielens-100k", folder, "ml-100k", TaskMonitor.none());
            assertThat(rejected(results)).isZero();
            assertThat(count(store, "SELECT COUNT(*) FROM interactions")).isEqualTo(100_000);
            assertThat(count(store, "SELECT COUNT(*) FROM users")).isEqualTo(943);
            assertThat(count(store, "SELECT COUNT(*) FROM items")).isEqualTo(1_682);
            assertThat(count(store, "SELECT COUNT(*) FROM item_texts WHERE field = 'title' AND text = 'Misérables, Les (1995)'")).isEqualTo(1);
            assertThat(count(store, "SELECT COUNT(*) FROM item_texts WHERE text LIKE '%Ã%'")).isZero();
            assertThat(count(store, "SELECT COUNT(DISTINCT category) FROM item_categories")).isEqualTo(19);
            assertThat(rows(store, "SELECT i.ext_id, c.category FROM item_categories c JOIN items i ON i.id = c.item_id"
                    + " WHERE i.ext_id = '1' ORDER BY c.category")).containsExactly("1|Animation", "1|Children's", "1|Comedy");
            assertThat(count(store, "SELECT COUNT(*) FROM user_attributes WHERE name = 'occupation'")).isEqualTo(943);
            assertThat(rows(store, "SELECT a.str_value, a.num_value FROM item_attributes a JOIN items i ON i.id = a.item_id"
                    + " WHERE i.ext_id = '1' AND a.name = 'release_date'")).containsExactly("01-Jan-1995|7.889184E8");
            assertThat(rows(store, "SELECT MIN(ts), MAX(ts), SUM(weight) FROM interactions")).containsExactly("874724710|893286638|352986");
        }
    }

    @Test
    void movieLensLatestSmall() throws Exception {
        Path folder = SharedData.dir("ml-latest-small");
        try (ProjectStore store = open()) {
            List<ImportResult> results = PresetImporter.importFolder(store, "movielens-latest-small", folder, null, TaskMonitor.none());
            assertThat(rejected(results)).isZero();
            assertThat(count(store, "SELECT COUNT(*) FROM interactions")).isEqualTo(100_836);
            assertThat(count(store, "SELECT COUNT(*) FROM user_item_texts WHERE kind = 'tag'")).isEqualTo(3_683);
            assertThat(count(store, "SELECT COUNT(*) FROM item_texts WHERE field = 'title'")).isEqualTo(9_742);
            assertThat(count(store, "SELECT COUNT(DISTINCT user_id) FROM interactions")).isEqualTo(610);
            assertThat(count(store, "SELECT COUNT(DISTINCT item_id) FROM interactions")).isEqualTo(9_724);
            assertThat(rows(store, "SELECT c.category FROM item_categories c JOIN items i ON i.id = c.item_id WHERE i.ext_id = '1'"
                    + " ORDER BY c.category")).containsExactly("Adventure", "Animation", "Children", "Comedy", "Fantasy");
            assertThat(SourceInfo.find(store, "movielens-latest-small", "ratings")).get()
                    .satisfies(s -> assertThat(s.rowsAccepted()).isEqualTo(100_836));
        }
    }

    @Test
    void lastFm() throws Exception {
        Path folder = SharedData.dir("hetrec2011-lastfm-2k");
        try (ProjectStore store = open()) {
            List<ImportResult> results = PresetImporter.importFolder(store, "lastfm-hetrec", folder, "lastfm", TaskMonitor.none());
            assertThat(rejected(results)).isZero();
            assertThat(count(store, "SELECT COUNT(*) FROM interactions WHERE event_type = 'listen'")).isEqualTo(92_834);
            assertThat(count(store, "SELECT COUNT(*) FROM social_edges WHERE kind = 'friend'")).isEqualTo(25_434);
            assertThat(count(store, "SELECT COUNT(*) FROM user_item_texts WHERE kind = 'tag'")).isEqualTo(186_479);
            assertThat(count(store, "SELECT COUNT(*) FROM item_texts WHERE field = 'name'")).isEqualTo(17_632);
            assertThat(count(store, "SELECT COUNT(*) FROM item_texts WHERE text = '\"Weird Al\" Yankovic'")).isEqualTo(1);
            // tags.dat has Latin-1 lines: their tags read correctly
            assertThat(count(store, "SELECT COUNT(*) FROM user_item_texts WHERE text = 'rock français'")).isPositive();
            assertThat(count(store, "SELECT COUNT(*) FROM user_item_texts WHERE text LIKE '%\uFFFD%'")).isZero();
            assertThat(count(store, "SELECT COUNT(*) FROM user_item_texts WHERE ts IS NULL")).isZero();
            assertThat(count(store, "SELECT SUM(weight) FROM interactions")).isEqualTo(69_183_975);
        }
    }

    @Test
    void filmTrust() throws Exception {
        Path folder = SharedData.dir("filmtrust");
        try (ProjectStore store = open()) {
            List<ImportResult> results = PresetImporter.importFolder(store, "filmtrust", folder, null, TaskMonitor.none());
            assertThat(rejected(results)).isZero();
            assertThat(count(store, "SELECT COUNT(*) FROM interactions")).isEqualTo(35_497);
            assertThat(count(store, "SELECT COUNT(*) FROM (SELECT DISTINCT user_id, item_id FROM interactions)")).isEqualTo(35_494);
            assertThat(results.get(0).rowsDuplicate()).isEqualTo(3);
            assertThat(count(store, "SELECT COUNT(*) FROM social_edges WHERE kind = 'trust'")).isEqualTo(1_853);
        }
    }

    @Test
    void amazonScientificRecBole() throws Exception {
        Path folder = SharedData.dir("amazon-scientific-unisrec");
        try (ProjectStore store = open()) {
            List<ImportResult> results = PresetImporter.importFolder(store, "recbole-atomic", folder, "scientific", TaskMonitor.none());
            assertThat(rejected(results)).isZero();
            assertThat(count(store, "SELECT COUNT(*) FROM item_texts")).isEqualTo(4_385);
            assertThat(count(store, "SELECT COUNT(*) FROM items")).isEqualTo(4_385);
            assertThat(count(store, "SELECT COUNT(*) FROM users")).isEqualTo(8_442);
            // indices were mapped back to ASINs, so interactions and texts meet on the same items
            assertThat(count(store, "SELECT COUNT(*) FROM items WHERE ext_id NOT LIKE 'B%' AND LENGTH(ext_id) < 10")).isZero();
            assertThat(count(store, "SELECT COUNT(*) FROM interactions i WHERE NOT EXISTS"
                    + " (SELECT 1 FROM item_texts t WHERE t.item_id = i.item_id)")).isZero();
            assertThat(count(store, "SELECT COUNT(*) FROM interactions")).isEqualTo(34_101 + 8_442 + 8_442);
        }
    }

    @Test
    void movieLens100kPlots() throws Exception {
        Path folder = SharedData.dir("ml-100k-plots");
        try (ProjectStore store = open()) {
            List<ImportResult> results = PresetImporter.importFolder(store, "ml-100k-plots", folder, null, TaskMonitor.none());
            assertThat(rejected(results)).isZero();
            assertThat(results.stream().filter(r -> r.sourceName().equals("items")).findFirst().orElseThrow().rowsRead()).isEqualTo(1_682);
            assertThat(count(store, "SELECT COUNT(*) FROM interactions")).isEqualTo(100_000);
            assertThat(count(store, "SELECT COUNT(*) FROM items")).isEqualTo(1_682);
            assertThat(count(store, "SELECT COUNT(*) FROM users")).isEqualTo(943);
            assertThat(count(store, "SELECT COUNT(*) FROM item_texts WHERE field = 'plot'")).isEqualTo(1_674);
            assertThat(count(store, "SELECT COUNT(*) FROM item_attributes WHERE name = 'rating'")).isZero();
            assertThat(rows(store, "SELECT c.category FROM item_categories c JOIN items i ON i.id = c.item_id WHERE i.ext_id = '1'"
                    + " ORDER BY c.category")).containsExactly("Adventure", "Animation", "Comedy", "Family", "Fantasy");
            assertThat(rows(store, "SELECT a.num_value FROM item_attributes a JOIN items i ON i.id = a.item_id"
                    + " WHERE i.ext_id = '1' AND a.name = 'year'")).containsExactly("1995.0");
        }
    }
}
