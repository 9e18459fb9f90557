package org.recblend.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.recblend.domain.AttributeValue;
import org.recblend.domain.IdIndex;
import org.recblend.domain.ItemInfo;
import org.recblend.domain.ItemTable;
import org.recblend.domain.TextCorpus;
import org.recblend.domain.UserTable;
import org.recblend.task.TaskMonitor;

class TextTemplateTest {
    private static final TextTemplate MOVIE = TextTemplate.parse("{title}. Genres: {genres}. {plot}");

    @Test
    void missingFieldsAreDroppedWithTheirLabelAndPunctuation() {
        assertThat(MOVIE.render(Map.of("title", "Toy Story", "genres", "Animation, Comedy", "plot", "Toys live.")))
                .isEqualTo("Toy Story. Genres: Animation, Comedy. Toys live.");
        assertThat(MOVIE.render(Map.of("title", "Toy Story", "plot", "Toys live.")))
                .isEqualTo("Toy Story. Toys live.");
        assertThat(MOVIE.render(Map.of("genres", "Drama", "plot", "Sad.")))
                .isEqualTo("Genres: Drama. Sad.");
        assertThat(MOVIE.render(Map.of("title", "Heat", "genres", "Crime"))).isEqualTo("Heat. Genres: Crime.");
        assertThat(MOVIE.render(Map.of("title", "Dr. No.", "genres", " "))).isEqualTo("Dr. No.");
        assertThat(MOVIE.render(Map.of())).isEmpty();
    }

    @Test
    void badTemplatesAreNamed() {
        assertThatThrownBy(() -> TextTemplate.parse("{title. {plot}")).hasMessageContaining("empty or broken placeholder at column 1");
        assertThatThrownBy(() -> TextTemplate.parse("{title}. {plot")).hasMessageContaining("unclosed '{' at column 10");
        assertThatThrownBy(() -> TextTemplate.parse("just words")).hasMessageContaining("has no placeholder");
        assertThat(TextTemplate.parse("{{literal}} {title}").render(Map.of("title", "T"))).isEqualTo("{literal} T");
    }

    @Test
    void itemTextsUseTextsCategoriesAndAttributesAndRefuseUnknownFields() {
        ItemTable items = new ItemTable(IdIndex.of("1", "2"), List.of(
                new ItemInfo(List.of("Animation", "Comedy"), Map.of("title", "Toy Story", "plot", "Toys come alive."),
                        Map.of("year", new AttributeValue("1995", 1995.0))),
                new ItemInfo(List.of(), Map.of("title", "Heat"), Map.of())));
        assertThat(EntityTexts.items(items, TextTemplate.parse("{title} ({year}). Genres: {genres}. {plot}"), TaskMonitor.none()))
                .containsExactly("Toy Story (1995). Genres: Animation, Comedy. Toys come alive.", "Heat");
        assertThatThrownBy(() -> EntityTexts.items(items, TextTemplate.parse("{title}. {summary}"), TaskMonitor.none()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The item text template {title}. {summary} names an unknown field {summary}."
                        + " Known item fields: {categories}, {genres}, {id}, {plot}, {title}, {year}.");
    }

    @Test
    void userTextsJoinTheNewestDistinctTagsUpToTheCap() {
        IdIndex users = IdIndex.of("u1", "u2");
        IdIndex items = IdIndex.of("i1", "i2", "i3");
        UserTable table = new UserTable(users, List.of(
                Map.of("age", AttributeValue.of(24), "gender", AttributeValue.of("M"), "occupation", AttributeValue.of("technician")),
                Map.of()));
        TextCorpus tags = new TextCorpus(users, items, new int[] {0, 0, 0, 0, 1}, new int[] {0, 1, 2, 0, 1},
                new String[] {"tag", "tag", "tag", "tag", "review"},
                new String[] {"funny", "dark", "Funny", "space", "A long review about a film that I liked very much indeed."},
                new long[] {10, 30, 40, 20, 5});
        TextTemplate t = TextTemplate.parse("{age} {gender} {occupation}. Tags: {tags}. Reviews: {reviews}");
        assertThat(EntityTexts.users(table, tags, t, 2, TaskMonitor.none()))
                .containsExactly("24 M technician. Tags: Funny, dark.",
                        "Reviews: A long review about a film that I liked very much indeed.");
        assertThat(EntityTexts.users(table, null, TextTemplate.parse("{occupation}. Tags: {tags}"), 5, TaskMonitor.none()))
                .containsExactly("technician.", "");
        assertThatThrownBy(() -> EntityTexts.users(table, tags, TextTemplate.parse("{job}"), 5, TaskMonitor.none()))
                .hasMessageContaining("unknown field {job}").hasMessageContaining("{age}, {gender}, {id}, {occupation}, {reviews}, {tags}");
    }
}
