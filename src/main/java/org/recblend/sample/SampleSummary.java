package org.recblend.sample;

import java.nio.file.Path;
import java.util.List;

/**
 * What a generator run wrote.
 *
 * @param folder the output folder
 * @param files the files written into it, in the order written
 * @param users rows of users.csv
 * @param items rows of items.csv
 * @param purchases rows of purchases.csv
 * @param reviews rows of reviews.csv
 * @param friendships rows of friends.csv (each friendship once)
 */
public record SampleSummary(Path folder, List<Path> files, int users, int items, long purchases, long reviews,
                            long friendships) {
    public SampleSummary {
        files = List.copyOf(files);
    }
}
