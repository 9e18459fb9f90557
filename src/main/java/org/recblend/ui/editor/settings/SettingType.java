package org.recblend.ui.editor.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.recblend.pipeline.SettingsCodec;

/**
 * The Java type of one setting and how its values read and write as the text of an editor. Whole
 * numbers refuse fractions and overflow, decimals refuse words, lists are comma-separated, maps are
 * "name = value" pairs, and whatever else a record may hold is edited as its JSON through the
 * settings codec's mapper, so every settings record can be edited.
 */
public final class SettingType {
    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final Type type;
    private final Class<?> raw;
    private final EditorKind editor;
    private final SettingType element;

    private SettingType(Type type, Class<?> raw, EditorKind editor, SettingType element) {
        this.type = type;
        this.raw = raw;
        this.editor = editor;
        this.element = element;
    }

    /** The type of a record component, from its generic type. */
    public static SettingType of(Type type) {
        Class<?> raw = rawClass(type);
        if (raw == int.class || raw == long.class || raw == Integer.class || raw == Long.class
                || raw == short.class || raw == Short.class) {
            return new SettingType(type, raw, EditorKind.WHOLE_NUMBER, null);
        }
        if (raw == double.class || raw == float.class || raw == Double.class || raw == Float.class) {
            return new SettingType(type, raw, EditorKind.DECIMAL, null);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return new SettingType(type, raw, EditorKind.FLAG, null);
        }
        if (raw == String.class) {
            return new SettingType(type, raw, EditorKind.TEXT, null);
        }
        if (raw.isEnum()) {
            return new SettingType(type, raw, EditorKind.CHOICE, null);
        }
        if (raw == List.class && type instanceof ParameterizedType p) {
            SettingType item = of(p.getActualTypeArguments()[0]);
            if (item.editor == EditorKind.CHOICE) {
                return new SettingType(type, raw, EditorKind.CHOICES, item);
            }
            if (item.isScalarText()) {
                return new SettingType(type, raw, EditorKind.LIST, item);
            }
        }
        if (raw == Map.class && type instanceof ParameterizedType p && rawClass(p.getActualTypeArguments()[0]) == String.class) {
            SettingType value = of(p.getActualTypeArguments()[1]);
            if (value.isScalarText() || value.editor == EditorKind.FLAG) {
                return new SettingType(type, raw, EditorKind.KEY_VALUES, value);
            }
        }
        return new SettingType(type, raw, EditorKind.JSON, null);
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private boolean isScalarText() {
        return editor == EditorKind.WHOLE_NUMBER || editor == EditorKind.DECIMAL || editor == EditorKind.TEXT;
    }

    public EditorKind editor() {
        return editor;
    }

    public Class<?> rawClass() {
        return raw;
    }

    /** The constants of an enum setting, or of the enum a list holds. */
    public List<Object> choices() {
        Class<?> e = editor == EditorKind.CHOICES ? element.raw : raw;
        return e.isEnum() ? Arrays.asList(e.getEnumConstants()) : List.of();
    }

    /** Whether {@code null} is a value (a boxed number or any object); primitives never are. */
    public boolean nullable() {
        return !raw.isPrimitive();
    }

    /** A primitive's zero, so a record can be built when a value is missing; null otherwise. */
    Object emptyValue() {
        if (raw == boolean.class) {
            return false;
        }
        if (raw == int.class) {
            return 0;
        }
        if (raw == long.class) {
            return 0L;
        }
        if (raw == double.class) {
            return 0.0;
        }
        if (raw == float.class) {
            return 0f;
        }
        if (raw == short.class) {
            return (short) 0;
        }
        return null;
    }

    /** The value as the text of an editor. */
    public String format(Object value) {
        if (value == null) {
            return "";
        }
        return switch (editor) {
            case DECIMAL -> decimal(((Number) value).doubleValue());
            case CHOICE -> Humanise.constant((Enum<?>) value);
            case LIST, CHOICES -> String.join(", ", ((List<?>) value).stream().map(element::format).toList());
            case KEY_VALUES -> String.join(", ", ((Map<?, ?>) value).entrySet().stream()
                    .map(e -> e.getKey() + " = " + element.format(e.getValue())).toList());
            case JSON -> json(value);
            default -> String.valueOf(value);
        };
    }

    /** Reads the text of an editor; the message completes a sentence that starts with the setting's name. */
    public Object parse(String text) throws InvalidInputException {
        String t = text == null ? "" : text.strip();
        return switch (editor) {
            case WHOLE_NUMBER -> t.isEmpty() && nullable() ? null : whole(t);
            case DECIMAL -> t.isEmpty() && nullable() ? null : decimal(t);
            case FLAG -> flag(t);
            case TEXT -> text == null ? "" : text;
            case CHOICE -> choice(t);
            case CHOICES -> t.isEmpty() ? List.of() : parts(t, element);
            case LIST -> t.isEmpty() ? List.of() : parts(t, element);
            case KEY_VALUES -> keyValues(t);
            case JSON -> fromJson(t);
        };
    }

    private Object whole(String t) throws InvalidInputException {
        String digits = t.replace("_", "").replace(" ", "");
        if (!WHOLE.matcher(digits).matches()) {
            throw new InvalidInputException("takes a whole number, not '" + t + "'");
        }
        try {
            long v = Long.parseLong(digits);
            if ((raw == int.class || raw == Integer.class) && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
                throw new NumberFormatException();
            }
            if ((raw == short.class || raw == Short.class) && (v < Short.MIN_VALUE || v > Short.MAX_VALUE)) {
                throw new NumberFormatException();
            }
            if (raw == int.class || raw == Integer.class) {
                return (int) v;
            }
            if (raw == short.class || raw == Short.class) {
                return (short) v;
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("takes a whole number, and " + t + " is too large");
        }
    }

    private Object decimal(String t) throws InvalidInputException {
        String digits = t.replace("_", "").replace(" ", "");
        if (!DECIMAL.matcher(digits).matches()) {
            throw new InvalidInputException("takes a number such as 0.25 or 1e-3, not '" + t + "'");
        }
        double v = Double.parseDouble(digits);
        if (Double.isInfinite(v)) {
            throw new InvalidInputException("takes a number, and " + t + " is too large");
        }
        return raw == float.class || raw == Float.class ? (float) v : v;
    }

    private static Object flag(String t) throws InvalidInputException {
        return switch (t.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new InvalidInputException("takes yes or no, not '" + t + "'");
        };
    }

    private Object choice(String t) throws InvalidInputException {
        for (Object c : choices()) {
            Enum<?> e = (Enum<?>) c;
            if (e.name().equalsIgnoreCase(t) || Humanise.constant(e).equalsIgnoreCase(t)) {
                return e;
            }
        }
        throw new InvalidInputException("takes one of " + String.join(", ", choices().stream()
                .map(c -> Humanise.constant((Enum<?>) c)).toList()) + ", not '" + t + "'");
    }

    private static List<Object> parts(String t, SettingType item) throws InvalidInputException {
        List<Object> values = new ArrayList<>();
        for (String part : t.split(",", -1)) {
            if (item.editor != EditorKind.TEXT && part.isBlank()) {
                throw new InvalidInputException("has an empty entry in '" + t + "'; separate values by commas");
            }
            try {
                values.add(item.parse(item.editor == EditorKind.TEXT ? part.strip() : part));
            } catch (InvalidInputException e) {
                throw new InvalidInputException("takes a comma-separated list: '" + part.strip() + "' " + e.getMessage()
                        .replaceFirst("^takes", "is not"));
            }
        }
        return values;
    }

    private Map<String, Object> keyValues(String t) throws InvalidInputException {
        Map<String, Object> map = new LinkedHashMap<>();
        if (t.isEmpty()) {
            return map;
        }
        for (String pair : t.split(",")) {
            int eq = pair.lastIndexOf('=');
            if (eq < 0) {
                throw new InvalidInputException("takes name = value pairs separated by commas; '" + pair.strip() + "' has no '='");
            }
            String key = pair.substring(0, eq).strip();
            if (key.isEmpty()) {
                throw new InvalidInputException("takes name = value pairs; '" + pair.strip() + "' has no name");
            }
            try {
                map.put(key, element.parse(pair.substring(eq + 1).strip()));
            } catch (InvalidInputException e) {
                throw new InvalidInputException("takes name = value pairs: the value of '" + key + "' "
                        + e.getMessage().replaceFirst("^takes", "must be"));
            }
        }
        return map;
    }

    private Object fromJson(String t) throws InvalidInputException {
        if (t.isEmpty() && nullable()) {
            return null;
        }
        try {
            JavaType javaType = SettingsCodec.mapper().constructType(type);
            return SettingsCodec.mapper().readValue(t, javaType);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("takes JSON here, and this cannot be read: " + e.getOriginalMessage());
        }
    }

    private static String json(Object value) {
        try {
            return SettingsCodec.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    /** A double without a trailing ".0" or an exponent for everyday magnitudes: 0.005, 80, 1000000. */
    static String decimal(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        BigDecimal d = BigDecimal.valueOf(v).stripTrailingZeros();
        double magnitude = Math.abs(v);
        if (magnitude != 0 && (magnitude < 1e-6 || magnitude >= 1e12)) {
            return String.valueOf(v);
        }
        return d.toPlainString();
    }
}
