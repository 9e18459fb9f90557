package org.recblend.ui.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.recblend.results.InspectorFixture;
import org.recblend.results.ItemMapData;
import org.recblend.results.UserInspection;
import org.recblend.results.UserInspectionCatalogue;
import org.recblend.results.UserInspectionModel;
import org.recblend.results.UserInspectionRuns;
import org.recblend.ui.inspector.items.ItemExplorerViewModel;
import org.recblend.ui.task.CurrentThreadTaskExecutor;
import org.recblend.ui.task.TaskExecutor;

/** The inspector's and the explorer's view models without a screen, their work run on the calling thread. */
class InspectorViewModelsTest {
    static InspectorFixture f;
    static UserInspectionRuns runs;

    @BeforeAll
    static void fixture() throws Exception {
        f = InspectorFixture.get();
        runs = new UserInspectionRuns(f.store, InspectorFixture.REGISTRY, f.runner.cache());
    }

    @Test
    void theInspectorShowsAUserUnderTheChosenModelAndComparesAnother() {
        UserInspectorViewModel vm = new UserInspectorViewModel(runs, new CurrentThreadTaskExecutor());
        vm.load();
        assertThat(vm.models()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(vm.compareChoices().get(0)).isEqualTo(UserInspectorViewModel.NO_COMPARISON);
        assertThat(vm.modelProperty().get().nodeId()).isEqualTo("hybrid");
        assertThat(vm.matches()).hasSize(UserInspectorViewModel.MAX_MATCHES);
        String user = f.userWithAHit();
        vm.showUser(user);
        UserInspection inspection = new UserInspection(f.store, UserInspectionCatalogue.load(f.store, "retail"));
        UserInspection.TopList expected = inspection.recommendations(UserInspectionModel.load(runs, vm.modelProperty().get()), user, 10);
        assertThat(vm.listProperty().get().items()).isEqualTo(expected.items());
        assertThat(vm.compareListProperty().get()).isNull();
        assertThat(vm.statusProperty().get()).isEqualTo("Hits: " + expected.hits() + " of the top 10 are among the user's "
                + expected.heldOut().size() + " held-out test items");
        assertThat(vm.heldOut()).allSatisfy(r -> assertThat(r.part()).isIn(UserInspection.TEST, UserInspection.VALIDATION));
        vm.setK(5);
        assertThat(vm.listProperty().get().items()).isEqualTo(expected.items().subList(0, 5));
        vm.setK(1000);
        assertThat(vm.kProperty().get()).as("K is kept within 1 to 100").isEqualTo(100);
        UserInspectionRuns.ModelChoice popularity = vm.models().stream().filter(m -> m.nodeId().equals("popularity")).findFirst().orElseThrow();
        vm.setCompare(popularity);
        assertThat(vm.compareListProperty().get().choice()).isEqualTo(popularity);
        assertThat(vm.compareListProperty().get().source()).isEqualTo("scored");
        vm.setCompare(UserInspectorViewModel.NO_COMPARISON);
        assertThat(vm.compareListProperty().get()).isNull();

        vm.showUser("no such user");
        assertThat(vm.profileProperty().get()).isNull();
        assertThat(vm.history()).isEmpty();
        assertThat(vm.statusProperty().get()).isEqualTo("No user no such user in dataset retail");
    }

    @Test
    void anAnswerForAUserTheAnalystLeftIsDropped() {
        DeferredExecutor later = new DeferredExecutor();
        UserInspectorViewModel vm = new UserInspectorViewModel(runs, later);
        vm.load();
        later.runAll();
        later.runAll(); // the first search
        vm.showUser("1");
        vm.showUser("2");
        later.runAll();
        assertThat(vm.profileProperty().get().id()).as("the late answer for user 1 did not overwrite user 2").isEqualTo("2");
        assertThat(vm.userProperty().get()).isEqualTo("2");
    }

    @Test
    void theExplorerMapsTheNewestModelSearchesAndSelects() {
        ItemExplorerViewModel vm = new ItemExplorerViewModel(runs, new CurrentThreadTaskExecutor());
        vm.load();
        assertThat(vm.choices()).isEqualTo(ItemMapData.choices(runs));
        ItemMapData.ItemMap map = vm.mapProperty().get();
        assertThat(map.choice()).isEqualTo(vm.choices().get(0));
        vm.search("Headlamp");
        assertThat(vm.matches()).isEqualTo(map.search("Headlamp")).isNotEmpty();
        ItemMapData.Point p = map.points().get(10);
        vm.select(p);
        assertThat(vm.neighbours()).isEqualTo(map.neighbours(p, 10));
        // another map keeps the selected item
        ItemMapData.VectorChoice text = vm.choices().stream().filter(c -> !c.model()).findFirst().orElseThrow();
        vm.show(text);
        assertThat(vm.selectedProperty().get().id()).isEqualTo(p.id());
        assertThat(vm.neighbours()).isEqualTo(vm.mapProperty().get().neighbours(vm.selectedProperty().get(), 10));
        vm.search("");
        assertThat(vm.matches()).isEmpty();
        assertThat(vm.statusProperty().get()).contains("items · the two axes keep");

        // a model without item vectors says so and shows no map
        UserInspectionRuns.ModelChoice pop = runs.models().stream().filter(m -> m.nodeId().equals("popularity")).findFirst().orElseThrow();
        vm.show(new ItemMapData.VectorChoice(pop.runId(), pop.pipelineName(), "popularity", "model", true, "popularity"));
        assertThat(vm.mapProperty().get()).isNull();
        assertThat(vm.statusProperty().get()).contains("has no item vectors");
    }

    @Test
    void aProjectWithoutFinishedRunsSaysWhatToDo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        try (org.recblend.store.ProjectStore empty = org.recblend.store.ProjectStore.create(dir.resolve("empty"))) {
            UserInspectionRuns none = new UserInspectionRuns(empty, InspectorFixture.REGISTRY, new org.recblend.pipeline.OutputCache(empty));
            UserInspectorViewModel inspector = new UserInspectorViewModel(none, new CurrentThreadTaskExecutor());
            inspector.load();
            assertThat(inspector.models()).isEmpty();
            assertThat(inspector.statusProperty().get()).startsWith("No finished run has a trained model yet");
            inspector.showUser("1");
            assertThat(inspector.listProperty().get()).isNull();
            ItemExplorerViewModel explorer = new ItemExplorerViewModel(none, new CurrentThreadTaskExecutor());
            explorer.load();
            assertThat(explorer.mapProperty().get()).isNull();
            assertThat(explorer.statusProperty().get()).startsWith("No finished run has item vectors yet");
            explorer.search("anything");
            assertThat(explorer.matches()).isEmpty();
        }
    }

    /** Holds work until told, to play answers out of order. */
    static final class DeferredExecutor implements TaskExecutor {
        private final List<Runnable> queued = new ArrayList<>();

        @Override
        public <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            queued.add(() -> {
                T v;
                try {
                    v = work.call();
                } catch (Exception e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(v);
            });
        }

        void runAll() {
            List<Runnable> now = new ArrayList<>(queued);
            queued.clear();
            now.forEach(Runnable::run);
        }

        @Override
        public void shutdown() {
        }
    }
}
