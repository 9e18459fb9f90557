package org.recblend.domain;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** What is known about one item besides its interactions: categories, text fields and attributes. */
public record ItemInfo(List<String> categories, Map<String, String> texts, Map<String, AttributeValue> attributes)
        implements Serializable {
    public static final ItemInfo EMPTY = new ItemInfo(List.of(), Map.of(), Map.of());

    public ItemInfo {
        categories = List.copyOf(categories);
        texts = Map.copyOf(texts);
        attributes = Map.copyOf(attributes);
    }
}
