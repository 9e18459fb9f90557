package org.recblend.encode;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The user's own settings, {@code settings.json} in the workbench home ({@code ~/.recblend}, or the
 * {@code recblend.home} property): secrets such as the remote endpoint's API key live here, not in
 * a project, so a project file can be shared safely. A flat JSON object of strings; the file is
 * written readable by its owner only where the file system knows POSIX permissions.
 */
public final class UserSettings {
    /** The API key of the OpenAI-compatible embeddings endpoint. */
    public static final String REMOTE_API_KEY = "remote.apiKey";
    /** The default base URL of the embeddings endpoint, for the preferences dialog. */
    public static final String REMOTE_BASE_URL = "remote.baseUrl";
    /** The default model name of the embeddings endpoint. */
    public static final String REMOTE_MODEL = "remote.model";
    /** The default name of the environment variable holding the endpoint's key. */
    public static final String REMOTE_API_KEY_ENV = "remote.apiKeyEnv";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private final Map<String, String> values;

    private UserSettings(Path file, Map<String, String> values) {
        this.file = file;
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** {@code settings.json} in the workbench home ({@link WorkbenchHome#dir()}). */
    public static Path defaultFile() {
        return WorkbenchHome.dir().resolve("settings.json");
    }

    /** No settings at all (the defaults apply), bound to the default file. */
    public static UserSettings empty() {
        return new UserSettings(defaultFile(), Map.of());
    }

    /** Reads {@code file}; a missing file gives empty settings. */
    public static UserSettings load(Path file) throws EncoderException {
        if (!Files.exists(file)) {
            return new UserSettings(file, Map.of());
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            // the parser's message may quote the file's content, which may hold a key: say only where
            throw new EncoderException("The settings file " + file + " is not valid JSON" + where
                    + "; fix or delete it");
        } catch (IOException e) {
            throw new EncoderException("Cannot read the settings file " + file + ": " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            return new UserSettings(file, Map.of());
        }
        if (!root.isObject()) {
            throw new EncoderException("The settings file " + file + " must hold a JSON object");
        }
        Map<String, String> values = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                values.put(e.getKey(), e.getValue().asText());
            }
        }
        return new UserSettings(file, values);
    }

    public Path file() {
        return file;
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** A copy with {@code name} set to {@code value} ({@code null} removes it). */
    public UserSettings with(String name, String value) {
        Map<String, String> copy = new TreeMap<>(values);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return new UserSettings(file, copy);
    }

    /** Writes the settings to their file, owner-only, replacing it in one move. */
    public void save() throws EncoderException {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            Path tmp = posix
                    ? Files.createTempFile(dir, ".settings", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                    : Files.createTempFile(dir, ".settings", ".tmp");
            try {
                JSON.writeValue(tmp.toFile(), values);
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
                if (posix) {
                    Files.setPosixFilePermissions(file, OWNER_ONLY);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new EncoderException("Cannot write the settings file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Names the entries, never their values (some are secrets). */
    @Override
    public String toString() {
        return "UserSettings[" + file + ", entries " + values.keySet() + "]";
    }
}
