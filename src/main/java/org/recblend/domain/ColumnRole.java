package org.recblend.domain;

/**
 * What one column of an imported file means. The importer turns each role into rows of the
 * project's tables; which roles a source needs depends on its {@link SourceKind}.
 */
public enum ColumnRole {
    /** The user's external id. */
    USER_ID,
    /** The item's external id. */
    ITEM_ID,
    /** A rating, weight or play count of a behaviour row. */
    RATING,
    /** When it happened: epoch seconds or millis, or a date in a named pattern. */
    TIMESTAMP,
    /** The year of a date split over three columns (with {@link #DATE_MONTH} and {@link #DATE_DAY}). */
    DATE_YEAR,
    /** The month (1-12) of a date split over three columns. */
    DATE_MONTH,
    /** The day of month of a date split over three columns. */
    DATE_DAY,
    /** The kind of event (view, click, purchase). */
    EVENT_TYPE,
    /** A named text field of an item (title, plot, description). */
    ITEM_TEXT,
    /** Item categories, several in one value when a separator is given ({@code Action|Comedy}). */
    ITEM_CATEGORY,
    /** A 0/1 column meaning "the item has the category named by the mapping". */
    CATEGORY_FLAG,
    /** A named item attribute, numeric or text. */
    ITEM_ATTRIBUTE,
    /** A named user attribute, numeric or text. */
    USER_ATTRIBUTE,
    /** The user an edge of a social graph starts at. */
    SOCIAL_SOURCE,
    /** The user an edge of a social graph points to. */
    SOCIAL_TARGET,
    /** The weight of a social edge (trust value). */
    SOCIAL_WEIGHT,
    /** A tag or review a user wrote about an item. */
    USER_ITEM_TEXT,
    /** A named context value of a behaviour row (device, location), kept as JSON. */
    CONTEXT,
    /** A column the import does not use. */
    IGNORE;

    /** Whether the role carries a date part that is composed with the other two into a timestamp. */
    public boolean isDatePart() {
        return this == DATE_YEAR || this == DATE_MONTH || this == DATE_DAY;
    }

    /** A short lower-case label for messages, such as "user id". */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
