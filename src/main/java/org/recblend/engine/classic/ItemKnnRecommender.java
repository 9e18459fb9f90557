package org.recblend.engine.classic;

import org.recblend.engine.Parallel;
import java.util.Arrays;
import org.recblend.domain.IdIndex;
import org.recblend.domain.InteractionTable;
import org.recblend.engine.BaseRecommender;
import org.recblend.engine.eval.TopK;
import org.recblend.task.TaskMonitor;

/**
 * Item-based nearest neighbours on implicit feedback: the similarity of two items is the cosine of
 * their user sets with shrinkage, |U_i ∩ U_j| / (√(|U_i|·|U_j|) + shrink), which damps pairs seen
 * by few users. Each item keeps its k most similar items; a user's score for item i is the sum of
 * the similarities of i to the items in the user's training history.
 */
public final class ItemKnnRecommender extends BaseRecommender {
    private static final long serialVersionUID = 1L;
    public static final String KIND = "itemknn";

    private final UserItems history;
    /** Neighbour lists of every item, packed: item j's neighbours are at [offsets[j], offsets[j+1]). */
    private final int[] offsets;
    private final int[] neighbours;
    private final float[] similarities;

    private ItemKnnRecommender(IdIndex users, IdIndex items, UserItems history, int[] offsets, int[] neighbours, float[] similarities) {
        super(KIND, users, items);
        this.history = history;
        this.offsets = offsets;
        this.neighbours = neighbours;
        this.similarities = similarities;
    }

    /**
     * Computes every item's k nearest neighbours from the training rows, on several threads.
     *
     * @param k      neighbours kept per item (at least 1)
     * @param shrink the shrinkage term (0 for plain cosine)
     */
    public static ItemKnnRecommender train(InteractionTable train, int k, double shrink, int threads, TaskMonitor monitor) {
        if (k < 1) {
            throw new IllegalArgumentException("ItemKNN needs at least 1 neighbour, got " + k);
        }
        if (shrink < 0) {
            throw new IllegalArgumentException("Shrinkage cannot be negative, got " + shrink);
        }
        int nItems = train.items().size();
        UserItems history = UserItems.of(train);
        int[][] usersOf = history.usersByItem(nItems);
        int[][] nbr = new int[nItems][];
        float[][] sim = new float[nItems][];
        Parallel.forEach(nItems, threads, () -> {
            int[] co = new int[nItems];
            int[] touched = new int[nItems];
            TopK top = new TopK(k);
            float[] topScores = new float[k];
            return j -> {
                int nTouched = 0;
                for (int u : usersOf[j]) {
                    for (int p = 0; p < history.count(u); p++) {
                        int i = history.item(u, p);
                        if (co[i]++ == 0) {
                            touched[nTouched++] = i;
                        }
                    }
                }
                top.clear();
                double nj = usersOf[j].length;
                for (int t = 0; t < nTouched; t++) {
                    int i = touched[t];
                    if (i != j) {
                        top.offer(i, (float) (co[i] / (Math.sqrt(nj * usersOf[i].length) + shrink)));
                    }
                    co[i] = 0;
                }
                int[] list = top.drain(topScores);
                nbr[j] = list;
                sim[j] = Arrays.copyOf(topScores, list.length);
            };
        }, monitor, "item neighbours");
        int[] offsets = new int[nItems + 1];
        for (int j = 0; j < nItems; j++) {
            offsets[j + 1] = offsets[j] + nbr[j].length;
        }
        int[] neighbours = new int[offsets[nItems]];
        float[] similarities = new float[offsets[nItems]];
        for (int j = 0; j < nItems; j++) {
            System.arraycopy(nbr[j], 0, neighbours, offsets[j], nbr[j].length);
            System.arraycopy(sim[j], 0, similarities, offsets[j], sim[j].length);
        }
        return new ItemKnnRecommender(train.users(), train.items(), history, offsets, neighbours, similarities);
    }




    @Override
    public void score(int user, float[] out) {
        Arrays.fill(out, 0);
        for (int p = 0; p < history.count(user); p++) {
            int j = history.item(user, p);
            for (int q = offsets[j]; q < offsets[j + 1]; q++) {
                out[neighbours[q]] += similarities[q];
            }
        }
    }

    /** The neighbours of an item, most similar first. */
    public int[] neighbours(int item) {
        return Arrays.copyOfRange(neighbours, offsets[item], offsets[item + 1]);
    }

    /** The similarities of an item to its neighbours, in the order of {@link #neighbours(int)}. */
    public float[] similarities(int item) {
        return Arrays.copyOfRange(similarities, offsets[item], offsets[item + 1]);
    }
}
