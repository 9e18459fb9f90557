package org.recblend.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.store.ProjectSummary.DatasetSummary;
import org.recblend.store.ProjectSummary.SourceSummary;
import org.recblend.testutil.SmallProject;

class ProjectSummaryTest {
    @TempDir
    Path dir;

    @Test
    void countsEveryKindOfSourcePerSourceAndPerDataset() throws Exception {
        try (ProjectStore store = ProjectStore.create(dir.resolve("p"))) {
            SmallProject.fill(store);
            ProjectSummary summary = ProjectSummary.of(store);

            assertThat(summary.name()).isEqualTo("p");
            assertThat(summary.schemaVersion()).isEqualTo(ProjectStore.SCHEMA_VERSION);
            assertThat(summary.datasets()).extracting(DatasetSummary::name).containsExactly("shop", "spare");
            DatasetSummary shop = summary.dataset("shop").orElseThrow();
            assertThat(shop.users()).isEqualTo(SmallProject.SHOP_USERS);
            assertThat(shop.items()).isEqualTo(SmallProject.SHOP_ITEMS);
            assertThat(shop.sources()).extracting(SourceSummary::kind)
                    .containsExactly("BEHAVIOUR", "ITEM_CONTENT", "USER_PROFILE", "SOCIAL", "USER_ITEM_TEXT");

            SourceSummary purchases = shop.sources().get(0);
            assertThat(purchases.interactions()).isEqualTo(SmallProject.PURCHASES);
            assertThat(purchases.users()).isEqualTo(SmallProject.PURCHASE_USERS);
            assertThat(purchases.items()).isEqualTo(SmallProject.PURCHASE_ITEMS);
            assertThat(purchases.rowsRead()).isEqualTo(SmallProject.PURCHASE_ROWS_READ);
            assertThat(purchases.rowsRejected()).isEqualTo(SmallProject.PURCHASE_REJECTED);
            assertThat(purchases.fileName()).isEqualTo("purchases.csv");

            SourceSummary catalogue = shop.sources().get(1);
            assertThat(catalogue.items()).as("items with categories or texts").isEqualTo(5);
            assertThat(catalogue.itemTexts()).isEqualTo(SmallProject.ITEM_TEXTS);
            assertThat(catalogue.users()).isZero();
            assertThat(shop.sources().get(2).users()).isEqualTo(4);
            assertThat(shop.sources().get(3).socialEdges()).isEqualTo(SmallProject.FRIEND_EDGES);
            assertThat(shop.sources().get(3).users()).as("users at either end of an edge").isEqualTo(3);
            assertThat(shop.sources().get(4).userItemTexts()).isEqualTo(SmallProject.REVIEWS);
            assertThat(shop.sources().get(4).items()).isEqualTo(2);

            assertThat(shop.total(SourceSummary::interactions)).isEqualTo(SmallProject.PURCHASES);
            assertThat(shop.total(SourceSummary::rowsRejected)).isEqualTo(SmallProject.PURCHASE_REJECTED);
            DatasetSummary spare = summary.dataset("spare").orElseThrow();
            assertThat(spare.sources()).isEmpty();
            assertThat(spare.users()).isZero();
        }
    }

    @Test
    void anEmptyProjectHasNoDatasets() throws Exception {
        try (ProjectStore store = ProjectStore.create(dir.resolve("empty"))) {
            assertThat(ProjectSummary.of(store).datasets()).isEmpty();
        }
    }

    @Test
    void rejectSamplesComeInLineOrderWithTheColumnNamedOrNumbered() throws Exception {
        try (ProjectStore store = ProjectStore.create(dir.resolve("r"))) {
            SmallProject.fill(store);
            assertThat(RejectSample.first(store, 10, 10)).containsExactly(
                    new RejectSample.Row(4, "rating", "'abc' in column 3 (rating) is not a number", "2,3,abc,104"),
                    new RejectSample.Row(9, "", "expected 4 columns, found 3", "5,1,3"));
            assertThat(RejectSample.first(store, 10, 1)).hasSize(1);
            assertThat(RejectSample.first(store, 11, 10)).isEmpty();
        }
    }
}
