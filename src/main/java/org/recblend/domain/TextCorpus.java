package org.recblend.domain;

import java.io.Serializable;
import java.util.Objects;

/** Texts users wrote about items (tags, reviews), as columns over shared user and item id spaces. */
public final class TextCorpus implements Serializable {
    private static final long serialVersionUID = 1L;

    private final IdIndex users;
    private final IdIndex items;
    private final int[] user;
    private final int[] item;
    private final String[] kind;
    private final String[] text;
    private final long[] ts;

    public TextCorpus(IdIndex users, IdIndex items, int[] user, int[] item, String[] kind, String[] text, long[] ts) {
        this.users = Objects.requireNonNull(users, "users");
        this.items = Objects.requireNonNull(items, "items");
        int n = user.length;
        if (item.length != n || kind.length != n || text.length != n || ts.length != n) {
            throw new IllegalArgumentException("Columns differ in length");
        }
        this.user = user.clone();
        this.item = item.clone();
        this.kind = kind.clone();
        this.text = text.clone();
        this.ts = ts.clone();
    }

    public static TextCorpus empty(IdIndex users, IdIndex items) {
        return new TextCorpus(users, items, new int[0], new int[0], new String[0], new String[0], new long[0]);
    }

    public IdIndex users() {
        return users;
    }

    public IdIndex items() {
        return items;
    }

    public int size() {
        return user.length;
    }

    public int user(int row) {
        return user[row];
    }

    public int item(int row) {
        return item[row];
    }

    /** What kind of text: "tag", "review", … as imported. */
    public String kind(int row) {
        return kind[row];
    }

    public String text(int row) {
        return text[row];
    }

    /** Epoch seconds, or {@link InteractionTable#NO_TIME}. */
    public long ts(int row) {
        return ts[row];
    }

    @Override
    public String toString() {
        return "TextCorpus[" + size() + " texts]";
    }
}
