package org.recblend.domain;

import java.io.Serializable;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** User attributes over a user id space: {@code attributes(u)} belongs to user index {@code u}. */
public final class UserTable implements Serializable {
    private static final long serialVersionUID = 1L;

    private final IdIndex users;
    private final List<Map<String, AttributeValue>> attributes;

    public UserTable(IdIndex users, List<Map<String, AttributeValue>> attributes) {
        this.users = Objects.requireNonNull(users, "users");
        if (attributes.size() != users.size()) {
            throw new IllegalArgumentException("Expected " + users.size() + " attribute maps, got " + attributes.size());
        }
        this.attributes = attributes.stream().map(Map::copyOf).toList();
    }

    /** A table that knows the ids but no attributes. */
    public static UserTable empty(IdIndex users) {
        return new UserTable(users, Collections.nCopies(users.size(), Map.of()));
    }

    public IdIndex users() {
        return users;
    }

    public int size() {
        return users.size();
    }

    public Map<String, AttributeValue> attributes(int user) {
        return attributes.get(user);
    }

    /** Whether any user has an attribute. */
    public boolean hasAttributes() {
        return attributes.stream().anyMatch(m -> !m.isEmpty());
    }

    @Override
    public String toString() {
        return "UserTable[" + size() + " users]";
    }
}
