package org.recblend.sample;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.apache.commons.csv.CSVPrinter;
import org.recblend.task.TaskMonitor;

/**
 * Writes the purchases (with star rating, time and context) and the reviews of some of them,
 * customer by customer, so that memory stays small whatever the number of rows.
 *
 * <p>A purchase picks a theme from the customer's taste, then a product of that theme by
 * popularity (a latent factor model with a long tail); a budget customer tends to skip expensive
 * products and a premium one cheap products. The rating follows how well the product's themes
 * match the customer's taste, plus product quality and the customer's leniency.
 */
final class Purchases {
    static final String[] HEADER = {"user_id", "item_id", "rating", "timestamp", "channel", "device"};
    static final String[] REVIEW_HEADER = {"user_id", "item_id", "rating", "timestamp", "review"};
    static final List<String> CHANNELS = List.of("web", "app", "store");

    /** 2024-01-01T00:00:00Z, a Monday: the sample spans the leap year 2024. */
    static final long YEAR_START = 1_704_067_200L;
    static final int DAYS = 366;

    private static final double EXPLORE = 0.1;
    private static final double REVIEW_SHARE = 0.12;
    private static final int TRIES = 64;
    private static final double[] WEEKDAY = {0.9, 0.85, 0.9, 0.95, 1.05, 1.35, 1.2};
    private static final double[] ONLINE_HOURS = {0.2, 0.1, 0.05, 0.05, 0.05, 0.1, 0.3, 0.6, 0.8, 0.9, 1.0, 1.1,
        1.2, 1.1, 1.0, 1.0, 1.1, 1.3, 1.6, 1.9, 2.0, 1.8, 1.2, 0.6};
    private static final double[] STORE_HOURS = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0.6, 1.0, 1.3,
        1.5, 1.4, 1.2, 1.2, 1.3, 1.4, 1.2, 0.8, 0.3, 0, 0, 0};
    private static final String[][] DEVICES = {{"desktop", "mobile", "tablet"}, {"mobile", "tablet"}, {"till"}};
    private static final double[][] DEVICE_WEIGHTS = {{0.55, 0.35, 0.10}, {0.85, 0.15}, {1}};
    /** Black Friday 2024 (29 November) as a day of the year counted from 0. */
    private static final int BLACK_FRIDAY = 333;

    private final Customers customers;
    private final Products products;
    private final ThemeCatalog catalog;
    private final CumulativeSampler[] itemsOfTheme;
    private final CumulativeSampler anyItem;
    private final CumulativeSampler[] dayOfTheme;
    private final CumulativeSampler[] hourOfChannel;
    private final CumulativeSampler[] deviceOfChannel;

    Purchases(Customers customers, Products products, ThemeCatalog catalog) {
        this.customers = customers;
        this.products = products;
        this.catalog = catalog;
        int k = catalog.themes().size();
        itemsOfTheme = new CumulativeSampler[k];
        dayOfTheme = new CumulativeSampler[k];
        double[] weights = new double[products.count];
        for (int t = 0; t < k; t++) {
            for (int i = 0; i < products.count; i++) {
                weights[i] = products.themeWeight(i, t) * products.popularity[i];
            }
            itemsOfTheme[t] = new CumulativeSampler(weights);
            dayOfTheme[t] = new CumulativeSampler(dayWeights(catalog.themes().get(t)));
        }
        anyItem = new CumulativeSampler(products.popularity);
        hourOfChannel = new CumulativeSampler[] {
            new CumulativeSampler(ONLINE_HOURS), new CumulativeSampler(ONLINE_HOURS), new CumulativeSampler(STORE_HOURS)};
        deviceOfChannel = new CumulativeSampler[DEVICES.length];
        for (int c = 0; c < DEVICES.length; c++) {
            deviceOfChannel[c] = new CumulativeSampler(DEVICE_WEIGHTS[c]);
        }
    }

    /** Rows written. */
    record Counts(long purchases, long reviews) {
    }

    Counts generate(long total, RandomGenerator rng, RandomGenerator reviewRng, CSVPrinter out, CSVPrinter reviews,
                    TaskMonitor monitor, double progressFrom, double progressTo) throws IOException {
        int n = customers.count;
        int[] perUser = allocate(total, customers.activity, products.count / 2);
        int[] mark = new int[products.count];  // mark[i] == u + 1: customer u already bought i
        int maxPerUser = Arrays.stream(perUser).max().orElse(0);
        int[] item = new int[maxPerUser];
        long[] time = new long[maxPerUser];
        int[] channel = new int[maxPerUser];
        Integer[] order = new Integer[maxPerUser];
        double[] themeCdf = new double[catalog.themes().size()];
        long purchases = 0;
        long reviewCount = 0;
        int step = Math.max(1, n / 200);
        out.printRecord((Object[]) HEADER);
        reviews.printRecord((Object[]) REVIEW_HEADER);
        for (int u = 0; u < n; u++) {
            monitor.checkCancelled();
            if (u % step == 0) {
                monitor.progress(progressFrom + (progressTo - progressFrom) * u / n,
                        "Purchases of customer " + (u + 1) + " of " + n);
            }
            cumulative(customers.taste[u], themeCdf);
            int m = perUser[u];
            for (int j = 0; j < m; j++) {
                int i = pickItem(u, themeCdf, mark, rng);
                mark[i] = u + 1;
                item[j] = i;
                channel[j] = pickIndex(customers.channelShare[u], rng);
                time[j] = timestamp(i, channel[j], rng);
                order[j] = j;
            }
            Arrays.sort(order, 0, m, (a, b) -> Long.compare(time[a], time[b]));
            for (int o = 0; o < m; o++) {
                int j = order[o];
                int i = item[j];
                int rating = rating(u, i, rng);
                out.printRecord(u + 1, i + 1, rating, time[j], CHANNELS.get(channel[j]),
                        DEVICES[channel[j]][deviceOfChannel[channel[j]].sample(rng)]);
                if (reviewRng.nextDouble() < REVIEW_SHARE) {
                    long later = time[j] + 86_400L * (1 + reviewRng.nextInt(14)) + reviewRng.nextInt(86_400);
                    reviews.printRecord(u + 1, i + 1, rating, later, reviewText(i, rating, reviewRng));
                    reviewCount++;
                }
            }
            purchases += m;
        }
        return new Counts(purchases, reviewCount);
    }

    private int pickItem(int u, double[] themeCdf, int[] mark, RandomGenerator rng) {
        for (int attempt = 0; attempt < TRIES; attempt++) {
            int i = rng.nextDouble() < EXPLORE ? anyItem.sample(rng)
                    : itemsOfTheme[pickCumulative(themeCdf, rng)].sample(rng);
            if (mark[i] != u + 1 && affordable(u, i, rng)) {
                return i;
            }
        }
        // a heavy buyer has exhausted the likely products: take the next product not yet bought
        int start = rng.nextInt(products.count);
        for (int k = 0; k < products.count; k++) {
            int i = (start + k) % products.count;
            if (mark[i] != u + 1) {
                return i;
            }
        }
        throw new IllegalStateException("customer " + (u + 1) + " has bought every product");
    }

    private boolean affordable(int u, int i, RandomGenerator rng) {
        double ratio = products.priceRatio[i];
        int segment = customers.segment[u];
        if (segment == Customers.BUDGET && ratio > 1.3) {
            return rng.nextDouble() < 0.45;
        }
        if (segment == Customers.PREMIUM && ratio < 0.7) {
            return rng.nextDouble() < 0.6;
        }
        return true;
    }

    private long timestamp(int i, int channel, RandomGenerator rng) {
        int day = dayOfTheme[products.primaryTheme[i]].sample(rng);
        int hour = hourOfChannel[channel].sample(rng);
        return YEAR_START + day * 86_400L + hour * 3_600L + rng.nextInt(3_600);
    }

    private int rating(int u, int i, RandomGenerator rng) {
        double match = customers.taste[u][products.primaryTheme[i]] * (1 - products.secondaryWeight[i]);
        if (products.secondaryTheme[i] >= 0) {
            match += customers.taste[u][products.secondaryTheme[i]] * products.secondaryWeight[i];
        }
        double raw = 2.5 + 3.0 * match + products.quality[i] + customers.ratingBias[u] + 0.7 * rng.nextGaussian();
        return (int) Math.max(1, Math.min(5, Math.round(raw)));
    }

    private String reviewText(int i, int rating, RandomGenerator rng) {
        Theme theme = catalog.themes().get(products.primaryTheme[i]);
        List<String> templates = catalog.reviews().forRating(rating);
        return templates.get(rng.nextInt(templates.size()))
                .replace("{product}", theme.products().get(products.product[i]))
                .replace("{adjective}", theme.adjectives().get(products.adjective[i]));
    }

    /** Weekly rhythm, the theme's season and a Black Friday peak. */
    private static double[] dayWeights(Theme theme) {
        double[] w = new double[DAYS];
        for (int d = 0; d < DAYS; d++) {
            int distance = Math.abs(d + 1 - theme.seasonPeakDay());
            distance = Math.min(distance, DAYS - distance);
            double season = 1 + theme.seasonAmplitude() * Math.exp(-Math.pow(distance / 30.0, 2));
            double blackFriday = 1 + 1.5 * Math.exp(-Math.pow((d - BLACK_FRIDAY) / 2.0, 2));
            w[d] = WEEKDAY[d % 7] * season * blackFriday;
        }
        return w;
    }

    /**
     * Splits the total over customers in proportion to their activity, at least a few each and at
     * most {@code cap}, so the counts sum to exactly the total.
     */
    static int[] allocate(long total, double[] activity, int cap) {
        int n = activity.length;
        int floor = (int) Math.min(5, total / n);
        int[] counts = new int[n];
        double sum = Arrays.stream(activity).sum();
        long rest = total - (long) floor * n;
        long assigned = 0;
        for (int u = 0; u < n; u++) {
            counts[u] = (int) Math.min(cap, floor + (long) Math.floor(rest * activity[u] / sum));
            assigned += counts[u];
        }
        long left = total - assigned;
        while (left > 0) {  // rounding and the cap leave a remainder: hand it out one by one
            boolean gave = false;
            for (int u = 0; u < n && left > 0; u++) {
                if (counts[u] < cap) {
                    counts[u]++;
                    left--;
                    gave = true;
                }
            }
            if (!gave) {
                throw new IllegalArgumentException("Cannot place " + total + " purchases with at most " + cap + " per customer");
            }
        }
        return counts;
    }

    private static void cumulative(double[] weights, double[] out) {
        double sum = 0;
        for (int t = 0; t < weights.length; t++) {
            sum += weights[t];
            out[t] = sum;
        }
    }

    private static int pickCumulative(double[] cdf, RandomGenerator rng) {
        double target = rng.nextDouble() * cdf[cdf.length - 1];
        for (int t = 0; t < cdf.length - 1; t++) {
            if (target < cdf[t]) {
                return t;
            }
        }
        return cdf.length - 1;
    }

    private static int pickIndex(double[] weights, RandomGenerator rng) {
        double target = rng.nextDouble();
        double sum = 0;
        for (int c = 0; c < weights.length - 1; c++) {
            sum += weights[c];
            if (target < sum) {
                return c;
            }
        }
        return weights.length - 1;
    }
}
