package org.recblend.nodes.recommend;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.recblend.domain.IdIndex;
import org.recblend.store.ProjectStore;

/**
 * The database ids of a pipeline's users and items. Pipeline tables carry dense indices over the id
 * spaces of the dataset they were read from (all its users and items, in database id order), so
 * the dataset is the one whose users and items are exactly these external ids in this order.
 *
 * @param datasetId the dataset the id spaces came from
 * @param userIds   the database id of each user index
 * @param itemIds   the database id of each item index
 */
public record StoredIds(int datasetId, int[] userIds, int[] itemIds) {

    /**
     * Finds the dataset with these id spaces.
     *
     * @throws IllegalStateException when no dataset of the project has them
     */
    public static StoredIds resolve(ProjectStore store, IdIndex users, IdIndex items) {
        return store.read(c -> {
            List<Integer> candidates = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT d.id FROM datasets d WHERE"
                    + " (SELECT COUNT(*) FROM users u WHERE u.dataset_id = d.id) = ?"
                    + " AND (SELECT COUNT(*) FROM items i WHERE i.dataset_id = d.id) = ? ORDER BY d.id")) {
                ps.setInt(1, users.size());
                ps.setInt(2, items.size());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(rs.getInt(1));
                    }
                }
            }
            for (int dataset : candidates) {
                int[] u = ids(c, "users", dataset, users);
                int[] i = u == null ? null : ids(c, "items", dataset, items);
                if (i != null) {
                    return new StoredIds(dataset, u, i);
                }
            }
            throw new IllegalStateException("No dataset of project " + store.name() + " has these " + users.size()
                    + " users and " + items.size() + " items; results can only be stored for data read from the project");
        });
    }

    /** The database ids in index order, or null when the dataset's ids differ. */
    private static int[] ids(Connection c, String table, int dataset, IdIndex index) throws SQLException {
        int[] ids = new int[index.size()];
        try (PreparedStatement ps = c.prepareStatement("SELECT id, ext_id FROM " + table + " WHERE dataset_id = ? ORDER BY id")) {
            ps.setInt(1, dataset);
            try (ResultSet rs = ps.executeQuery()) {
                int n = 0;
                while (rs.next()) {
                    if (n >= ids.length || !index.id(n).equals(rs.getString(2))) {
                        return null;
                    }
                    ids[n++] = rs.getInt(1);
                }
                return n == ids.length ? ids : null;
            }
        }
    }

    /** The user index of a database id, or -1. */
    public int userIndex(int dbId) {
        return indexOf(userIds, dbId);
    }

    private static int indexOf(int[] sorted, int dbId) {
        int i = Arrays.binarySearch(sorted, dbId);
        return i >= 0 ? i : -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredIds s && datasetId == s.datasetId && Arrays.equals(userIds, s.userIds)
                && Arrays.equals(itemIds, s.itemIds);
    }

    @Override
    public int hashCode() {
        return 31 * datasetId + Arrays.hashCode(userIds);
    }

    @Override
    public String toString() {
        return "StoredIds[dataset " + datasetId + ", " + userIds.length + " users, " + itemIds.length + " items]";
    }
}
