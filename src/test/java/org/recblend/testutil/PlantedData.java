package org.recblend.testutil;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.recblend.domain.IdIndex;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.Split;

/**
 * Generated interactions with planted preferences: users and items each belong to one of a few
 * taste groups, and a user picks 80 % of their items from their own group (popular items more
 * often), the rest from anywhere. A model that learns co-occurrence should beat popularity here,
 * and popularity should beat random. Split per user at random, 75/25, seeded.
 */
public record PlantedData(InteractionTable all, Split split, int[] userGroup, int[] itemGroup) {
    public static final int GROUPS = 4;

    public static PlantedData generate(int nUsers, int nItems, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        IdIndex users = IdIndex.numbered("u", nUsers);
        IdIndex items = IdIndex.numbered("i", nItems);
        int[] userGroup = new int[nUsers];
        int[] itemGroup = new int[nItems];
        for (int u = 0; u < nUsers; u++) {
            userGroup[u] = u % GROUPS;
        }
        for (int i = 0; i < nItems; i++) {
            itemGroup[i] = i % GROUPS;
        }
        InteractionTable.Builder all = InteractionTable.builder(users, items);
        InteractionTable.Builder train = InteractionTable.builder(users, items);
        InteractionTable.Builder test = InteractionTable.builder(users, items);
        boolean[] taken = new boolean[nItems];
        for (int u = 0; u < nUsers; u++) {
            Arrays.fill(taken, false);
            int n = 8 + random.nextInt(16);
            int[] chosen = new int[n];
            for (int k = 0; k < n; k++) {
                int item;
                do {
                    // skewed pick: low indices (popular) more often
                    int base = (int) (Math.pow(random.nextDouble(), 2) * nItems);
                    item = random.nextDouble() < 0.8 ? (base - base % GROUPS + userGroup[u]) % nItems : base;
                } while (taken[item]);
                taken[item] = true;
                chosen[k] = item;
            }
            int nTest = Math.round(n * 0.25f);
            for (int k = 0; k < n; k++) {
                float rating = 1 + random.nextInt(5);
                all.add(u, chosen[k], rating, k);
                (k < nTest ? test : train).add(u, chosen[k], rating, k);
            }
        }
        return new PlantedData(all.build(), new Split(train.build(), InteractionTable.empty(users, items), test.build()),
                userGroup, itemGroup);
    }
}
