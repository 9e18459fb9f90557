package org.recblend.store.browse;

/** What a browsable table shows; one per source kind, plus a source's rejected rows. */
public enum TableKind {
    BEHAVIOUR("behaviour"),
    ITEM_CONTENT("items"),
    USER_PROFILE("users"),
    SOCIAL("social edges"),
    USER_ITEM_TEXT("user-item texts"),
    REJECTS("rejected rows");

    private final String label;

    TableKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
