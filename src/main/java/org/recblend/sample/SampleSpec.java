package org.recblend.sample;

/**
 * The size and seed of a generated retail sample. The same spec always yields byte-identical files.
 *
 * @param users number of customers, ids 1..users
 * @param items number of products, ids 1..items
 * @param interactions number of purchase rows; each (user, item) pair occurs at most once
 * @param seed seed of every random choice
 */
public record SampleSpec(int users, int items, long interactions, long seed) {
    /** The size of the committed sample project. */
    public static final SampleSpec RETAIL_DEFAULT = new SampleSpec(2_000, 1_000, 50_000, 42);

    /** Validates the sizes; the messages name the option a user would change. */
    public SampleSpec {
        if (users < 2) {
            throw new IllegalArgumentException("users must be at least 2 (friends need somebody to befriend), not " + users);
        }
        if (items < 8) {
            throw new IllegalArgumentException("items must be at least 8 (one per taste theme), not " + items);
        }
        if (interactions < users) {
            throw new IllegalArgumentException("interactions (" + interactions
                    + ") must be at least the number of users (" + users + "): every user buys something");
        }
        long max = maxInteractions(users, items);
        if (interactions > max) {
            throw new IllegalArgumentException("interactions (" + interactions + ") cannot exceed " + max
                    + " for " + users + " users and " + items + " items: a user buys at most half of the items");
        }
    }

    /** The most interactions a spec of this many users and items may ask for. */
    public static long maxInteractions(int users, int items) {
        return (long) users * (items / 2);
    }

    /** The same sizes with another seed. */
    public SampleSpec withSeed(long newSeed) {
        return new SampleSpec(users, items, interactions, newSeed);
    }
}
