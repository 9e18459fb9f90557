package org.recblend.encode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.HexFormat;
import org.recblend.store.ProjectStore;

/**
 * Text vectors kept in the project (table {@code embedding_cache}), keyed by the encoder's
 * {@link TextEncoder#key()} and the SHA-256 of the text, so a re-run encodes only texts it has not
 * seen. Vectors are stored as little-endian float32 bytes.
 */
public final class EmbeddingCache {
    /** Hashes per lookup query: keeps the array parameter and the result set small. */
    private static final int LOOKUP_CHUNK = 1000;

    private final ProjectStore store;

    public EmbeddingCache(ProjectStore store) {
        this.store = store;
    }

    /** The hex SHA-256 of the text's UTF-8 bytes. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The vectors stored for these text hashes under {@code encoderKey}; absent hashes are left out. */
    public Map<String, float[]> lookup(String encoderKey, Collection<String> hashes) {
        Map<String, float[]> out = new HashMap<>(hashes.size() * 2);
        List<String> all = List.copyOf(hashes);
        for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + LOOKUP_CHUNK));
            store.read(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT text_sha256, vector FROM embedding_cache WHERE encoder_id = ? AND text_sha256 = ANY(?)")) {
                    Array array = c.createArrayOf("VARCHAR", chunk.toArray());
                    ps.setString(1, encoderKey);
                    ps.setArray(2, array);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(rs.getString(1), fromBytes(rs.getBytes(2)));
                        }
                    }
                }
                return null;
            });
        }
        return out;
    }

    /** Stores the vectors (text hash → vector) in one transaction; an existing entry is replaced. */
    public void store(String encoderKey, Map<String, float[]> vectors) {
        if (vectors.isEmpty()) {
            return;
        }
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "MERGE INTO embedding_cache (encoder_id, text_sha256, dim, vector) KEY (encoder_id, text_sha256) VALUES (?, ?, ?, ?)")) {
                for (Map.Entry<String, float[]> e : vectors.entrySet()) {
                    ps.setString(1, encoderKey);
                    ps.setString(2, e.getKey());
                    ps.setInt(3, e.getValue().length);
                    ps.setBytes(4, toBytes(e.getValue()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** How many vectors are stored under {@code encoderKey}. */
    public int count(String encoderKey) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM embedding_cache WHERE encoder_id = ?")) {
                ps.setString(1, encoderKey);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** Removes every vector of {@code encoderKey}; returns how many. */
    public int clear(String encoderKey) {
        return store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM embedding_cache WHERE encoder_id = ?")) {
                ps.setString(1, encoderKey);
                return ps.executeUpdate();
            }
        });
    }

    /** Little-endian float32 bytes. */
    public static byte[] toBytes(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return b.array();
    }

    /** The inverse of {@link #toBytes(float[])}. */
    public static float[] fromBytes(byte[] bytes) {
        if (bytes.length % Float.BYTES != 0) {
            throw new IllegalArgumentException("A cached vector of " + bytes.length + " bytes is not a float32 array");
        }
        float[] v = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }
}
