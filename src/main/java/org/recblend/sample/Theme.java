package org.recblend.sample;

import java.util.List;

/**
 * One hidden taste theme of the retail sample: what it sells, the words its texts use, when it
 * sells most and which customers like it. Read from {@code retail-themes.json}.
 */
public record Theme(
        String id,
        List<String> categories,
        List<String> brands,
        List<String> products,
        List<String> adjectives,
        List<String> phrases,
        double priceMedian,
        int seasonPeakDay,
        double seasonAmplitude,
        List<Double> ageAffinity,
        List<Double> genderAffinity) {

    public Theme {
        categories = List.copyOf(categories);
        brands = List.copyOf(brands);
        products = List.copyOf(products);
        adjectives = List.copyOf(adjectives);
        phrases = List.copyOf(phrases);
        ageAffinity = List.copyOf(ageAffinity);
        genderAffinity = List.copyOf(genderAffinity);
        if (categories.isEmpty() || brands.isEmpty() || products.isEmpty() || adjectives.isEmpty() || phrases.size() < 3
                || phrases.size() > 64) {
            throw new IllegalArgumentException("Theme " + id
                    + " needs categories, brands, products, adjectives and 3 to 64 phrases");
        }
    }
}
