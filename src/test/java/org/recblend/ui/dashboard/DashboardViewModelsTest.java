package org.recblend.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.results.EvaluationRuns;
import org.recblend.results.EvaluationRuns.Evaluation;
import org.recblend.results.EvaluationRuns.Protocol;
import org.recblend.results.TrainingCurves;
import org.recblend.store.ProjectStore;
import org.recblend.ui.task.CurrentThreadTaskExecutor;

/** The dashboards' view models without a screen: what they say when there is nothing, or the user asks the impossible. */
class DashboardViewModelsTest {
    @TempDir
    Path dir;

    @Test
    void anEmptyProjectSaysHowToGetCurvesAndEvaluations() throws Exception {
        try (ProjectStore store = ProjectStore.create(dir.resolve("empty"))) {
            TrainingDashboardViewModel training = new TrainingDashboardViewModel(new TrainingCurves(store), new CurrentThreadTaskExecutor());
            training.load();
            assertThat(training.runs()).isEmpty();
            assertThat(training.loadingProperty().get()).isFalse();
            assertThat(training.messageProperty().get()).startsWith("No training curves stored yet");

            EvaluationDashboardViewModel eval = new EvaluationDashboardViewModel(new EvaluationRuns(store), new CurrentThreadTaskExecutor());
            eval.load();
            assertThat(eval.evaluations()).isEmpty();
            assertThat(eval.messageProperty().get()).startsWith("No evaluations stored yet");
            eval.compare(null, null, "ndcg@10");
            assertThat(eval.compareMessageProperty().get()).isEqualTo("Choose two evaluations and a metric.");
        }
    }

    @Test
    void comparingAnEvaluationWithoutPerUserValuesSaysHowToGetThem() throws Exception {
        try (ProjectStore store = ProjectStore.create(dir.resolve("empty"))) {
            EvaluationDashboardViewModel eval = new EvaluationDashboardViewModel(new EvaluationRuns(store), new CurrentThreadTaskExecutor());
            EvaluationData kept = data(1, true);
            EvaluationData notKept = data(2, false);
            eval.compare(kept, notKept, "ndcg@10");
            assertThat(eval.pairedProperty().get()).isNull();
            assertThat(eval.compareMessageProperty().get()).startsWith("Run 2 · bpr kept no per-user values")
                    .contains("Store per-user values");
            eval.compare(kept, kept, "ndcg@10");
            assertThat(eval.compareMessageProperty().get()).isEqualTo("Choose two different evaluations.");
        }
    }

    private static EvaluationData data(int run, boolean perUser) {
        Evaluation e = new Evaluation(run, "evaluate", "p", null, "bpr", "train.bpr",
                new Protocol("random split", "TEST", List.of(10), true, perUser));
        return new EvaluationData(e, List.of(), new double[0], new double[0]);
    }
}
