package org.recblend.pipeline;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.recblend.store.ProjectStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Node outputs by cache key: in memory for the session, and as files under
 * {@code artifacts/cache} listed in the {@code node_outputs} table, so they survive reopening the
 * project. A file is written under a temporary name and moved into place before its row is
 * inserted, so a crash or cancel never leaves a half entry that a later run would trust.
 *
 * <p>Files hold the outputs in Java serialisation; reading accepts only JDK and RecBlend classes.
 * An entry that cannot be read (a class changed between versions) counts as a miss and is removed.
 */
public final class OutputCache {
    private static final Logger LOG = LoggerFactory.getLogger(OutputCache.class);
    static final String DIR = "cache";

    private final ProjectStore store;
    private final Map<String, List<PortData>> memory = new ConcurrentHashMap<>();

    public OutputCache(ProjectStore store) {
        this.store = store;
    }

    /** Whether outputs for this key are in memory or on disk. */
    public boolean contains(String key) {
        return memory.containsKey(key) || artifact(key).filter(Files::isRegularFile).isPresent();
    }

    /** The outputs for this key, from memory or else from disk. */
    public Optional<List<PortData>> get(String key) {
        List<PortData> hit = memory.get(key);
        if (hit != null) {
            return Optional.of(hit);
        }
        Optional<Path> file = artifact(key);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            List<PortData> loaded = readFile(file.get());
            memory.put(key, loaded);
            return Optional.of(loaded);
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            LOG.warn("Dropping unreadable cached output {}: {}", key, e.toString());
            remove(key);
            return Optional.empty();
        }
    }

    /** Keeps outputs in memory and writes them to disk; a failed write leaves no trace on disk. */
    public void put(String key, String nodeKind, List<PortData> outputs) throws IOException {
        List<PortData> copy = List.copyOf(outputs);
        memory.put(key, copy);
        Path dir = store.artifactsDir().resolve(DIR);
        Files.createDirectories(dir);
        String name = key + ".bin";
        Path tmp = Files.createTempFile(dir, key, ".tmp");
        try {
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                 ObjectOutputStream out = new ObjectOutputStream(os)) {
                out.writeObject(new ArrayList<>(copy));
            }
            long bytes = Files.size(tmp);
            Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            String types = copy.stream().map(d -> d.type().id()).collect(Collectors.joining(","));
            store.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("MERGE INTO node_outputs (cache_key, node_kind, port_types,"
                        + " artifact, bytes) KEY (cache_key) VALUES (?, ?, ?, ?, ?)")) {
                    ps.setString(1, key);
                    ps.setString(2, nodeKind);
                    ps.setString(3, types.length() > 1000 ? types.substring(0, 1000) : types);
                    ps.setString(4, DIR + "/" + name);
                    ps.setLong(5, bytes);
                    return ps.executeUpdate();
                }
            });
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(dir.resolve(name));
            throw e instanceof IOException io ? io : new IOException("Cannot record cached output " + key + ": " + e.getMessage(), e);
        }
    }

    /** Forgets the outputs held in memory (the files stay). */
    public void clearMemory() {
        memory.clear();
    }

    /** How many entries are held in memory. */
    public int memorySize() {
        return memory.size();
    }

    /** Deletes every cached output, in memory and on disk. */
    public void clear() throws IOException {
        memory.clear();
        List<String> keys = store.read(c -> {
            List<String> list = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT cache_key FROM node_outputs"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(rs.getString(1));
                }
            }
            return list;
        });
        for (String key : keys) {
            remove(key);
        }
    }

    private void remove(String key) {
        memory.remove(key);
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM node_outputs WHERE cache_key = ?")) {
                ps.setString(1, key);
                return ps.executeUpdate();
            }
        });
        try {
            Files.deleteIfExists(store.artifactsDir().resolve(DIR).resolve(key + ".bin"));
        } catch (IOException e) {
            LOG.warn("Cannot delete cached output file {}: {}", key, e.getMessage());
        }
    }

    /** The file of a key listed in node_outputs, if listed. */
    private Optional<Path> artifact(String key) {
        Optional<String> relative = store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT artifact FROM node_outputs WHERE cache_key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
        return relative.map(r -> store.artifactsDir().resolve(r));
    }

    private static List<PortData> readFile(Path file) throws IOException, ClassNotFoundException {
        try (InputStream is = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             ObjectInputStream in = new ObjectInputStream(is)) {
            in.setObjectInputFilter(OutputCache::onlyOurClasses);
            List<?> raw = (List<?>) in.readObject();
            List<PortData> out = new ArrayList<>(raw.size());
            for (Object o : raw) {
                out.add((PortData) o);
            }
            return List.copyOf(out);
        } catch (InvalidClassException e) {
            throw new IOException("Cached output written by another version: " + e.getMessage(), e);
        }
    }

    private static ObjectInputFilter.Status onlyOurClasses(ObjectInputFilter.FilterInfo info) {
        Class<?> cls = info.serialClass();
        if (cls == null) {
            return ObjectInputFilter.Status.UNDECIDED;
        }
        while (cls.isArray()) {
            cls = cls.getComponentType();
        }
        String name = cls.getName();
        return cls.isPrimitive() || name.startsWith("java.") || name.startsWith("org.recblend.")
                ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
    }
}
