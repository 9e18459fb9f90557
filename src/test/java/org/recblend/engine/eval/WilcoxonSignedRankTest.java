package org.recblend.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WilcoxonSignedRankTest {

    /**
     * Fisher's height differences from the scipy.stats.wilcoxon documentation: W− = 24 (ranks 10
     * and 14), W+ = 96, n = 15, z = (24 − 60)/√310; scipy with method="approx" gives p = 0.04088813291185591.
     */
    @Test
    void scipyDocumentedExample() {
        double[] d = {6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75};
        WilcoxonSignedRank.Result r = WilcoxonSignedRank.test(d, new double[d.length]);
        assertThat(r.pairs()).isEqualTo(15);
        assertThat(r.wMinus()).isEqualTo(24);
        assertThat(r.wPlus()).isEqualTo(96);
        assertThat(r.statistic()).isEqualTo(24);
        assertThat(r.z()).isCloseTo(36 / Math.sqrt(310), within(1e-12));
        assertThat(r.pValue()).isCloseTo(0.04088813291185591, within(1e-6));
    }

    /**
     * Ties and zero differences: x − y = 1, 0, 1, 2, 0, 2, −1, 0, −1, −0.5. Zeros dropped (n = 7);
     * mid-ranks 1 (0.5), 3.5 (four 1s), 6.5 (two 2s); W+ = 20, W− = 8; variance 35 − (60 + 6)/48.
     * scipy: wilcoxon(d, method="approx") gives statistic 8, p = 0.3008027423277617.
     */
    @Test
    void tiesAndZerosByHandAndScipy() {
        double[] x = {1, 2, 2, 3, 0, 5, 5, 4, 0, 1.5};
        double[] y = {0, 2, 1, 1, 0, 3, 6, 4, 1, 2};
        WilcoxonSignedRank.Result r = WilcoxonSignedRank.test(x, y);
        assertThat(r.pairs()).isEqualTo(7);
        assertThat(r.wPlus()).isEqualTo(20);
        assertThat(r.wMinus()).isEqualTo(8);
        assertThat(r.z()).isCloseTo(6 / Math.sqrt(35 - 66 / 48.0), within(1e-12));
        assertThat(r.pValue()).isCloseTo(0.3008027423277617, within(1e-6));
        assertThat(r.meanDiff()).isCloseTo(3.5 / 10, within(1e-12));
    }

    @Test
    void symmetricInItsPValue() {
        double[] x = {0.1, 0.5, 0.3, 0.9, 0.4, 0.2};
        double[] y = {0.2, 0.1, 0.0, 0.5, 0.45, 0.1};
        assertThat(WilcoxonSignedRank.test(x, y).pValue()).isCloseTo(WilcoxonSignedRank.test(y, x).pValue(), within(1e-12));
        assertThat(WilcoxonSignedRank.test(y, x).z()).isCloseTo(-WilcoxonSignedRank.test(x, y).z(), within(1e-12));
    }

    @Test
    void identicalSamplesGivePOne() {
        WilcoxonSignedRank.Result r = WilcoxonSignedRank.test(new double[] {1, 2, 3}, new double[] {1, 2, 3});
        assertThat(r.pValue()).isEqualTo(1);
        assertThat(r.pairs()).isZero();
    }

    @Test
    void pairsWithNaNAreLeftOut() {
        double[] d = {6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75, Double.NaN};
        double[] zero = new double[d.length];
        zero[15] = 3;
        assertThat(WilcoxonSignedRank.test(d, zero).pairs()).isEqualTo(15);
    }

    @Test
    void erfcMatchesKnownValues() {
        assertThat(WilcoxonSignedRank.erfc(0)).isCloseTo(1, within(1e-7));
        assertThat(WilcoxonSignedRank.erfc(1)).isCloseTo(0.157299207050285, within(1e-7));
        assertThat(WilcoxonSignedRank.erfc(-1)).isCloseTo(1.842700792949715, within(1e-7));
        assertThat(WilcoxonSignedRank.erfc(3)).isCloseTo(2.209049699858544e-05, within(1e-11));
    }
}
