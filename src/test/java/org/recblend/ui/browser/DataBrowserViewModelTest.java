package org.recblend.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.store.ProjectStore;
import org.recblend.store.browse.RowFilter;
import org.recblend.store.browse.TableBrowser;
import org.recblend.store.browse.TableKind;
import org.recblend.testutil.SmallProject;
import org.recblend.ui.task.CurrentThreadTaskExecutor;

/** The browser's state without a screen, over the small hand-written project. */
class DataBrowserViewModelTest {
    @TempDir
    Path dir;
    private ProjectStore store;
    private DataBrowserViewModel vm;

    @BeforeEach
    void open() throws Exception {
        store = ProjectStore.create(dir.resolve("p"));
        SmallProject.fill(store);
        vm = new DataBrowserViewModel(new TableBrowser(store), new CurrentThreadTaskExecutor(), "shop");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void opensTheAskedSourceAndPagesItsRows() {
        vm.loadTables("purchases", null);
        assertThat(vm.tables()).hasSize(6);
        assertThat(vm.tableProperty().get().label()).isEqualTo("purchases · behaviour");
        assertThat(vm.totalProperty().get()).isEqualTo(6);
        assertThat(vm.rowsProperty().get()).hasSize(6);
        assertThat(vm.rowsProperty().get().get(5).values()).containsExactly("u3", "i1", 5.0, null, 105L, null);
        assertThat(vm.statusProperty().get()).isEqualTo("purchases · behaviour: 6 rows");
        assertThat(vm.errorProperty().get()).isNull();

        assertThat(vm.select("purchases", TableKind.REJECTS)).isTrue();
        assertThat(vm.rowsProperty().get().get(0).values()[3]).isEqualTo("'abc' in column 3 (rating) is not a number");
        assertThat(vm.select("nonexistent", null)).isFalse();
    }

    @Test
    void filtersAndRecomputesTheShownStatistics() {
        vm.loadTables("purchases", TableKind.BEHAVIOUR);
        vm.statsColumnProperty().set("weight");
        vm.computeStats();
        assertThat(vm.statsProperty().get().mean()).isEqualTo(20.0 / 6);

        vm.searchProperty().set("u1");
        vm.filterColumnProperty().set("weight");
        vm.filterOperatorProperty().set(RowFilter.Operator.BETWEEN);
        vm.filterValueProperty().set("5");
        vm.applyFilter();
        assertThat(vm.totalProperty().get()).isEqualTo(1);
        assertThat(vm.statusProperty().get()).isEqualTo("purchases · behaviour: 1 row match the filter");
        assertThat(vm.statsProperty().get().rows()).as("statistics follow the filter").isEqualTo(1);

        vm.clearFilter();
        assertThat(vm.totalProperty().get()).isEqualTo(6);
        assertThat(vm.statsProperty().get().rows()).isEqualTo(6);
    }

    @Test
    void aWrongFilterIsExplainedAndTheRowsStay() {
        vm.loadTables(null, null);
        vm.filterColumnProperty().set("weight");
        vm.filterOperatorProperty().set(RowFilter.Operator.EQUALS);
        vm.filterValueProperty().set("high");
        vm.applyFilter();
        assertThat(vm.errorProperty().get()).isEqualTo("'high' is not a number; column 'weight' holds numbers.");
        assertThat(vm.totalProperty().get()).isEqualTo(6);

        vm.filterValueProperty().set("5");
        vm.applyFilter();
        assertThat(vm.errorProperty().get()).isNull();
        assertThat(vm.totalProperty().get()).isEqualTo(2);
    }

    @Test
    void aClosedProjectGivesAMessageInsteadOfAStackTrace() {
        vm.loadTables(null, null);
        store.close();
        vm.statsColumnProperty().set("item");
        vm.computeStats();
        assertThat(vm.errorProperty().get()).isEqualTo("Project p is closed: reopen it to browse its data.");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aDatasetWithoutSourcesSaysSo() {
        DataBrowserViewModel spare = new DataBrowserViewModel(new TableBrowser(store), new CurrentThreadTaskExecutor(), "spare");
        spare.loadTables(null, null);
        assertThat(spare.tables()).isEmpty();
        assertThat(spare.statusProperty().get()).isEqualTo("Dataset spare holds no imported sources yet.");
    }
}
