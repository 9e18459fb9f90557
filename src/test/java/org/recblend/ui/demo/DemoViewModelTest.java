package org.recblend.ui.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.recblend.results.DemoCatalog;
import org.recblend.results.DemoFixture;
import org.recblend.results.DemoRun;
import org.recblend.task.TaskMonitor;
import org.recblend.ui.task.CurrentThreadTaskExecutor;
import org.recblend.ui.task.TaskExecutor;

/** The demo's view model without a screen, on the two-run fixture, with work run on the calling thread. */
class DemoViewModelTest {
    static DemoFixture fx;

    @BeforeAll
    static void fixture() throws Exception {
        fx = DemoFixture.get();
    }

    private static DemoViewModel ready() {
        DemoViewModel vm = new DemoViewModel(fx.store, new CurrentThreadTaskExecutor(), Debouncer.immediate());
        vm.refreshRuns();
        return vm;
    }

    @Test
    void opensOnTheNewestRunAndItsFirstCustomer() throws Exception {
        DemoViewModel vm = ready();
        assertThat(vm.runs()).hasSize(2);
        assertThat(vm.selectedRunProperty().get().runId()).isEqualTo(fx.concatRun);
        DemoRun run = vm.runProperty().get();
        assertThat(run).isNotNull();
        assertThat(vm.statusProperty().get()).contains(run.userCount() + " customers").contains("MiniLM");
        DemoRun.User shown = vm.customerProperty().get();
        assertThat(shown.id()).isEqualTo(run.userId(0));
        // the list shown is the concat run's stored list
        DemoRun direct = DemoCatalog.load(fx.store, fx.choice(fx.concatRun), TaskMonitor.none());
        assertThat(shown.recommendations()).isEqualTo(direct.user(run.userId(0)).recommendations());
        assertThat(vm.newItemAvailableProperty().get()).isTrue();
    }

    @Test
    void switchingRunsShowsTheSameCustomerWithTheOtherRunsList() throws Exception {
        DemoViewModel vm = ready();
        vm.showCustomer("17");
        List<DemoRun.Recommendation> concat = vm.customerProperty().get().recommendations();
        vm.selectedRunProperty().set(vm.runs().stream().filter(c -> c.runId() == fx.gatedRun).findFirst().orElseThrow());
        assertThat(vm.customerProperty().get().id()).isEqualTo("17");
        List<DemoRun.Recommendation> gated = vm.customerProperty().get().recommendations();
        DemoRun direct = DemoCatalog.load(fx.store, fx.choice(fx.gatedRun), TaskMonitor.none());
        assertThat(gated).isEqualTo(direct.user("17").recommendations()).isNotEqualTo(concat);
    }

    @Test
    void anUnknownCustomerLeavesAMessageAndKeepsTheCard() {
        DemoViewModel vm = ready();
        DemoRun.User before = vm.customerProperty().get();
        vm.showCustomer("nobody");
        assertThat(vm.customerMessageProperty().get()).contains("No customer 'nobody'");
        assertThat(vm.customerProperty().get()).isEqualTo(before);
    }

    @Test
    void typingADescriptionPlacesTheNewItem() {
        DemoViewModel vm = ready();
        vm.newItemTextProperty().set("ca");
        assertThat(vm.newItemMessageProperty().get()).isEqualTo("Keep typing…");
        assertThat(vm.newItemAnswerProperty().get()).isNull();
        vm.newItemTextProperty().set("a cast iron frying pan for the oven");
        assertThat(vm.newItemAnswerProperty().get()).isNotNull();
        assertThat(vm.newItemAnswerProperty().get().text()).isEqualTo("a cast iron frying pan for the oven");
        assertThat(vm.newItemAnswerProperty().get().items()).isNotEmpty();
        assertThat(vm.newItemMessageProperty().get()).startsWith("Answered in");
        vm.newItemTextProperty().set("");
        assertThat(vm.newItemAnswerProperty().get()).isNull();
        assertThat(vm.newItemMessageProperty().get()).isEmpty();
    }

    @Test
    void anAnswerToAnOlderTextNeverReplacesTheNewerOne() {
        QueuedExecutor queue = new QueuedExecutor();
        DemoViewModel vm = new DemoViewModel(fx.store, queue, Debouncer.immediate());
        vm.refreshRuns();
        queue.runAll();
        vm.newItemTextProperty().set("a waterproof jacket for hiking");
        vm.newItemTextProperty().set("a chef's knife for the kitchen");
        // the newer question finishes first, the older one after it
        queue.runReversed();
        assertThat(vm.newItemAnswerProperty().get().text()).isEqualTo("a chef's knife for the kitchen");
    }

    /** Holds work until the test runs it, in the order it chooses. */
    static final class QueuedExecutor implements TaskExecutor {
        private final List<Runnable> queue = new ArrayList<>();

        @Override
        public <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            queue.add(() -> {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            });
        }

        void runAll() {
            while (!queue.isEmpty()) {
                queue.remove(0).run();
            }
        }

        void runReversed() {
            while (!queue.isEmpty()) {
                queue.remove(queue.size() - 1).run();
            }
        }

        @Override
        public void shutdown() {
        }
    }

    @Test
    void theEncoderIsNamedForAnAudienceNotByItsKey() {
        assertThat(DemoViewModel.encoderName("text:minilm-l6-v2-q@1.19.0-beta29")).isEqualTo("the MiniLM sentence model");
        assertThat(DemoViewModel.encoderName("text:tfidf-svd64@1:dc55a0")).isEqualTo("word statistics (TF-IDF)");
        assertThat(DemoViewModel.encoderName("text:onnx-folder@2:ab12")).isEqualTo("onnx-folder");
    }
}
