package org.recblend.engine.recommend;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.recblend.domain.IdIndex;

/**
 * Top-K lists for many users, packed in arrays: user {@code userAt(p)}'s list is entries
 * [offsets[p], offsets[p+1]), best first. Indices refer to the model's id spaces, whose external
 * ids name users and items in exports. Immutable and serialisable (it is the data of the
 * Recommendations port).
 */
public final class Recommendations implements Serializable {
    private static final long serialVersionUID = 1L;

    /** One recommended item: the user's index, its rank (1 = best), the item's index and its score. */
    public record Entry(int user, int rank, int item, float score) {
    }

    private final IdIndex users;
    private final IdIndex items;
    private final int k;
    private final int[] userIndex;
    private final int[] offsets;
    private final int[] itemIndex;
    private final float[] scores;

    Recommendations(IdIndex users, IdIndex items, int k, int[] userIndex, int[] offsets, int[] itemIndex, float[] scores) {
        this.users = Objects.requireNonNull(users);
        this.items = Objects.requireNonNull(items);
        this.k = k;
        this.userIndex = userIndex;
        this.offsets = offsets;
        this.itemIndex = itemIndex;
        this.scores = scores;
    }

    public IdIndex users() {
        return users;
    }

    public IdIndex items() {
        return items;
    }

    /** The list length asked for (a list is shorter when fewer candidate items remain). */
    public int k() {
        return k;
    }

    /** How many users have a list. */
    public int userCount() {
        return userIndex.length;
    }

    /** The user index of the p-th list. */
    public int userAt(int p) {
        return userIndex[p];
    }

    /** All entries (user, rank, item, score) over all lists. */
    public int size() {
        return itemIndex.length;
    }

    /** The items recommended to a user index, best first (empty when the user has no list). */
    public int[] itemsOf(int user) {
        int p = position(user);
        return p < 0 ? new int[0] : Arrays.copyOfRange(itemIndex, offsets[p], offsets[p + 1]);
    }

    /** The scores of {@link #itemsOf(int)}. */
    public float[] scoresOf(int user) {
        int p = position(user);
        return p < 0 ? new float[0] : Arrays.copyOfRange(scores, offsets[p], offsets[p + 1]);
    }

    private int position(int user) {
        return Arrays.binarySearch(userIndex, user);
    }

    /** The entries of the p-th list. */
    public List<Entry> list(int p) {
        List<Entry> list = new ArrayList<>(offsets[p + 1] - offsets[p]);
        for (int e = offsets[p]; e < offsets[p + 1]; e++) {
            list.add(new Entry(userIndex[p], e - offsets[p] + 1, itemIndex[e], scores[e]));
        }
        return list;
    }

    /** Calls the visitor for every entry, list by list, best first. */
    public void forEach(java.util.function.Consumer<Entry> visitor) {
        for (int p = 0; p < userIndex.length; p++) {
            for (int e = offsets[p]; e < offsets[p + 1]; e++) {
                visitor.accept(new Entry(userIndex[p], e - offsets[p] + 1, itemIndex[e], scores[e]));
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Recommendations r && k == r.k && users.equals(r.users) && items.equals(r.items)
                && Arrays.equals(userIndex, r.userIndex) && Arrays.equals(offsets, r.offsets)
                && Arrays.equals(itemIndex, r.itemIndex) && Arrays.equals(scores, r.scores);
    }

    @Override
    public int hashCode() {
        return Objects.hash(k, Arrays.hashCode(userIndex), Arrays.hashCode(itemIndex));
    }

    @Override
    public String toString() {
        return "Recommendations[top " + k + " for " + userIndex.length + " users, " + itemIndex.length + " entries]";
    }
}
