package org.recblend.sample;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.apache.commons.csv.CSVPrinter;
import org.recblend.task.TaskMonitor;

/**
 * Writes the friend graph. Friends are picked mostly among customers who share the main taste
 * theme or the region (homophily), so a social recommender has real signal to use.
 */
final class FriendGraph {
    static final String[] HEADER = {"user_id", "friend_id", "since"};

    private static final double SAME_TASTE = 0.55;
    private static final double SAME_REGION = 0.25;
    private static final int MAX_INVITES = 40;
    private static final long FIRST_DAY = LocalDate.of(2018, 1, 1).toEpochDay();
    private static final int DAYS = (int) (LocalDate.of(2024, 7, 1).toEpochDay() - FIRST_DAY);

    private FriendGraph() {
    }

    /** Writes each friendship once (user_id invited friend_id); returns the number written. */
    static long generate(Customers customers, int themes, RandomGenerator rng, CSVPrinter out, TaskMonitor monitor)
            throws IOException {
        int[][] byTheme = group(customers.primaryTheme, themes);
        int[][] byRegion = group(customers.region, Customers.REGIONS.size());
        int n = customers.count;
        Set<Long> seen = new HashSet<>();
        long written = 0;
        out.printRecord((Object[]) HEADER);
        for (int u = 0; u < n; u++) {
            if (u % 1024 == 0) {
                monitor.checkCancelled();
            }
            int invites = 1;
            while (invites < MAX_INVITES && rng.nextDouble() < 0.7) {
                invites++;
            }
            for (int k = 0; k < invites; k++) {
                double r = rng.nextDouble();
                int[] pool = r < SAME_TASTE ? byTheme[customers.primaryTheme[u]]
                        : r < SAME_TASTE + SAME_REGION ? byRegion[customers.region[u]] : null;
                int v = pool == null ? rng.nextInt(n) : pool[rng.nextInt(pool.length)];
                if (v == u || !seen.add(pairKey(u, v, n))) {
                    continue;
                }
                out.printRecord(u + 1, v + 1, LocalDate.ofEpochDay(FIRST_DAY + rng.nextInt(DAYS)));
                written++;
            }
        }
        return written;
    }

    private static long pairKey(int a, int b, int n) {
        return (long) Math.min(a, b) * n + Math.max(a, b);
    }

    private static int[][] group(int[] label, int groups) {
        int[] sizes = new int[groups];
        for (int l : label) {
            sizes[l]++;
        }
        int[][] members = new int[groups][];
        for (int g = 0; g < groups; g++) {
            members[g] = new int[sizes[g]];
            sizes[g] = 0;
        }
        for (int u = 0; u < label.length; u++) {
            members[label[u]][sizes[label[u]]++] = u;
        }
        return members;
    }
}
