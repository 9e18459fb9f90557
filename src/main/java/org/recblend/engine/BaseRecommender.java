package org.recblend.engine;

import java.util.Objects;
import org.recblend.domain.IdIndex;

/** The kind and id spaces every recommender carries; subclasses only score. */
public abstract class BaseRecommender implements Recommender {
    private static final long serialVersionUID = 1L;

    private final String kind;
    private final IdIndex users;
    private final IdIndex items;

    protected BaseRecommender(String kind, IdIndex users, IdIndex items) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.users = Objects.requireNonNull(users, "users");
        this.items = Objects.requireNonNull(items, "items");
    }

    @Override
    public final String kind() {
        return kind;
    }

    @Override
    public final IdIndex users() {
        return users;
    }

    @Override
    public final IdIndex items() {
        return items;
    }
}
