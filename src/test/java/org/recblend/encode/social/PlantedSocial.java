package org.recblend.encode.social;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.recblend.domain.IdIndex;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.SocialGraph;
import org.recblend.domain.Split;

/**
 * Generated data where friends share tastes: users fall into communities, each community likes its
 * own block of items, and friendships form mostly inside a community. Each user's last
 * {@code heldOut} interactions go to test.
 */
public final class PlantedSocial {
    public final int[] community;
    public final SocialGraph graph;
    public final Split split;
    public final int itemsPerCommunity;

    private PlantedSocial(int[] community, SocialGraph graph, Split split, int itemsPerCommunity) {
        this.community = community;
        this.graph = graph;
        this.split = split;
        this.itemsPerCommunity = itemsPerCommunity;
    }

    public static PlantedSocial generate(int users, int communities, int itemsPerCommunity, int perUser, int heldOut,
                                         int friendsPerUser, double inCommunity, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int items = communities * itemsPerCommunity;
        IdIndex u = IdIndex.numbered("u", users);
        IdIndex i = IdIndex.numbered("i", items);
        int[] community = new int[users];
        for (int x = 0; x < users; x++) {
            community[x] = x % communities;
        }
        InteractionTable.Builder train = InteractionTable.builder(u, i);
        InteractionTable.Builder test = InteractionTable.builder(u, i);
        for (int x = 0; x < users; x++) {
            boolean[] seen = new boolean[items];
            for (int k = 0; k < perUser; k++) {
                int item;
                do {
                    item = r.nextDouble() < inCommunity ? community[x] * itemsPerCommunity + r.nextInt(itemsPerCommunity)
                            : r.nextInt(items);
                } while (seen[item]);
                seen[item] = true;
                (k < perUser - heldOut ? train : test).add(x, item, 1 + r.nextInt(20), 1_700_000_000L + k * 3600L);
            }
        }
        List<int[]> edges = new ArrayList<>();
        for (int x = 0; x < users; x++) {
            for (int k = 0; k < friendsPerUser; k++) {
                int y;
                if (r.nextDouble() < inCommunity) {
                    y = community[x] + communities * r.nextInt(users / communities);
                } else {
                    y = r.nextInt(users);
                }
                if (y != x && y < users) {
                    edges.add(new int[] {x, y});
                    edges.add(new int[] {y, x});
                }
            }
        }
        int[] src = edges.stream().mapToInt(e -> e[0]).toArray();
        int[] dst = edges.stream().mapToInt(e -> e[1]).toArray();
        float[] w = new float[src.length];
        java.util.Arrays.fill(w, 1f);
        String[] kind = new String[src.length];
        java.util.Arrays.fill(kind, "friend");
        SocialGraph graph = new SocialGraph(u, src, dst, w, kind);
        Split split = new Split(train.build(), InteractionTable.empty(u, i), test.build());
        return new PlantedSocial(community, graph, split, itemsPerCommunity);
    }
}
