package org.recblend.engine.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NumericBinsTest {

    @Test
    void edgesAreDistinctQuantilesAndEveryValueFallsInOneBin() {
        // five wanted bins; the value 5 fills half of the quantiles, so its equal edges merge and no bin is empty
        double[] values = {1, 2, 3, 5, 5, 5, 5, 5, 8, 9};
        FeatureBlock b = NumericBins.of("year", values, 5);
        assertThat(b.columns()).containsExactly("year[..2)", "year[2..5)", "year[5..)");
        assertThat(row(b, 0)).containsExactly(1, 0, 0);
        assertThat(row(b, 1)).containsExactly(0, 1, 0);
        assertThat(row(b, 2)).containsExactly(0, 1, 0);
        assertThat(row(b, 3)).containsExactly(0, 0, 1);
        assertThat(row(b, 9)).containsExactly(0, 0, 1);
    }

    @Test
    void aMissingValueIsAllZeroAndOneBinHoldsEverything() {
        FeatureBlock b = NumericBins.of("price", new double[] {3.5, Double.NaN, 10}, 1);
        assertThat(b.values().cols()).isEqualTo(1);
        assertThat(row(b, 0)).containsExactly(1);
        assertThat(row(b, 1)).containsExactly(0);
        assertThat(row(b, 2)).containsExactly(1);
    }

    @Test
    void edgesFollowTheSortedValuesAndBinsMustBePositive() {
        assertThat(NumericBins.edges(new double[] {4, 3, 2, 1}, 4)).containsExactly(1, 2, 3);
        assertThat(NumericBins.edges(new double[] {Double.NaN}, 4)).containsExactly(0);
        assertThatThrownBy(() -> NumericBins.of("x", new double[] {1}, 0)).hasMessageContaining("bins must be 1 or more");
    }

    private static float[] row(FeatureBlock b, int r) {
        float[] out = new float[b.values().cols()];
        System.arraycopy(b.values().data(), r * out.length, out, 0, out.length);
        return out;
    }
}
