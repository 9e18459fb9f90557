package org.recblend.engine.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.recblend.engine.train.TorchThreads;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.engine.Models;
import org.recblend.sample.PlantedData;
import org.recblend.engine.Recommender;
import org.recblend.engine.TrainedModel;
import org.recblend.engine.model.DeepRecommender;
import org.recblend.engine.train.Objective;
import org.recblend.engine.train.SamplerKind;
import org.recblend.engine.train.TrainingLoop;
import org.recblend.engine.train.TrainingOutcome;
import org.recblend.engine.train.TrainingSettings;
import org.recblend.store.ProjectStore;
import org.recblend.task.TaskMonitor;

/** Export, import into another project, identical scores; bad files are refused and change nothing. */
class ModelBundleTest {
    static PlantedData data;
    static TrainedModel bpr;
    static TrainedModel neumf;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        data = PlantedData.generate(120, 80, 15, 4, 0, 3);
        TrainingSettings s = new TrainingSettings(2, 128, 0.01, 0.01, SamplerKind.UNIFORM, 1, 0, Objective.RANKING, 10);
        TrainingOutcome a = new TrainingLoop(Models.bpr(data.split, 8), s).fit(data.split.train(), null, TaskMonitor.none());
        TrainingOutcome b = new TrainingLoop(Models.neumf(data.split), s).fit(data.split.train(), null, TaskMonitor.none());
        bpr = new TrainedModel(a.recommender(), "bpr", Map.of("dim", 8, "sampler", "UNIFORM"), a.curve(), a.trainSeconds());
        neumf = new TrainedModel(b.recommender(), "neumf", Map.of("layers", List.of(32, 16)), b.curve(), b.trainSeconds());
    }

    private Path export(TrainedModel m, String name) throws BundleException {
        Path zip = dir.resolve(name);
        ModelBundle.export(m, new ModelBundle.Provenance(data.split.train(), Map.of("ndcg@10", 0.5)), zip);
        return zip;
    }

    @Test
    void anImportedModelScoresExactlyAsBefore() throws Exception {
        for (TrainedModel m : List.of(bpr, neumf)) {
            Path zip = export(m, m.kind() + ".zip");
            try (ProjectStore other = ProjectStore.create(dir.resolve("other-" + m.kind()))) {
                int id = ModelBundle.importInto(other, zip, "imported " + m.kind());
                ModelBundle.Loaded loaded = ModelBundle.load(other, id);
                Recommender before = m.recommender();
                Recommender after = loaded.model().recommender();
                float[] x = new float[before.items().size()];
                float[] y = new float[before.items().size()];
                for (int u = 0; u < before.users().size(); u++) {
                    before.score(u, x);
                    after.score(u, y);
                    assertThat(y).as("scores of user %d", u).containsExactly(x);
                }
                assertThat(after.users()).isEqualTo(before.users());
                assertThat(loaded.model().settings()).isEqualTo(m.settings());
                assertThat(loaded.model().curve()).isEqualTo(m.curve());
                ModelCard card = loaded.card();
                assertThat(card.kind()).isEqualTo(m.kind());
                assertThat(card.itemIds()).hasSize(80).startsWith("i0", "i1");
                assertThat(card.versions()).containsEntry("djl", "0.36.0").containsKey("pytorch").containsKey("recblend");
                assertThat(card.metrics()).containsEntry("ndcg@10", 0.5);
                assertThat(card.trainingFingerprint()).isEqualTo(ModelBundle.fingerprint(data.split.train())).hasSize(64);
                assertThat(card.dataSchema()).containsEntry("trainRows", data.split.train().size());
                assertThat(countModels(other)).isEqualTo(1);
            }
        }
    }

    @Test
    void theBundleHoldsDjlParametersAndEmbeddingTables() throws Exception {
        Path zip = export(bpr, "bpr.zip");
        DeepRecommender rec = (DeepRecommender) bpr.recommender();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertThat(z.stream().map(ZipEntry::getName)).containsExactlyInAnyOrder(
                    "card.json", "model.ser", "model.params", "user_embeddings.tsv", "item_embeddings.tsv");
            List<String> items = new String(z.getInputStream(z.getEntry("item_embeddings.tsv")).readAllBytes(), StandardCharsets.UTF_8)
                    .lines().toList();
            assertThat(items).hasSize(81);
            assertThat(items.get(0).split("\t")).hasSize(9).startsWith("id", "v0");
            assertThat(items.get(1).split("\t")[0]).isEqualTo("i0");
            assertThat(Float.parseFloat(items.get(1).split("\t")[1])).isEqualTo(rec.weights().get("item").get(0, 0));
            byte[] params = z.getInputStream(z.getEntry("model.params")).readAllBytes();
            try (NDManager m = TorchThreads.engine().newBaseManager()) {
                NDList list = NDList.decode(m, new ByteArrayInputStream(params));
                assertThat(list.stream().map(a -> a.getName())).containsExactly("user", "item", "userBias", "itemBias");
                assertThat(list.get(1).toFloatArray()).containsExactly(rec.weights().get("item").data());
            }
        }
    }

    @Test
    void aCorruptedBundleIsRefusedAndChangesNothing() throws Exception {
        Path good = export(bpr, "good.zip");
        try (ProjectStore store = ProjectStore.create(dir.resolve("target"))) {
            ModelBundle.importInto(store, good, "good");

            byte[] bytes = Files.readAllBytes(good);
            for (int k = bytes.length / 3; k < bytes.length / 3 + 40; k++) {
                bytes[k] ^= 0x5A;
            }
            Path flipped = dir.resolve("flipped.zip");
            Files.write(flipped, bytes);
            assertThatThrownBy(() -> ModelBundle.importInto(store, flipped, "bad"))
                    .isInstanceOf(BundleException.class).hasMessageContaining("flipped.zip").hasMessageContaining("corrupted");

            Path tampered = rewrite(good, "item_embeddings.tsv", "id\tv0\ni0\t1.0\n");
            assertThatThrownBy(() -> ModelBundle.importInto(store, tampered, "bad"))
                    .isInstanceOf(BundleException.class)
                    .hasMessageContaining("entry item_embeddings.tsv does not match its checksum");

            Path truncated = dir.resolve("truncated.zip");
            Files.write(truncated, java.util.Arrays.copyOf(Files.readAllBytes(good), 300));
            assertThatThrownBy(() -> ModelBundle.importInto(store, truncated, "bad")).isInstanceOf(BundleException.class)
                    .hasMessageContaining("truncated.zip");

            assertThat(countModels(store)).isEqualTo(1);
            try (Stream<Path> files = Files.list(store.artifactsDir().resolve("models"))) {
                assertThat(files).hasSize(1);
            }
        }
    }

    @Test
    void aForeignFileIsNotTakenForABundle() throws Exception {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "user,item\n1,2\n");
        assertThatThrownBy(() -> ModelBundle.read(text)).isInstanceOf(BundleException.class)
                .hasMessageContaining("notes.txt is not a RecBlend model bundle");

        Path otherZip = dir.resolve("photos.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(otherZip))) {
            out.putNextEntry(new ZipEntry("cat.jpg"));
            out.write(new byte[] {1, 2, 3});
        }
        assertThatThrownBy(() -> ModelBundle.read(otherZip)).isInstanceOf(BundleException.class)
                .hasMessageContaining("photos.zip is not a RecBlend model bundle: it has no card.json");

        Path newer = rewrite(export(bpr, "newer.zip"), "card.json",
                new String(readEntry(dir.resolve("newer.zip"), "card.json"), StandardCharsets.UTF_8)
                        .replace("\"formatVersion\" : 1", "\"formatVersion\" : 99"));
        assertThatThrownBy(() -> ModelBundle.read(newer)).isInstanceOf(BundleException.class)
                .hasMessageContaining("bundle format 99");
        assertThatThrownBy(() -> ModelBundle.read(dir.resolve("missing.zip"))).isInstanceOf(BundleException.class)
                .hasMessageContaining("missing.zip");
    }

    @Test
    void aForeignSerialisedClassIsRejectedByTheFilter() throws Exception {
        // A bundle whose model.ser holds a JDK object outside the allowed packages, with a consistent checksum.
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(buf)) {
            out.writeObject(new java.net.URL("http://example.org/"));
        }
        Path good = export(bpr, "base.zip");
        String card = new String(readEntry(good, "card.json"), StandardCharsets.UTF_8);
        String oldSum = ModelBundleTest.sha(readEntry(good, "model.ser"));
        Path evil = rewrite(rewrite(good, "model.ser", buf.toByteArray()), "card.json",
                card.replace(oldSum, ModelBundleTest.sha(buf.toByteArray())));
        assertThatThrownBy(() -> ModelBundle.read(evil)).isInstanceOf(BundleException.class)
                .hasMessageContaining("the model cannot be read");
    }

    private static String sha(byte[] b) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static byte[] readEntry(Path zip, String name) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            return z.getInputStream(z.getEntry(name)).readAllBytes();
        }
    }

    private Path rewrite(Path zip, String entry, String content) throws IOException {
        return rewrite(zip, entry, content.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy of the zip with one entry's bytes replaced. */
    private Path rewrite(Path zip, String entry, byte[] content) throws IOException {
        Path out = dir.resolve("re-" + System.nanoTime() + ".zip");
        try (ZipFile in = new ZipFile(zip.toFile()); ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry e : in.stream().toList()) {
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(e.getName().equals(entry) ? content : in.getInputStream(e).readAllBytes());
            }
        }
        return out;
    }

    private static int countModels(ProjectStore store) {
        return store.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM models")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
