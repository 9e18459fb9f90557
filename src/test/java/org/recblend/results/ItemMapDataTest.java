package org.recblend.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.recblend.domain.Embeddings;
import org.recblend.engine.TrainedModel;
import org.recblend.engine.model.EmbeddingSource;
import org.recblend.engine.model.FloatMatrix;

/** The item map's PCA and neighbours, on planted vectors and on the item vectors of two runs of the retail sample. */
class ItemMapDataTest {
    static InspectorFixture f;
    static UserInspectionRuns runs;
    static UserInspectionCatalogue catalogue;

    @BeforeAll
    static void fixture() throws Exception {
        f = InspectorFixture.get();
        runs = new UserInspectionRuns(f.store, InspectorFixture.REGISTRY, f.runner.cache());
        catalogue = UserInspectionCatalogue.load(f.store, "retail");
    }

    @Test
    void pcaFindsPlantedDirectionsInOrderOfVariance() {
        // 2,000 points: spread 5 along (1,1,0,0)/√2, 2 along (0,0,1,0), 0.1 noise elsewhere, off-centre
        SplittableRandom r = new SplittableRandom(3);
        int n = 2000;
        int dim = 4;
        float[] v = new float[n * dim];
        for (int k = 0; k < n; k++) {
            double a = r.nextGaussian() * 5;
            double b = r.nextGaussian() * 2;
            v[k * dim] = (float) (a / Math.sqrt(2) + 10 + r.nextGaussian() * 0.1);
            v[k * dim + 1] = (float) (a / Math.sqrt(2) - 3 + r.nextGaussian() * 0.1);
            v[k * dim + 2] = (float) (b + r.nextGaussian() * 0.1);
            v[k * dim + 3] = (float) (r.nextGaussian() * 0.1);
        }
        ItemMapPca pca = ItemMapPca.fit(v, n, dim, 2, null, 1);
        assertThat(Math.abs(pca.components()[0][0])).isCloseTo(1 / Math.sqrt(2), within(0.01));
        assertThat(Math.abs(pca.components()[0][1])).isCloseTo(1 / Math.sqrt(2), within(0.01));
        assertThat(Math.abs(pca.components()[1][2])).isCloseTo(1, within(0.01));
        assertThat(pca.variances()[0]).isCloseTo(25, within(2.5));
        assertThat(pca.variances()[1]).isCloseTo(4, within(0.4));
        assertThat(pca.mean()[0]).isCloseTo(10, within(0.5));
        assertThat(pca.explained(0) + pca.explained(1)).isGreaterThan(0.99);
    }

    @Test
    void theMapOfTheHybridsItemVectorsHasOrthogonalComponentsInDescendingVariance() {
        ItemMapData.VectorChoice choice = ItemMapData.choices(runs).stream()
                .filter(c -> c.runId() == f.hybridRun.runId() && c.model()).findFirst().orElseThrow();
        ItemMapData.ItemMap map = ItemMapData.load(runs, choice, catalogue);
        TrainedModel m = f.hybridRun.output(f.hybrid, "hybrid", "model", TrainedModel.class);
        FloatMatrix items = ((EmbeddingSource) m.recommender()).itemEmbeddings();
        assertThat(map.points()).hasSize(items.rows());
        double[][] c = map.pca().components();
        assertThat(dot(c[0], c[0])).isCloseTo(1, within(1e-9));
        assertThat(dot(c[1], c[1])).isCloseTo(1, within(1e-9));
        assertThat(dot(c[0], c[1])).isCloseTo(0, within(1e-6));
        assertThat(map.pca().variances()[0]).isGreaterThanOrEqualTo(map.pca().variances()[1]).isPositive();
        // the variance of the coordinates along each axis is the component's eigenvalue
        for (int k = 0; k < 2; k++) {
            final int axis = k;
            double mean = map.points().stream().mapToDouble(p -> axis == 0 ? p.x() : p.y()).average().orElseThrow();
            double var = map.points().stream().mapToDouble(p -> Math.pow((axis == 0 ? p.x() : p.y()) - mean, 2)).sum()
                    / (map.points().size() - 1);
            assertThat(var).isCloseTo(map.pca().variances()[k], within(1e-6 * var));
            assertThat(mean).isCloseTo(0, within(1e-6));
        }
        // no other direction tried carries more variance than the first component
        SplittableRandom r = new SplittableRandom(5);
        for (int t = 0; t < 20; t++) {
            double[] d = new double[items.cols()];
            for (int j = 0; j < d.length; j++) {
                d[j] = r.nextGaussian();
            }
            assertThat(variance(items, d)).isLessThanOrEqualTo(map.pca().variances()[0] * (1 + 1e-6));
        }
        // colours: the ten biggest categories and "other"
        assertThat(map.groups()).hasSize(ItemMapData.COLOURED_CATEGORIES + 1).endsWith(ItemMapData.OTHER);
        ItemMapData.Point first = map.points().get(0);
        assertThat(first.title()).isEqualTo(catalogue.item(first.id()).title());
    }

    @Test
    void neighboursOfAnItemAreTheMostAlikeByDescendingCosine() {
        ItemMapData.VectorChoice text = ItemMapData.choices(runs).stream()
                .filter(c -> c.runId() == f.hybridRun.runId() && !c.model()).findFirst().orElseThrow();
        assertThat(text.label()).contains("text embeddings");
        ItemMapData.ItemMap map = ItemMapData.load(runs, text, catalogue);
        Embeddings e = f.hybridRun.output(f.hybrid, "text", "embeddings", Embeddings.class);
        ItemMapData.Point p = map.points().get(42);
        List<ItemMapData.Neighbour> near = map.neighbours(p, 8);
        assertThat(near).hasSize(8);
        assertThat(near).extracting(ItemMapData.Neighbour::cosine).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        int row = e.ids().indexOf(p.id());
        for (ItemMapData.Neighbour n : near) {
            assertThat(n.cosine()).isCloseTo(e.cosine(row, e.ids().indexOf(n.id())), within(1e-6));
        }
        double eighth = near.get(7).cosine();
        long better = java.util.stream.IntStream.range(0, e.size()).filter(i -> i != row && e.cosine(row, i) > eighth + 1e-9).count();
        assertThat(better).as("nothing outside the list is closer").isLessThanOrEqualTo(7);
        assertThat(near).extracting(ItemMapData.Neighbour::id).doesNotContain(p.id());
    }

    @Test
    void searchMatchesTitlesAndCategoriesAndModelsWithoutVectorsAreRefused() {
        ItemMapData.VectorChoice choice = ItemMapData.choices(runs).get(0);
        ItemMapData.ItemMap map = ItemMapData.load(runs, choice, catalogue);
        assertThat(map.search("headlamp")).isNotEmpty().allSatisfy(p -> assertThat(p.title().toLowerCase()).contains("headlamp"));
        assertThat(map.search("Jewellery")).hasSizeGreaterThanOrEqualTo(40);
        assertThat(map.search("")).isEmpty();
        assertThat(map.search("no such thing at all")).isEmpty();
        UserInspectionRuns.ModelChoice pop = runs.models().stream().filter(m -> m.nodeId().equals("popularity")).findFirst().orElseThrow();
        assertThatThrownBy(() -> ItemMapData.load(runs, new ItemMapData.VectorChoice(pop.runId(), pop.pipelineName(), "popularity",
                "model", true, "popularity"), catalogue)).hasMessageContaining("has no item vectors");
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    private static double variance(FloatMatrix m, double[] d) {
        double[] mean = new double[m.cols()];
        for (int r = 0; r < m.rows(); r++) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] += m.get(r, j) / (double) m.rows();
            }
        }
        double norm = Math.sqrt(dot(d, d));
        double sum = 0;
        for (int r = 0; r < m.rows(); r++) {
            double s = 0;
            for (int j = 0; j < d.length; j++) {
                s += (m.get(r, j) - mean[j]) * d[j] / norm;
            }
            sum += s * s;
        }
        return sum / (m.rows() - 1);
    }
}
