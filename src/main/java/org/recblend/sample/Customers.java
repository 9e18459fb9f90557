package org.recblend.sample;

import java.io.IOException;
import java.util.List;
import java.util.random.RandomGenerator;
import org.apache.commons.csv.CSVPrinter;

/**
 * The customers of the sample: their visible attributes (written to users.csv) and their hidden
 * taste over the themes, activity and habits (kept in arrays for the later steps). Age and gender
 * shift which themes a customer likes, so profile attributes carry a little signal too.
 */
final class Customers {
    static final List<String> AGE_BANDS = List.of("18-24", "25-34", "35-44", "45-54", "55-64", "65+");
    static final List<String> GENDERS = List.of("female", "male", "undisclosed");
    static final List<String> REGIONS = List.of("North", "South", "East", "West", "Central");
    static final List<String> SEGMENTS = List.of("budget", "mainstream", "premium");
    static final String[] HEADER = {"user_id", "age_band", "gender", "region", "segment"};

    static final int BUDGET = 0;
    static final int PREMIUM = 2;

    private static final double[] AGE_WEIGHTS = {0.14, 0.24, 0.22, 0.18, 0.13, 0.09};
    private static final double[] GENDER_WEIGHTS = {0.51, 0.46, 0.03};
    private static final double[] REGION_WEIGHTS = {0.22, 0.24, 0.18, 0.20, 0.16};
    private static final double[] SEGMENT_WEIGHTS = {0.30, 0.50, 0.20};
    /** Younger customers buy more in the app. */
    private static final double[] APP_SHARE_BY_AGE = {0.55, 0.45, 0.35, 0.25, 0.15, 0.10};

    final int count;
    /** taste[u][t]: how much customer u likes theme t; each row sums to 1. */
    final double[][] taste;
    final int[] primaryTheme;
    final int[] region;
    final int[] segment;
    /** Relative number of purchases (log-normal: a few customers buy a lot). */
    final double[] activity;
    /** Leniency of the customer's star ratings. */
    final double[] ratingBias;
    /** Share of purchases per channel: web, app, store. */
    final double[][] channelShare;

    private Customers(int count, int themes) {
        this.count = count;
        taste = new double[count][themes];
        primaryTheme = new int[count];
        region = new int[count];
        segment = new int[count];
        activity = new double[count];
        ratingBias = new double[count];
        channelShare = new double[count][3];
    }

    /** Draws the customers and writes one row per customer; user u has id u + 1. */
    static Customers generate(int count, List<Theme> themes, RandomGenerator rng, CSVPrinter out) throws IOException {
        int k = themes.size();
        Customers c = new Customers(count, k);
        CumulativeSampler ages = new CumulativeSampler(AGE_WEIGHTS);
        CumulativeSampler genders = new CumulativeSampler(GENDER_WEIGHTS);
        CumulativeSampler regions = new CumulativeSampler(REGION_WEIGHTS);
        CumulativeSampler segments = new CumulativeSampler(SEGMENT_WEIGHTS);
        double[] prior = new double[k];
        out.printRecord((Object[]) HEADER);
        for (int u = 0; u < count; u++) {
            int age = ages.sample(rng);
            int gender = genders.sample(rng);
            c.region[u] = regions.sample(rng);
            c.segment[u] = segments.sample(rng);
            for (int t = 0; t < k; t++) {
                Theme theme = themes.get(t);
                prior[t] = theme.ageAffinity().get(age) * theme.genderAffinity().get(gender);
            }
            int primary = new CumulativeSampler(prior).sample(rng);
            double keep = prior[primary];
            prior[primary] = 0;
            int secondary = new CumulativeSampler(prior).sample(rng);
            prior[primary] = keep;
            fillTaste(c.taste[u], primary, secondary, rng);
            c.primaryTheme[u] = primary;
            c.activity[u] = Math.exp(0.9 * rng.nextGaussian());
            c.ratingBias[u] = 0.35 * rng.nextGaussian();
            double app = clamp(APP_SHARE_BY_AGE[age] + 0.15 * rng.nextGaussian(), 0.02, 0.9);
            double store = (1 - app) * (0.1 + 0.35 * rng.nextDouble());
            c.channelShare[u][0] = 1 - app - store;
            c.channelShare[u][1] = app;
            c.channelShare[u][2] = store;
            out.printRecord(u + 1, AGE_BANDS.get(age), GENDERS.get(gender), REGIONS.get(c.region[u]),
                    SEGMENTS.get(c.segment[u]));
        }
        return c;
    }

    /** A dominant theme, a second one, and the rest spread thinly over all themes. */
    private static void fillTaste(double[] row, int primary, int secondary, RandomGenerator rng) {
        double first = 0.45 + 0.25 * rng.nextDouble();
        double second = 0.15 + 0.15 * rng.nextDouble();
        double rest = 1 - first - second;
        double sum = 0;
        for (int t = 0; t < row.length; t++) {
            row[t] = -Math.log(1 - rng.nextDouble());  // exponential weights: a flat Dirichlet
            sum += row[t];
        }
        for (int t = 0; t < row.length; t++) {
            row[t] = rest * row[t] / sum;
        }
        row[primary] += first;
        row[secondary] += second;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
