package org.recblend.engine.feature;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.recblend.domain.AttributeValue;
import org.recblend.domain.ItemInfo;
import org.recblend.domain.ItemTable;
import org.recblend.engine.model.FloatMatrix;

/**
 * Turns item content into features: categories (genres) as a multi-hot block whose rows sum to one,
 * numeric attributes (release year, price) standardised to mean 0 and deviation 1, missing values 0.
 */
public final class ItemFeatures {
    private ItemFeatures() {
    }

    public static FeatureSet of(ItemTable table) {
        List<FeatureBlock> blocks = new ArrayList<>();
        List<String> categories = table.categories();
        if (!categories.isEmpty()) {
            blocks.add(categories(table, categories));
        }
        List<String> numeric = numericAttributes(table);
        if (!numeric.isEmpty()) {
            blocks.add(numeric(table, numeric));
        }
        return new FeatureSet(FeatureSet.Side.ITEM, table.items(), blocks);
    }

    private static FeatureBlock categories(ItemTable table, List<String> categories) {
        int n = table.size();
        int w = categories.size();
        float[] v = new float[n * w];
        java.util.Map<String, Integer> col = new java.util.HashMap<>();
        for (int c = 0; c < w; c++) {
            col.put(categories.get(c), c);
        }
        for (int i = 0; i < n; i++) {
            List<String> cats = table.info(i).categories();
            for (String c : cats) {
                v[i * w + col.get(c)] = 1f / cats.size();
            }
        }
        return new FeatureBlock("categories", categories, new FloatMatrix(n, w, v));
    }

    private static List<String> numericAttributes(ItemTable table) {
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < table.size(); i++) {
            table.info(i).attributes().forEach((k, a) -> {
                if (a.isNumeric()) {
                    names.add(k);
                }
            });
        }
        return new ArrayList<>(names);
    }

    private static FeatureBlock numeric(ItemTable table, List<String> names) {
        int n = table.size();
        int w = names.size();
        float[] v = new float[n * w];
        for (int c = 0; c < w; c++) {
            String name = names.get(c);
            double sum = 0;
            double sq = 0;
            int count = 0;
            for (int i = 0; i < n; i++) {
                Double x = number(table.info(i), name);
                if (x != null) {
                    sum += x;
                    sq += x * x;
                    count++;
                }
            }
            double mean = count == 0 ? 0 : sum / count;
            double sd = count < 2 ? 1 : Math.sqrt(Math.max(sq / count - mean * mean, 1e-12));
            for (int i = 0; i < n; i++) {
                Double x = number(table.info(i), name);
                v[i * w + c] = x == null ? 0f : (float) ((x - mean) / sd);
            }
        }
        return new FeatureBlock("attributes", names, new FloatMatrix(n, w, v));
    }

    /** One numeric attribute per item of the table, NaN where missing. */
    public static double[] numbers(ItemTable table, String name) {
        double[] out = new double[table.size()];
        for (int i = 0; i < out.length; i++) {
            Double x = number(table.info(i), name);
            out[i] = x == null ? Double.NaN : x;
        }
        return out;
    }

    private static Double number(ItemInfo info, String name) {
        AttributeValue a = info.attributes().get(name);
        return a == null || !a.isNumeric() ? null : a.number();
    }
}
