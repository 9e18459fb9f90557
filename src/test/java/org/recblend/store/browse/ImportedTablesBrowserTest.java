package org.recblend.store.browse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.sample.SampleProject;
import org.recblend.store.ProjectStore;
import org.recblend.store.browse.RowFilter.Condition;
import org.recblend.task.TaskMonitor;

/** The browser over what the real importer wrote: the committed retail sample. */
class ImportedTablesBrowserTest {
    @TempDir
    Path dir;

    @Test
    void theRetailSampleReadsAsItsFilesWithTypedAttributeColumns() throws Exception {
        SampleProject.build(SampleProject.RETAIL_FOLDER, dir.resolve("retail"), TaskMonitor.none());
        try (ProjectStore store = ProjectStore.open(dir.resolve("retail"))) {
            TableBrowser browser = new TableBrowser(store);
            List<BrowsableTable> tables = browser.tables("retail");
            assertThat(tables).extracting(BrowsableTable::kind).contains(TableKind.BEHAVIOUR, TableKind.ITEM_CONTENT,
                    TableKind.USER_PROFILE, TableKind.SOCIAL, TableKind.USER_ITEM_TEXT);

            BrowsableTable catalogue = tables.stream().filter(t -> t.kind() == TableKind.ITEM_CONTENT).findFirst().orElseThrow();
            assertThat(catalogue.columns()).contains(new BrowseColumn("brand", ColumnType.TEXT),
                    new BrowseColumn("price", ColumnType.NUMBER), new BrowseColumn("title", ColumnType.TEXT),
                    new BrowseColumn("categories", ColumnType.TEXT));
            Object[] first = browser.page(catalogue, RowFilter.NONE, 0, 1).rows().get(0);
            assertThat(first[0]).isEqualTo("1");
            assertThat(first[catalogue.columns().indexOf(new BrowseColumn("price", ColumnType.NUMBER))]).isEqualTo(76.99);
            ColumnStats price = browser.stats(catalogue, RowFilter.NONE, "price");
            assertThat(price.histogram()).hasSize(TableBrowser.DEFAULT_BINS);
            assertThat(price.histogram().stream().mapToLong(ColumnStats.Bin::count).sum()).isEqualTo(price.present());

            BrowsableTable purchases = tables.stream().filter(t -> t.label().equals("purchases · behaviour")).findFirst().orElseThrow();
            assertThat(browser.count(purchases, RowFilter.NONE)).isEqualTo(50_000);
            Object[] purchase = browser.page(purchases, RowFilter.NONE, 0, 1).rows().get(0);
            assertThat(purchase).containsExactly("1", "488", 3.0, "purchase", 1705252702L, "{\"channel\":\"store\",\"device\":\"till\"}");
            assertThat(browser.count(purchases, RowFilter.of(Condition.contains("context", "till"))))
                    .isBetween(1L, 49_999L);
        }
    }
}
