package org.recblend.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Collectors;

/**
 * Settings to JSON and back. Keys are written sorted, so equal settings give equal text (the cache
 * key hashes it). Reading starts from the kind's defaults, so a field added in a later version
 * gets its default in an older file; an unknown field is an error that names it.
 */
public final class SettingsCodec {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private SettingsCodec() {
    }

    /** The mapper used for settings and pipeline files. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ObjectNode toJson(NodeSettings settings) {
        return MAPPER.valueToTree(settings);
    }

    /** Compact JSON text with sorted keys. */
    public static String canonical(JsonNode json) {
        try {
            return MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write settings JSON", e);
        }
    }

    /** Reads settings written at {@code version} for this kind, upgrading and filling defaults. */
    public static <S extends NodeSettings> S fromJson(NodeKind<S> kind, int version, JsonNode json)
            throws InvalidSettingsException {
        if (json != null && !json.isObject()) {
            throw new InvalidSettingsException("Settings must be a JSON object, not " + json.getNodeType());
        }
        if (version > kind.settingsVersion()) {
            throw new InvalidSettingsException("Settings were written by a newer version (settings version "
                    + version + "; this workbench reads up to " + kind.settingsVersion() + ")");
        }
        ObjectNode given = json == null ? MAPPER.createObjectNode() : ((ObjectNode) json).deepCopy();
        if (version < kind.settingsVersion()) {
            given = kind.upgradeSettings(version, given);
        }
        ObjectNode merged = toJson(kind.defaultSettings());
        merged.setAll(given);
        try {
            return MAPPER.treeToValue(merged, kind.settingsClass());
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw new InvalidSettingsException("Unknown setting '" + e.getPropertyName() + "' (known: " + known + ")");
        } catch (InvalidFormatException e) {
            throw new InvalidSettingsException("Setting '" + path(e) + "' cannot be " + e.getValue()
                    + ": expected " + describe(e.getTargetType()));
        } catch (MismatchedInputException e) {
            throw new InvalidSettingsException("Setting '" + path(e) + "' has the wrong form: expected "
                    + describe(e.getTargetType()));
        } catch (JsonProcessingException e) {
            throw new InvalidSettingsException("Cannot read the settings: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Cannot read the settings: " + e.getMessage());
        }
    }

    private static String path(MismatchedInputException e) {
        StringBuilder b = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                b.append(b.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else {
                b.append('[').append(ref.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (type.isEnum()) {
            StringBuilder b = new StringBuilder("one of ");
            Object[] values = type.getEnumConstants();
            for (int i = 0; i < values.length; i++) {
                b.append(i == 0 ? "" : ", ").append(values[i]);
            }
            return b.toString();
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        return "a " + type.getSimpleName();
    }
}
