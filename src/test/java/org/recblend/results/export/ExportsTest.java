package org.recblend.results.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.engine.bundle.BundleException;
import org.recblend.engine.bundle.ModelBundle;
import org.recblend.engine.bundle.ModelCard;
import org.recblend.engine.eval.MetricValue;
import org.recblend.nodes.evaluate.MetricsRepository;
import org.recblend.nodes.recommend.RecommendationRepository;
import org.recblend.results.DemoFixture;

/** Recommendations as CSV and the model bundle, exported from the fixture's runs and read back. */
class ExportsTest {
    static DemoFixture fx;
    @TempDir
    Path dir;

    @BeforeAll
    static void fixture() throws Exception {
        fx = DemoFixture.get();
    }

    @Test
    void recommendationsCsvHoldsEveryStoredRow() throws Exception {
        Path csv = dir.resolve("out/recs.csv");
        int rows = RecommendationsExport.writeCsv(fx.store, fx.gatedRun, csv);
        assertThat(rows).isEqualTo(new RecommendationRepository(fx.store).count(fx.gatedRun, "recommend")).isPositive();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(rows + 1);
        assertThat(lines.get(0)).isEqualTo("user_id,rank,item_id,score");
        assertThat(lines.get(1)).startsWith("1,1,");
    }

    @Test
    void aRunWithoutListsIsRefusedAndNoFileAppears() {
        Path csv = dir.resolve("none.csv");
        assertThatThrownBy(() -> RecommendationsExport.writeCsv(fx.store, 9999, csv))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no finished Recommend node");
        assertThat(csv).doesNotExist();
    }

    @Test
    void theModelBundleCarriesTheModelAndItsFigures() throws Exception {
        assertThat(ModelBundleExport.modelNodes(fx.store, fx.concatRun)).containsExactly("hybrid");
        Path zip = dir.resolve("hybrid.zip");
        ModelCard card = ModelBundleExport.export(fx.store, fx.concatRun, "hybrid", zip);
        ModelBundle.Loaded loaded = ModelBundle.read(zip);
        assertThat(loaded.card().kind()).isEqualTo("hybrid").isEqualTo(card.kind());
        double ndcg = new MetricsRepository(fx.store).load(fx.concatRun, "evaluate").stream()
                .filter(m -> m.segment().equals("all") && m.name().equals("ndcg") && Integer.valueOf(10).equals(m.k()))
                .mapToDouble(MetricValue::value).findFirst().orElseThrow();
        assertThat(loaded.card().metrics()).containsEntry("ndcg@10", ndcg);
        assertThat(loaded.model().recommender().items().size()).isEqualTo(1000);
    }

    @Test
    void aNodeThatIsNotAModelIsRefused() {
        assertThatThrownBy(() -> ModelBundleExport.export(fx.store, fx.concatRun, "evaluate", dir.resolve("x.zip")))
                .isInstanceOf(BundleException.class).hasMessageContaining("does not output a trained model");
        assertThat(dir.resolve("x.zip")).doesNotExist();
    }
}
