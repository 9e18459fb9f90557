package org.recblend.sample;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.apache.commons.csv.CSVPrinter;

/**
 * The products of the sample: what items.csv shows (title, categories, brand, price, description)
 * and their hidden theme mix, popularity and quality. A description is written from the phrases of
 * the product's themes, so a text encoder can find items of one theme close together.
 */
final class Products {
    static final String[] HEADER = {"item_id", "title", "categories", "brand", "price", "description"};

    /** Share of products that also belong to a second theme, and its weight in their mix. */
    private static final double SECOND_THEME_SHARE = 0.35;
    private static final double SECOND_THEME_WEIGHT = 0.25;
    /** Brands are priced in tiers: the first of each theme is premium, the third the cheapest. */
    private static final double[] BRAND_TIER = {1.35, 1.0, 0.8, 1.1};

    final int count;
    final int[] primaryTheme;
    /** The second theme, or -1. */
    final int[] secondaryTheme;
    /** Weight of the second theme (the first has 1 minus it). */
    final double[] secondaryWeight;
    /** Long-tailed popularity: a few products sell far more than the rest. */
    final double[] popularity;
    final double[] quality;
    /** Price relative to the theme's median price. */
    final double[] priceRatio;
    final int[] product;
    final int[] adjective;

    private Products(int count) {
        this.count = count;
        primaryTheme = new int[count];
        secondaryTheme = new int[count];
        secondaryWeight = new double[count];
        popularity = new double[count];
        quality = new double[count];
        priceRatio = new double[count];
        product = new int[count];
        adjective = new int[count];
    }

    /** Draws the products and writes one row per product; item i has id i + 1. */
    static Products generate(int count, ThemeCatalog catalog, RandomGenerator rng, CSVPrinter out) throws IOException {
        List<Theme> themes = catalog.themes();
        int k = themes.size();
        Products p = new Products(count);
        int[] rank = shuffledRanks(count, rng);
        out.printRecord((Object[]) HEADER);
        for (int i = 0; i < count; i++) {
            int primary = i < k ? i : rng.nextInt(k);  // every theme has at least one product
            Theme theme = themes.get(primary);
            int secondary = -1;
            if (rng.nextDouble() < SECOND_THEME_SHARE) {
                secondary = (primary + 1 + rng.nextInt(k - 1)) % k;
            }
            p.primaryTheme[i] = primary;
            p.secondaryTheme[i] = secondary;
            p.secondaryWeight[i] = secondary < 0 ? 0 : SECOND_THEME_WEIGHT;
            p.popularity[i] = Math.pow(rank[i] + 10.0, -0.9);
            p.quality[i] = 0.5 * rng.nextGaussian();
            p.product[i] = rng.nextInt(theme.products().size());
            p.adjective[i] = rng.nextInt(theme.adjectives().size());
            int brandIndex = rng.nextInt(theme.brands().size());
            String brand = theme.brands().get(brandIndex);
            String productName = theme.products().get(p.product[i]);
            String adjectiveText = theme.adjectives().get(p.adjective[i]);
            String title = brand + " " + titleCase(adjectiveText + " " + productName);

            double price = theme.priceMedian() * BRAND_TIER[brandIndex % BRAND_TIER.length]
                    * Math.exp(0.45 * rng.nextGaussian());
            long cents = Math.max(199, Math.round(price) * 100 - 1);  // shop prices end in .99
            p.priceRatio[i] = cents / 100.0 / theme.priceMedian();

            String categories = categories(theme, secondary < 0 ? null : themes.get(secondary), rng);
            String description = description(title, brand, productName, adjectiveText, theme,
                    secondary < 0 ? null : themes.get(secondary), catalog.genericSentences(), rng);
            out.printRecord(i + 1, title, categories, brand, formatPrice(cents), description);
        }
        return p;
    }

    /** The weight of theme t in product i's mix. */
    double themeWeight(int i, int t) {
        if (primaryTheme[i] == t) {
            return 1 - secondaryWeight[i];
        }
        return secondaryTheme[i] == t ? secondaryWeight[i] : 0;
    }

    private static int[] shuffledRanks(int n, RandomGenerator rng) {
        int[] rank = new int[n];
        for (int i = 0; i < n; i++) {
            rank[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = rank[i];
            rank[i] = rank[j];
            rank[j] = tmp;
        }
        return rank;
    }

    private static String categories(Theme theme, Theme second, RandomGenerator rng) {
        List<String> chosen = new ArrayList<>(3);
        chosen.add(pick(theme.categories(), rng));
        if (rng.nextDouble() < 0.4) {
            String another = pick(theme.categories(), rng);
            if (!chosen.contains(another)) {
                chosen.add(another);
            }
        }
        if (second != null && rng.nextDouble() < 0.5) {
            chosen.add(pick(second.categories(), rng));
        }
        return String.join("|", chosen);
    }

    private static String description(String title, String brand, String product, String adjective, Theme theme,
                                      Theme second, List<String> generic, RandomGenerator rng) {
        StringBuilder text = new StringBuilder(400);
        text.append(title).append(" is ").append(article(adjective)).append(' ').append(adjective).append(' ')
                .append(product).append(" from ").append(brand).append('.');
        int phrases = 2 + rng.nextInt(2);
        long used = 0;  // bit set of the phrases taken, so none repeats
        for (int n = 0; n < phrases; ) {
            int at = rng.nextInt(theme.phrases().size());
            if ((used & (1L << at)) == 0) {
                used |= 1L << at;
                text.append(' ').append(theme.phrases().get(at)).append('.');
                n++;
            }
        }
        if (second != null) {
            text.append(' ').append(pick(second.phrases(), rng)).append('.');
        }
        if (rng.nextDouble() < 0.5) {
            text.append(' ').append(pick(generic, rng));
        }
        return text.toString();
    }

    private static String pick(List<String> values, RandomGenerator rng) {
        return values.get(rng.nextInt(values.size()));
    }

    private static String article(String word) {
        return "aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "an" : "a";
    }

    static String titleCase(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean start = true;
        for (char ch : text.toCharArray()) {
            out.append(start ? Character.toUpperCase(ch) : ch);
            start = ch == ' ';
        }
        return out.toString();
    }

    static String formatPrice(long cents) {
        return String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
    }
}
