package org.recblend.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the settings editor presents one setting (a component of the settings record): a label where
 * the humanised component name reads poorly ("k" → "K"), the group it sits in, and a description.
 * Every part is optional (null or blank: the editor's own choice). See {@link NodeKind#settingDocs()}.
 */
public record SettingDoc(String label, String group, String help) {
    public SettingDoc {
        label = blankToNull(label);
        group = blankToNull(group);
        help = blankToNull(help);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * Collects the docs of a kind's settings in order; each setting joins the group named last. A setting
     * described twice (a shared doc a kind refines) keeps the later doc, in the later place.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds the map {@link NodeKind#settingDocs()} returns. */
    public static final class Builder {
        private final Map<String, SettingDoc> docs = new LinkedHashMap<>();
        private String group;

        private Builder() {
        }

        /** The settings added after this call belong to this group. */
        public Builder group(String name) {
            this.group = name;
            return this;
        }

        /** A setting with its humanised name as label. */
        public Builder setting(String component, String help) {
            return setting(component, null, help);
        }

        public Builder setting(String component, String label, String help) {
            docs.remove(component); // described again: it moves to the current group, at its end
            docs.put(component, new SettingDoc(label, group, help));
            return this;
        }

        public Map<String, SettingDoc> build() {
            return Collections.unmodifiableMap(new LinkedHashMap<>(docs));
        }
    }
}
