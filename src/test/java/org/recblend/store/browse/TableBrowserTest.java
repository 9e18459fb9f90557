package org.recblend.store.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.store.ProjectStore;
import org.recblend.store.browse.RowFilter.Condition;
import org.recblend.testutil.SmallProject;

/** Pages, filters and statistics over the small hand-written project. */
class TableBrowserTest {
    @TempDir
    Path dir;
    private ProjectStore store;
    private TableBrowser browser;

    @BeforeEach
    void fill() throws Exception {
        store = ProjectStore.create(dir.resolve("p"));
        SmallProject.fill(store);
        browser = new TableBrowser(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private BrowsableTable table(String label) {
        return browser.tables("shop").stream().filter(t -> t.label().equals(label)).findFirst().orElseThrow();
    }

    private static List<String> names(BrowsableTable t) {
        return t.columns().stream().map(BrowseColumn::name).toList();
    }

    @Test
    void listsOneTablePerSourceAndTheRejectedRowsOfSourcesThatHaveThem() {
        assertThat(browser.datasets()).containsExactly("shop", "spare");
        assertThat(browser.tables("shop")).extracting(BrowsableTable::label).containsExactly(
                "purchases · behaviour", "purchases · rejected rows", "catalogue · items", "customers · users",
                "friends · social edges", "reviews · user-item texts");
        assertThat(browser.tables("spare")).isEmpty();
        assertThat(names(table("purchases · behaviour"))).containsExactly("user", "item", "weight", "event type", "time", "context");
        assertThat(names(table("catalogue · items"))).containsExactly("item", "categories", "title", "description");
        assertThat(names(table("customers · users"))).containsExactly("user", "region");
    }

    @Test
    void pagesByOffsetAndByKeyGiveTheSameRows() {
        BrowsableTable purchases = table("purchases · behaviour");
        assertThat(browser.count(purchases, RowFilter.NONE)).isEqualTo(SmallProject.PURCHASES);

        TablePage first = browser.page(purchases, RowFilter.NONE, 0, 4);
        assertThat(first.rows()).hasSize(4);
        assertThat(first.rows().get(0)).containsExactly("u1", "i1", 5.0, null, 100L, null);
        TablePage byKey = browser.pageAfter(purchases, RowFilter.NONE, 4, first.lastKey(), 4);
        TablePage byOffset = browser.page(purchases, RowFilter.NONE, 4, 4);
        assertThat(byKey.offset()).isEqualTo(4);
        assertThat(byKey.rows()).hasSize(2);
        assertThat(byKey.rows().stream().map(Arrays::asList).toList())
                .isEqualTo(byOffset.rows().stream().map(Arrays::asList).toList());
        assertThat(byKey.rows().get(1)).containsExactly("u3", "i1", 5.0, null, 105L, null);
        assertThat(browser.pageAfter(purchases, RowFilter.NONE, 6, byKey.lastKey(), 4).rows()).isEmpty();

        long keyOfRow1 = browser.page(purchases, RowFilter.NONE, 0, 2).lastKey();
        TablePage jump = browser.pageAfter(purchases, RowFilter.NONE, 2, keyOfRow1, 4, 2);
        assertThat(jump.offset()).isEqualTo(4);
        assertThat(jump.rows().stream().map(Arrays::asList).toList())
                .isEqualTo(byOffset.rows().stream().map(Arrays::asList).toList());
        assertThatThrownBy(() -> browser.pageAfter(purchases, RowFilter.NONE, 2, keyOfRow1, 1, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void filtersBySearchTextAndByColumnConditions() {
        BrowsableTable p = table("purchases · behaviour");
        assertThat(browser.count(p, RowFilter.search("I2"))).as("case-insensitive, any column").isEqualTo(2);
        assertThat(browser.count(p, RowFilter.of(Condition.equalTo("weight", "5")))).isEqualTo(2);
        assertThat(browser.count(p, RowFilter.of(Condition.between("weight", "2", "4")))).isEqualTo(3);
        assertThat(browser.count(p, RowFilter.of(Condition.between("WEIGHT", "", "2")))).as("open lower bound").isEqualTo(2);
        assertThat(browser.count(p, RowFilter.of(Condition.contains("user", "2")))).isEqualTo(2);
        assertThat(browser.count(p, RowFilter.of(Condition.missing("event type")))).isEqualTo(6);
        assertThat(browser.count(p, RowFilter.of(Condition.equalTo("user", "u1"), Condition.equalTo("weight", "4")))).isEqualTo(1);
        assertThat(browser.count(p, RowFilter.search("u3").and(Condition.equalTo("weight", "5")))).isEqualTo(1);
        assertThat(browser.page(p, RowFilter.of(Condition.equalTo("item", "i1")), 0, 10).rows())
                .extracting(r -> r[0]).containsExactly("u1", "u3");
        assertThat(browser.count(table("catalogue · items"), RowFilter.search("pan"))).isEqualTo(1);
    }

    @Test
    void aTimeColumnIsFilteredByDateOrBySeconds() throws Exception {
        BrowsableTable p = table("purchases · behaviour");
        assertThat(browser.count(p, RowFilter.of(Condition.equalTo("time", "1970-01-01")))).isEqualTo(6);
        assertThat(browser.count(p, RowFilter.of(Condition.equalTo("time", "1970-01-02")))).isZero();
        assertThat(browser.count(p, RowFilter.of(Condition.between("time", "102", "1970-01-01")))).isEqualTo(4);
    }

    @Test
    void typedValuesNeverBecomeSql() {
        BrowsableTable p = table("purchases · behaviour");
        assertThat(browser.count(p, RowFilter.search("' OR 1=1 --"))).isZero();
        assertThat(browser.count(p, RowFilter.of(Condition.equalTo("user", "u1' OR '1'='1")))).isZero();
        assertThat(browser.count(p, RowFilter.search("%"))).as("LIKE wildcards are literal").isZero();
        assertThat(browser.count(p, RowFilter.search("_"))).isZero();
        assertThat(browser.count(p, RowFilter.NONE)).isEqualTo(SmallProject.PURCHASES);
    }

    @Test
    void aFilterTheUserGotWrongIsExplained() {
        BrowsableTable p = table("purchases · behaviour");
        assertThatThrownBy(() -> browser.count(p, RowFilter.of(Condition.equalTo("rating", "5"))))
                .isInstanceOf(InvalidFilterException.class)
                .hasMessage("There is no column 'rating' in purchases · behaviour. Its columns are: user, item, weight, event type, time, context.");
        assertThatThrownBy(() -> browser.count(p, RowFilter.of(Condition.equalTo("weight", "five"))))
                .isInstanceOf(InvalidFilterException.class)
                .hasMessage("'five' is not a number; column 'weight' holds numbers.");
        assertThatThrownBy(() -> browser.count(p, RowFilter.of(Condition.between("weight", "4", "2"))))
                .hasMessage("The lower bound 4 is above the upper bound 2 (column 'weight'): no row can match.");
        assertThatThrownBy(() -> browser.count(p, RowFilter.of(Condition.between("weight", "", " "))))
                .hasMessage("Give a lower bound, an upper bound or both for column 'weight'.");
        assertThatThrownBy(() -> browser.count(p, RowFilter.of(Condition.contains("user", ""))))
                .hasMessage("Type the value that column 'user' should contain.");
        assertThatThrownBy(() -> browser.count(p, RowFilter.of(Condition.equalTo("time", "2024-13-40"))))
                .hasMessage("'2024-13-40' is not a valid date; column 'time' holds times (yyyy-mm-dd, in UTC).");
        assertThatThrownBy(() -> browser.count(p, RowFilter.of(Condition.equalTo("time", "yesterday"))))
                .hasMessage("'yesterday' is not a date (yyyy-mm-dd) or seconds since 1970; column 'time' holds times.");
        assertThatThrownBy(() -> browser.stats(p, RowFilter.NONE, "nope")).isInstanceOf(InvalidFilterException.class);
    }

    @Test
    void statisticsOfANumericColumnAreComputedOverTheFilteredRows() {
        BrowsableTable p = table("purchases · behaviour");
        ColumnStats weight = browser.stats(p, RowFilter.NONE, "weight");
        assertThat(weight.rows()).isEqualTo(6);
        assertThat(weight.present()).isEqualTo(6);
        assertThat(weight.missing()).isZero();
        assertThat(weight.distinct()).isEqualTo(5);
        assertThat(weight.min()).isEqualTo(1.0);
        assertThat(weight.max()).isEqualTo(5.0);
        assertThat(weight.mean()).isEqualTo(20.0 / 6);
        assertThat(weight.histogram()).as("ratings 1-5: one bin per value")
                .extracting(ColumnStats.Bin::count).containsExactly(1L, 1L, 1L, 1L, 2L);
        assertThat(weight.histogram().get(0).from()).isEqualTo(0.5);
        assertThat(weight.topValues().get(0)).isEqualTo(new ColumnStats.ValueCount("5", 2));

        ColumnStats time = browser.stats(p, RowFilter.NONE, "time", 2, 3);
        assertThat(time.histogram()).extracting(ColumnStats.Bin::count).containsExactly(3L, 3L);
        assertThat(time.histogram().get(1).to()).isEqualTo(105.0);
        assertThat(time.topValues()).hasSize(3);

        ColumnStats filtered = browser.stats(p, RowFilter.of(Condition.equalTo("user", "u1")), "weight");
        assertThat(filtered.rows()).isEqualTo(2);
        assertThat(filtered.mean()).isEqualTo(4.5);
    }

    @Test
    void statisticsOfATextColumnCountMissingValuesAndListTheMostFrequent() {
        ColumnStats title = browser.stats(table("catalogue · items"), RowFilter.NONE, "title");
        assertThat(title.rows()).isEqualTo(5);
        assertThat(title.present()).isEqualTo(2);
        assertThat(title.missing()).isEqualTo(3);
        assertThat(title.min()).isNull();
        assertThat(title.histogram()).isEmpty();
        ColumnStats items = browser.stats(table("purchases · behaviour"), RowFilter.NONE, "item");
        assertThat(items.distinct()).isEqualTo(SmallProject.PURCHASE_ITEMS);
        assertThat(items.topValues()).extracting(ColumnStats.ValueCount::value).startsWith("i1", "i2");
        assertThat(items.topValues().get(0).count()).isEqualTo(2);
        ColumnStats none = browser.stats(table("purchases · behaviour"), RowFilter.of(Condition.equalTo("user", "nobody")), "weight");
        assertThat(none.rows()).isZero();
        assertThat(none.mean()).isNull();
        assertThat(none.histogram()).isEmpty();
    }

    @Test
    void itemsAndUsersReadAsOneRowEachWithTheirAttributes() {
        List<Object[]> items = browser.page(table("catalogue · items"), RowFilter.NONE, 0, 10).rows();
        assertThat(items).hasSize(5);
        assertThat(items.get(1)).containsExactly("i2", "Cookware", "Pan", "A pan");
        assertThat(items.get(2)).containsExactly("i3", "Audio", null, null);
        assertThat(browser.page(table("customers · users"), RowFilter.NONE, 0, 10).rows())
                .extracting(r -> r[1]).containsExactly("North", "South", "East", "West");
        assertThat(browser.page(table("friends · social edges"), RowFilter.NONE, 0, 10).rows().get(0))
                .containsExactly("u1", "u2", "friend", null, null);
        assertThat(browser.page(table("reviews · user-item texts"), RowFilter.NONE, 0, 10).rows().get(1))
                .containsExactly("u4", "i5", "review", "Broke", null);
    }

    @Test
    void rejectedRowsShowFileLineColumnReasonAndRawText() {
        BrowsableTable rejects = table("purchases · rejected rows");
        assertThat(rejects.kind()).isEqualTo(TableKind.REJECTS);
        assertThat(names(rejects)).containsExactly("line", "column", "column name", "reason", "raw text", "file");
        List<Object[]> rows = browser.page(rejects, RowFilter.NONE, 0, 10).rows();
        assertThat(rows).hasSize(SmallProject.PURCHASE_REJECTED);
        assertThat(rows.get(0)).containsExactly(4L, 3L, "rating", "'abc' in column 3 (rating) is not a number", "2,3,abc,104", "purchases.csv");
        assertThat(rows.get(1)).containsExactly(9L, null, null, "expected 4 columns, found 3", "5,1,3", "purchases.csv");
        assertThat(browser.count(rejects, RowFilter.search("not a number"))).isEqualTo(1);
    }
}
