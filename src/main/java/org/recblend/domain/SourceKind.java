package org.recblend.domain;

/**
 * What kind of data an imported source holds. It decides which column roles are required and
 * which tables receive the rows. Context (time, location, device) arrives as context columns of a
 * behaviour source.
 */
public enum SourceKind {
    /** Ratings, clicks, purchases, play counts: one row per user-item event. */
    BEHAVIOUR,
    /** Item attributes, categories and long text: one row per item. */
    ITEM_CONTENT,
    /** User attributes: one row per user. */
    USER_PROFILE,
    /** A friend or trust graph: one row per edge. */
    SOCIAL,
    /** Tags and reviews a user wrote about an item. */
    USER_ITEM_TEXT
}
