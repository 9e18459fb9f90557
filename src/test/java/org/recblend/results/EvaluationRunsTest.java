package org.recblend.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.engine.EpochRecord;
import org.recblend.engine.eval.EvaluationResult;
import org.recblend.engine.eval.Evaluator;
import org.recblend.engine.eval.MetricNames;
import org.recblend.engine.eval.MetricValue;
import org.recblend.engine.eval.WilcoxonSignedRank;
import org.recblend.results.EvaluationRuns.Evaluation;
import org.recblend.results.TrainingCurves.CurveRun;

/** The dashboards' readers on a project with two finished runs of the retail sample. */
class EvaluationRunsTest {
    @TempDir
    static Path dir;
    static DashboardFixture f;
    static EvaluationRuns runs;

    @BeforeAll
    static void runTwoPipelines() throws Exception {
        f = DashboardFixture.create(dir, "readers");
        runs = new EvaluationRuns(f.store);
    }

    @AfterAll
    static void close() {
        f.close();
    }

    private static Evaluation find(int runId, String node) {
        return runs.list().stream().filter(e -> e.runId() == runId && e.nodeId().equals(node)).findFirst().orElseThrow();
    }

    @Test
    void listsEveryEvaluationWithItsModelAndProtocol() {
        List<Evaluation> all = runs.list();
        assertThat(all).extracting(Evaluation::label).containsExactly(
                "Run " + f.baselineRun.runId() + " · bpr", "Run " + f.baselineRun.runId() + " · itemknn",
                "Run " + f.baselineRun.runId() + " · popularity", "Run " + f.hybridRun.runId() + " · hybrid");
        Evaluation bpr = all.get(0);
        assertThat(bpr.modelKind()).isEqualTo("train.bpr");
        assertThat(bpr.protocol().ks()).containsExactly(5, 10, 20);
        assertThat(bpr.protocol().target()).isEqualTo("TEST");
        assertThat(bpr.protocol().perUser()).isTrue();
        assertThat(bpr.protocol().split()).startsWith("random split (").contains("testShare 0.2").contains("validationShare 0.1");
        assertThat(bpr.protocol().candidates()).isEqualTo("all items except the user's training items");
    }

    @Test
    void figuresAreTheOnesTheRunComputed() {
        EvaluationResult result = f.result(f.baseline, f.baselineRun, "evaluate-bpr");
        List<MetricValue> stored = runs.metrics(find(f.baselineRun.runId(), "evaluate-bpr"));
        assertThat(stored).containsExactlyInAnyOrderElementsOf(result.metrics());
        assertThat(stored).noneMatch(m -> m.segment().startsWith("user:") || m.segment().startsWith("curve:"));
    }

    @Test
    void curvesCoverEveryKUpToFiftyAndMeetTheStoredCutOffs() {
        Evaluation e = find(f.hybridRun.runId(), "evaluate");
        EvaluationResult result = f.result(f.hybrid, f.hybridRun, "evaluate");
        for (String name : List.of(MetricNames.NDCG, MetricNames.RECALL)) {
            double[] curve = runs.curve(e, name);
            assertThat(curve).hasSize(Evaluator.CURVE_MAX_K);
            for (int k : List.of(5, 10, 20)) {
                assertThat(curve[k - 1]).as(name + "@" + k).isCloseTo(result.value(name, k), within(1e-12));
            }
        }
        double[] recall = runs.curve(e, MetricNames.RECALL);
        for (int k = 1; k < recall.length; k++) {
            assertThat(recall[k]).as("recall never falls as K grows").isGreaterThanOrEqualTo(recall[k - 1]);
        }
    }

    @Test
    void anEvaluationStoredBeforeCurvesHasNone() {
        Evaluation e = find(f.baselineRun.runId(), "evaluate-popularity");
        f.store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM metrics WHERE run_id = ? AND node_id = ? AND segment = 'curve:all'")) {
                ps.setInt(1, e.runId());
                ps.setString(2, e.nodeId());
                return ps.executeUpdate();
            }
        });
        assertThat(runs.curve(e, MetricNames.NDCG)).isEmpty();
        assertThat(runs.metrics(e)).isNotEmpty();
    }

    @Test
    void pairedComparisonMatchesTheInMemoryWilcoxonTest() {
        Evaluation bpr = find(f.baselineRun.runId(), "evaluate-bpr");
        Evaluation pop = find(f.baselineRun.runId(), "evaluate-itemknn");
        EvaluationRuns.Paired p = runs.compare(bpr, pop, MetricNames.NDCG, 10);
        EvaluationResult a = f.result(f.baseline, f.baselineRun, "evaluate-bpr");
        EvaluationResult b = f.result(f.baseline, f.baselineRun, "evaluate-itemknn");
        WilcoxonSignedRank.Result expected = a.compareWith(b, "ndcg@10");
        assertThat(p.test().pValue()).isCloseTo(expected.pValue(), within(1e-12));
        assertThat(p.test().z()).isCloseTo(expected.z(), within(1e-12));
        assertThat(p.users()).isEqualTo(a.evaluatedUsers());
        double[] x = a.perUser("ndcg@10");
        double[] y = b.perUser("ndcg@10");
        int gain = 0;
        int loss = 0;
        for (int u = 0; u < x.length; u++) {
            if (!Double.isNaN(x[u])) {
                gain += x[u] > y[u] ? 1 : 0;
                loss += x[u] < y[u] ? 1 : 0;
            }
        }
        assertThat(p.gainShare()).isCloseTo(gain / (double) p.users(), within(1e-12));
        assertThat(p.lossShare()).isCloseTo(loss / (double) p.users(), within(1e-12));
        assertThat(p.meanA()).isCloseTo(a.value("ndcg", 10), within(1e-9));
    }

    @Test
    void comparingOnAMetricWithoutPerUserValuesSaysWhy() {
        Evaluation bpr = find(f.baselineRun.runId(), "evaluate-bpr");
        Evaluation pop = find(f.baselineRun.runId(), "evaluate-popularity");
        assertThatThrownBy(() -> runs.compare(bpr, pop, MetricNames.NDCG, 7))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No per-user values of ndcg@7");
    }

    @Test
    void theHybridRunHasItsAblationAndContributions() {
        List<EvaluationRuns.Fusion> fusion = runs.fusion(f.hybridRun.runId());
        assertThat(fusion).hasSize(1);
        EvaluationRuns.Fusion h = fusion.get(0);
        assertThat(h.nodeId()).isEqualTo("hybrid");
        assertThat(h.ablation()).isNotEmpty();
        assertThat(h.ablation()).allSatisfy(a -> {
            assertThat(a.ndcgAll()).isBetween(0.0, 1.0);
            assertThat(a.ndcgWithout()).isBetween(0.0, 1.0);
        });
        assertThat(h.contributions()).isNotEmpty();
        assertThat(runs.fusion(f.baselineRun.runId())).isEmpty();
    }

    @Test
    void trainingCurvesListTheDeepModelsWithTheirEpochs() {
        TrainingCurves curves = new TrainingCurves(f.store);
        List<CurveRun> list = curves.list();
        assertThat(list).extracting(CurveRun::label).contains("Run " + f.hybridRun.runId() + " · hybrid",
                "Run " + f.baselineRun.runId() + " · bpr");
        CurveRun bpr = list.stream().filter(r -> r.nodeId().equals("bpr")).findFirst().orElseThrow();
        assertThat(bpr.nodeKind()).isEqualTo("train.bpr");
        assertThat(bpr.epochs()).isBetween(1, DashboardFixture.EPOCHS);
        List<EpochRecord> points = curves.curve(bpr.runId(), "bpr");
        assertThat(points).hasSize(bpr.epochs());
        assertThat(points).extracting(EpochRecord::epoch).isSorted();
        assertThat(points.stream().mapToDouble(EpochRecord::trainLoss).min().orElseThrow()).isEqualTo(bpr.bestLoss());
        assertThat(curves.curve(bpr.runId(), "no-such-node")).isEmpty();
    }
}
