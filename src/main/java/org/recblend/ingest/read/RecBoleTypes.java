package org.recblend.ingest.read;

import java.util.Set;

/** The field types of RecBole atomic files, written into the header as {@code name:type}. */
public final class RecBoleTypes {
    /** The types RecBole defines. */
    public static final Set<String> TYPES = Set.of("token", "token_seq", "float", "float_seq");

    private RecBoleTypes() {
    }

    /** The name without its {@code :type} suffix (unchanged when it has none). */
    public static String stripType(String header) {
        int colon = header.lastIndexOf(':');
        return colon > 0 && TYPES.contains(header.substring(colon + 1)) ? header.substring(0, colon) : header;
    }

    /** The type of a typed header name, or {@code null}. */
    public static String typeOf(String header) {
        int colon = header.lastIndexOf(':');
        return colon > 0 && TYPES.contains(header.substring(colon + 1)) ? header.substring(colon + 1) : null;
    }

    /** Whether every name of a header carries a RecBole type. */
    public static boolean isTypedHeader(java.util.List<String> names) {
        return !names.isEmpty() && names.stream().allMatch(n -> typeOf(n.strip()) != null);
    }
}
