package org.recblend.pipeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The cache key of a node's outputs: SHA-256 over its kind, settings version and canonical settings
 * JSON, the keys of what feeds each input port, and its external fingerprint. Equal keys mean equal
 * outputs, so a changed setting or anything changed upstream gives a new key.
 */
final class CacheKeys {
    private CacheKeys() {
    }

    /**
     * @param inputKeys one entry per declared input port: "upstreamKey/port", or "-" when unconnected
     * @param fingerprint the node's external fingerprint, or null
     */
    static String of(String kindId, int settingsVersion, String canonicalSettings, List<String> inputKeys, String fingerprint) {
        MessageDigest sha = sha256();
        update(sha, "kind", kindId);
        update(sha, "settingsVersion", Integer.toString(settingsVersion));
        update(sha, "settings", canonicalSettings);
        for (String in : inputKeys) {
            update(sha, "input", in);
        }
        update(sha, "fingerprint", fingerprint == null ? "-" : fingerprint);
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void update(MessageDigest sha, String label, String value) {
        // length-prefixed fields: no two different field lists hash the same bytes
        byte[] bytes = (label + "=" + value).getBytes(StandardCharsets.UTF_8);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
