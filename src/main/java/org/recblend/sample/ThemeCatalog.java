package org.recblend.sample;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The vocabulary of the retail sample: its themes, generic sentences and review templates. Kept in
 * a JSON resource so the words can be edited without touching the generator.
 *
 * @param themes the hidden taste themes
 * @param genericSentences sentences any product description may end with
 * @param reviews review templates by sentiment
 */
public record ThemeCatalog(List<Theme> themes, List<String> genericSentences, ReviewTemplates reviews) {
    private static final String RESOURCE = "retail-themes.json";

    /**
     * Review sentences with {@code {product}} and {@code {adjective}} placeholders.
     *
     * @param positive for ratings 4 and 5
     * @param neutral for rating 3
     * @param negative for ratings 1 and 2
     */
    public record ReviewTemplates(List<String> positive, List<String> neutral, List<String> negative) {
        public ReviewTemplates {
            positive = List.copyOf(positive);
            neutral = List.copyOf(neutral);
            negative = List.copyOf(negative);
        }

        /** The templates that fit a star rating. */
        public List<String> forRating(int rating) {
            return rating >= 4 ? positive : rating == 3 ? neutral : negative;
        }
    }

    public ThemeCatalog {
        themes = List.copyOf(themes);
        genericSentences = List.copyOf(genericSentences);
    }

    /** The catalog shipped with the workbench. */
    public static ThemeCatalog retail() {
        try (InputStream in = ThemeCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + RESOURCE + " is missing from the build");
            }
            return new ObjectMapper()
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(in, ThemeCatalog.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /** The theme that owns a category name, if any. */
    public Optional<Theme> themeOfCategory(String category) {
        return themes.stream().filter(t -> t.categories().contains(category)).findFirst();
    }
}
