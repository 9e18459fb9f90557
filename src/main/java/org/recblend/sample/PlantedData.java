package org.recblend.sample;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.recblend.domain.AttributeValue;
import org.recblend.domain.IdIndex;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.ItemInfo;
import org.recblend.domain.ItemTable;
import org.recblend.domain.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Generated interactions with planted preferences: users and items belong to one of a few taste
 * groups; a user picks mostly items of their group (skewed by a popularity that is independent of
 * the group), so a personalised model must beat global popularity. Items carry their group as a
 * category, so a feature model can place cold items. Ratings are 5 for in-group, 2 otherwise.
 */
public final class PlantedData {
    public final Split split;
    public final ItemTable items;
    public final int[] itemGroup;

    private PlantedData(Split split, ItemTable items, int[] itemGroup) {
        this.split = split;
        this.items = items;
        this.itemGroup = itemGroup;
    }

    /**
     * @param coldItems items that get no training rows (their rows all go to test)
     */
    public static PlantedData generate(int users, int nItems, int perUser, int groups, int coldItems, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        IdIndex u = IdIndex.numbered("u", users);
        IdIndex i = IdIndex.numbered("i", nItems);
        int[] itemGroup = new int[nItems];
        double[] pop = new double[nItems];
        for (int k = 0; k < nItems; k++) {
            itemGroup[k] = r.nextInt(groups);
            pop[k] = Math.pow(r.nextDouble(), 3) + 0.02;
        }
        boolean[] cold = new boolean[nItems];
        for (int k = 0; k < coldItems; k++) {
            cold[r.nextInt(nItems)] = true;
        }
        InteractionTable.Builder train = InteractionTable.builder(u, i);
        InteractionTable.Builder test = InteractionTable.builder(u, i);
        for (int user = 0; user < users; user++) {
            int g = r.nextInt(groups);
            Set<Integer> chosen = new HashSet<>();
            int guard = 0;
            while (chosen.size() < perUser && guard++ < perUser * 200) {
                int item = r.nextInt(nItems);
                boolean inGroup = itemGroup[item] == g;
                double accept = pop[item] * (inGroup ? 1.0 : 0.08);
                if (r.nextDouble() < accept && chosen.add(item)) {
                    float rating = inGroup ? 5f : 2f;
                    if (cold[item] || r.nextDouble() < 0.25) {
                        test.add(user, item, rating, InteractionTable.NO_TIME);
                    } else {
                        train.add(user, item, rating, InteractionTable.NO_TIME);
                    }
                }
            }
        }
        List<ItemInfo> infos = new ArrayList<>();
        for (int k = 0; k < nItems; k++) {
            infos.add(new ItemInfo(List.of("g" + itemGroup[k]), Map.of(), Map.of("noise", AttributeValue.of(r.nextDouble()))));
        }
        Split split = new Split(train.build(), InteractionTable.empty(u, i), test.build());
        return new PlantedData(split, new ItemTable(i, infos), itemGroup);
    }
}
