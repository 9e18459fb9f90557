package org.recblend.testutil;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.recblend.store.ProjectStore;

/**
 * Fills a project with plain SQL: a dataset "shop" with one source of every kind and known
 * counts, two rejected rows, and an empty dataset "spare". The figures below are what
 * {@code recblend info} must show.
 */
public final class SmallProject {
    public static final int SHOP_USERS = 4;
    public static final int SHOP_ITEMS = 5;
    public static final int PURCHASES = 6;
    public static final int PURCHASE_USERS = 3;
    public static final int PURCHASE_ITEMS = 4;
    public static final int PURCHASE_ROWS_READ = 8;
    public static final int PURCHASE_REJECTED = 2;
    public static final int ITEM_TEXTS = 3;
    public static final int REVIEWS = 2;
    public static final int FRIEND_EDGES = 3;

    private SmallProject() {
    }

    public static void fill(ProjectStore store) {
        store.inTransaction(SmallProject::insert);
    }

    private static Void insert(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO datasets(id, name) VALUES (1, 'shop'), (2, 'spare')");
            s.executeUpdate("INSERT INTO sources(id, dataset_id, name, kind, file_name, rows_read, rows_accepted, rows_rejected)"
                    + " VALUES (10, 1, 'purchases', 'BEHAVIOUR', 'purchases.csv', 8, 6, 2),"
                    + " (11, 1, 'catalogue', 'ITEM_CONTENT', 'items.csv', 5, 5, 0),"
                    + " (12, 1, 'customers', 'USER_PROFILE', 'users.csv', 4, 4, 0),"
                    + " (13, 1, 'friends', 'SOCIAL', 'friends.csv', 3, 3, 0),"
                    + " (14, 1, 'reviews', 'USER_ITEM_TEXT', 'reviews.csv', 2, 2, 0)");
            s.executeUpdate("INSERT INTO users(id, dataset_id, ext_id) VALUES (1, 1, 'u1'), (2, 1, 'u2'), (3, 1, 'u3'), (4, 1, 'u4')");
            s.executeUpdate("INSERT INTO items(id, dataset_id, ext_id) VALUES (1, 1, 'i1'), (2, 1, 'i2'), (3, 1, 'i3'),"
                    + " (4, 1, 'i4'), (5, 1, 'i5')");
            s.executeUpdate("INSERT INTO interactions(source_id, user_id, item_id, weight, ts) VALUES"
                    + " (10, 1, 1, 5, 100), (10, 1, 2, 4, 101), (10, 2, 2, 3, 102), (10, 2, 3, 1, 103),"
                    + " (10, 3, 4, 2, 104), (10, 3, 1, 5, 105)");
            s.executeUpdate("INSERT INTO import_rejects(source_id, line_no, column_no, column_name, reason, raw_text) VALUES"
                    + " (10, 4, 3, 'rating', '''abc'' in column 3 (rating) is not a number', '2,3,abc,104'),"
                    + " (10, 9, NULL, NULL, 'expected 4 columns, found 3', '5,1,3')");
            s.executeUpdate("INSERT INTO item_texts(source_id, item_id, field, text) VALUES"
                    + " (11, 1, 'title', 'Tent'), (11, 2, 'title', 'Pan'), (11, 2, 'description', 'A pan')");
            s.executeUpdate("INSERT INTO item_categories(source_id, item_id, category) VALUES"
                    + " (11, 1, 'Camping'), (11, 2, 'Cookware'), (11, 3, 'Audio'), (11, 4, 'Toys'), (11, 5, 'Toys')");
            s.executeUpdate("INSERT INTO user_attributes(source_id, user_id, name, str_value) VALUES"
                    + " (12, 1, 'region', 'North'), (12, 2, 'region', 'South'), (12, 3, 'region', 'East'), (12, 4, 'region', 'West')");
            s.executeUpdate("INSERT INTO social_edges(source_id, src_user_id, dst_user_id, kind) VALUES"
                    + " (13, 1, 2, 'friend'), (13, 2, 3, 'friend'), (13, 1, 3, 'friend')");
            s.executeUpdate("INSERT INTO user_item_texts(source_id, user_id, item_id, kind, text) VALUES"
                    + " (14, 1, 1, 'review', 'Great tent'), (14, 4, 5, 'review', 'Broke')");
        }
        return null;
    }
}
