package org.recblend.engine.bundle;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.recblend.domain.IdIndex;
import org.recblend.domain.InteractionTable;
import org.recblend.engine.Recommender;
import org.recblend.engine.TrainedModel;
import org.recblend.engine.model.DeepRecommender;
import org.recblend.engine.model.EmbeddingSource;
import org.recblend.engine.model.FloatMatrix;
import org.recblend.engine.train.TorchThreads;
import org.recblend.store.ProjectStore;

/**
 * Exports a trained model to one zip and imports it into a project. The zip holds {@code card.json}
 * (a {@link ModelCard}), {@code model.params} (the weights as a DJL NDList file, for DJL models),
 * {@code user_embeddings.tsv} and {@code item_embeddings.tsv} (id + vector, where the model has
 * them) and {@code model.ser}, the scoring model itself, so an imported model scores exactly as
 * before. The card carries a SHA-256 per entry: a corrupted or foreign file is refused before
 * anything is written, and {@code model.ser} is read through a class filter that admits only
 * RecBlend and JDK value classes.
 */
public final class ModelBundle {
    public static final int FORMAT_VERSION = 1;
    static final String CARD = "card.json";
    static final String PARAMS = "model.params";
    static final String MODEL = "model.ser";
    static final String USERS_TSV = "user_embeddings.tsv";
    static final String ITEMS_TSV = "item_embeddings.tsv";
    private static final long MAX_ENTRY_BYTES = 2L << 30;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(
            "maxdepth=64;org.recblend.**;java.lang.*;java.util.*;java.time.*;!*");

    private ModelBundle() {
    }

    /** What the exporter knows beyond the model: the training data and any metrics. */
    public record Provenance(InteractionTable train, Map<String, Double> metrics) {
    }

    /** Writes {@code model} to {@code zip} (atomically: a half-written bundle never appears under that name). */
    public static ModelCard export(TrainedModel model, Provenance provenance, Path zip) throws BundleException {
        Recommender rec = model.recommender();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try {
            entries.put(MODEL, serialise(model));
            if (rec instanceof DeepRecommender deep) {
                entries.put(PARAMS, djlParameters(deep.weights()));
            }
            if (rec instanceof EmbeddingSource emb) {
                entries.put(USERS_TSV, tsv(rec.users(), emb.userEmbeddings()));
                entries.put(ITEMS_TSV, tsv(rec.items(), emb.itemEmbeddings()));
            }
        } catch (IOException | RuntimeException e) {
            throw new BundleException("Cannot export the " + model.kind() + " model: " + e.getMessage(), e);
        }
        Map<String, String> sums = new LinkedHashMap<>();
        entries.forEach((name, bytes) -> sums.put(name, sha256(bytes)));
        ModelCard card = new ModelCard(FORMAT_VERSION, model.kind(), model.settings(), ids(rec.users()), ids(rec.items()),
                schema(provenance.train()), fingerprint(provenance.train()), Map.copyOf(provenance.metrics()), versions(),
                OffsetDateTime.now().toString(), sums);
        Path dir = zip.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, ".bundle", ".tmp");
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
                put(out, CARD, JSON.writeValueAsBytes(card));
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    put(out, e.getKey(), e.getValue());
                }
            }
            Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return card;
        } catch (IOException e) {
            throw new BundleException("Cannot write the model bundle " + zip + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** Reads and checks a bundle: its card and the model, which scores as it did at export. */
    public static Loaded read(Path zip) throws BundleException {
        Map<String, byte[]> entries = entries(zip);
        byte[] cardBytes = entries.get(CARD);
        if (cardBytes == null) {
            throw new BundleException(zip + " is not a RecBlend model bundle: it has no " + CARD);
        }
        ModelCard card;
        try {
            card = JSON.readValue(cardBytes, ModelCard.class);
        } catch (IOException e) {
            throw new BundleException(zip + ": " + CARD + " is not a valid model card (" + e.getMessage() + ")", e);
        }
        if (card.formatVersion() > FORMAT_VERSION || card.formatVersion() < 1) {
            throw new BundleException(zip + " has bundle format " + card.formatVersion() + "; this RecBlend reads format "
                    + FORMAT_VERSION + " (a newer RecBlend wrote it?)");
        }
        if (card.entries() == null || !card.entries().containsKey(MODEL)) {
            throw new BundleException(zip + ": the model card lists no " + MODEL);
        }
        for (Map.Entry<String, String> e : card.entries().entrySet()) {
            byte[] bytes = entries.get(e.getKey());
            if (bytes == null) {
                throw new BundleException(zip + " is incomplete: entry " + e.getKey() + " is missing");
            }
            if (!sha256(bytes).equals(e.getValue())) {
                throw new BundleException(zip + " is corrupted: entry " + e.getKey() + " does not match its checksum");
            }
        }
        TrainedModel model = deserialise(zip, entries.get(MODEL));
        if (!model.kind().equals(card.kind()) || model.recommender().items().size() != card.itemIds().size()
                || model.recommender().users().size() != card.userIds().size()) {
            throw new BundleException(zip + ": the model does not match its card (kind " + model.kind() + " vs " + card.kind() + ")");
        }
        return new Loaded(card, model);
    }

    /** A bundle's card and model. */
    public record Loaded(ModelCard card, TrainedModel model) {
    }

    /**
     * Checks the bundle, copies it into the project's artifacts ({@code models/}) and registers it in
     * the {@code models} table; returns the new model id. A bad bundle changes nothing.
     */
    public static int importInto(ProjectStore store, Path zip, String name) throws BundleException {
        Loaded loaded = read(zip);
        Path dir = store.artifactsDir().resolve("models");
        String file = "models/" + UUID.randomUUID() + ".zip";
        Path target = store.artifactsDir().resolve(file);
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, ".import", ".tmp");
            Files.copy(zip, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new BundleException("Cannot copy " + zip + " into the project: " + e.getMessage(), e);
        }
        try {
            String cardJson = JSON.writeValueAsString(loaded.card());
            return store.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO models (kind, name, card_json, artifact) VALUES (?, ?, ?, ?)",
                        new String[] {"ID"})) {
                    ps.setString(1, loaded.card().kind());
                    ps.setString(2, name);
                    ps.setString(3, cardJson);
                    ps.setString(4, file);
                    ps.executeUpdate();
                    try (ResultSet rs = ps.getGeneratedKeys()) {
                        rs.next();
                        return rs.getInt(1);
                    }
                }
            });
        } catch (IOException | RuntimeException e) {
            deleteQuietly(target);
            throw new BundleException("Cannot register " + zip + " in the project: " + e.getMessage(), e);
        }
    }

    /** Loads a model registered in the project's {@code models} table. */
    public static Loaded load(ProjectStore store, int modelId) throws BundleException {
        String artifact = store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT artifact FROM models WHERE id = ?")) {
                ps.setInt(1, modelId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        if (artifact == null) {
            throw new BundleException("The project has no model with id " + modelId);
        }
        return read(store.artifactsDir().resolve(artifact));
    }

    private static Map<String, byte[]> entries(Path zip) throws BundleException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (e.isDirectory()) {
                    continue;
                }
                byte[] bytes = readLimited(in, zip, e.getName());
                out.put(e.getName(), bytes);
            }
        } catch (ZipException e) {
            throw new BundleException(zip + " is not a RecBlend model bundle or is corrupted: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BundleException("Cannot read " + zip + ": " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new BundleException(zip + " is not a RecBlend model bundle: it is not a zip archive or is empty");
        }
        return out;
    }

    private static byte[] readLimited(InputStream in, Path zip, String name) throws IOException, BundleException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = in.read(chunk)) > 0) {
            total += n;
            if (total > MAX_ENTRY_BYTES) {
                throw new BundleException(zip + ": entry " + name + " is larger than 2 GB");
            }
            buf.write(chunk, 0, n);
        }
        return buf.toByteArray();
    }

    private static byte[] serialise(TrainedModel model) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(buf)) {
            out.writeObject(model);
        }
        return buf.toByteArray();
    }

    private static TrainedModel deserialise(Path zip, byte[] bytes) throws BundleException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(FILTER);
            Object o = in.readObject();
            if (o instanceof TrainedModel m) {
                return m;
            }
            throw new BundleException(zip + ": " + MODEL + " holds a " + o.getClass().getName() + ", not a trained model");
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            throw new BundleException(zip + ": the model cannot be read (" + e.getMessage()
                    + "); it may come from another RecBlend version or be damaged", e);
        }
    }

    /** The weights as a DJL parameter file: an NDList of named arrays in parameter order. */
    static byte[] djlParameters(Map<String, FloatMatrix> weights) throws IOException {
        try (NDManager m = TorchThreads.engine().newBaseManager()) {
            NDList list = new NDList();
            for (Map.Entry<String, FloatMatrix> e : weights.entrySet()) {
                FloatMatrix f = e.getValue();
                NDArray a = m.create(f.data(), new Shape(f.rows(), f.cols()));
                a.setName(e.getKey());
                list.add(a);
            }
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            list.encode(buf);
            return buf.toByteArray();
        }
    }

    private static byte[] tsv(IdIndex ids, FloatMatrix vectors) {
        StringBuilder sb = new StringBuilder(ids.size() * vectors.cols() * 10);
        sb.append("id");
        for (int k = 0; k < vectors.cols(); k++) {
            sb.append("\tv").append(k);
        }
        sb.append('\n');
        for (int r = 0; r < ids.size(); r++) {
            sb.append(ids.id(r).replace('\t', ' ').replace('\n', ' '));
            for (int k = 0; k < vectors.cols(); k++) {
                sb.append('\t').append(vectors.get(r, k));
            }
            sb.append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void put(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    private static List<String> ids(IdIndex index) {
        List<String> out = new ArrayList<>(index.size());
        for (int i = 0; i < index.size(); i++) {
            out.add(index.id(i));
        }
        return out;
    }

    private static Map<String, Object> schema(InteractionTable train) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("users", train.users().size());
        s.put("items", train.items().size());
        s.put("trainRows", train.size());
        s.put("timestamps", train.hasTimestamps());
        return s;
    }

    /** SHA-256 over the training rows (user id, item id, weight), so a card names its data exactly. */
    public static String fingerprint(InteractionTable t) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] row = new byte[12];
            for (int r = 0; r < t.size(); r++) {
                int u = t.user(r);
                int i = t.item(r);
                int w = Float.floatToIntBits(t.weight(r));
                for (int k = 0; k < 4; k++) {
                    row[k] = (byte) (u >>> (8 * k));
                    row[4 + k] = (byte) (i >>> (8 * k));
                    row[8 + k] = (byte) (w >>> (8 * k));
                }
                md.update(row);
            }
            md.update(Integer.toString(t.users().hashCode()).getBytes(StandardCharsets.UTF_8));
            md.update(Integer.toString(t.items().hashCode()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> versions() {
        Map<String, String> v = new LinkedHashMap<>();
        String own = ModelBundle.class.getPackage().getImplementationVersion();
        v.put("recblend", own == null ? "dev" : own);
        v.put("djl", Engine.getDjlVersion());
        try {
            TorchThreads.configure();
            v.put("pytorch", Engine.getEngine("PyTorch").getVersion());
        } catch (RuntimeException e) {
            v.put("pytorch", "unavailable");
        }
        return v;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // best effort: a stray temporary file is harmless
            }
        }
    }
}
