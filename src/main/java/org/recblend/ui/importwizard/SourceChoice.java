package org.recblend.ui.importwizard;

import org.recblend.domain.SourceKind;

/**
 * What the user says a file holds. Mostly one {@link SourceKind} each; context (device, channel,
 * location) has no kind of its own: it arrives as context columns of a behaviour source.
 */
public enum SourceChoice {
    BEHAVIOUR("Behaviour", "ratings, clicks, purchases, play counts", SourceKind.BEHAVIOUR),
    ITEM_CONTENT("Item content", "titles, descriptions, categories, attributes", SourceKind.ITEM_CONTENT),
    USER_PROFILE("User profile", "age, gender, region, segment", SourceKind.USER_PROFILE),
    SOCIAL("Social graph", "friends, trust, followers", SourceKind.SOCIAL),
    TAGS_AND_REVIEWS("Tags and reviews", "text a user wrote about an item", SourceKind.USER_ITEM_TEXT),
    CONTEXT("Context", "behaviour rows with context columns (device, channel, location)", SourceKind.BEHAVIOUR);

    private final String title;
    private final String examples;
    private final SourceKind kind;

    SourceChoice(String title, String examples, SourceKind kind) {
        this.title = title;
        this.examples = examples;
        this.kind = kind;
    }

    public String title() {
        return title;
    }

    public String examples() {
        return examples;
    }

    public SourceKind kind() {
        return kind;
    }

    /** The choice for a stored kind (behaviour for context, which is stored as behaviour). */
    public static SourceChoice of(SourceKind kind) {
        return switch (kind) {
            case BEHAVIOUR -> BEHAVIOUR;
            case ITEM_CONTENT -> ITEM_CONTENT;
            case USER_PROFILE -> USER_PROFILE;
            case SOCIAL -> SOCIAL;
            case USER_ITEM_TEXT -> TAGS_AND_REVIEWS;
        };
    }

    @Override
    public String toString() {
        return title + " — " + examples;
    }
}
