package org.recblend.engine.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.recblend.engine.EpochRecord;
import org.recblend.engine.model.FloatMatrix;

/**
 * The state after a finished epoch: parameters, Adam's moments and step, the early-stopping state,
 * the curve so far and the best weights. The random state needs no saving: each epoch draws from
 * its own generator seeded by (seed, epoch). Written to a temporary file and moved into place, so
 * a crash or cancel never leaves a half-written checkpoint.
 */
record Checkpoint(String fingerprint, int epochsDone, long adamStep, double bestMetric, int bestEpoch, int badEpochs,
                  List<EpochRecord> curve, Map<String, FloatMatrix> params, Map<String, FloatMatrix> mean,
                  Map<String, FloatMatrix> variance, Map<String, FloatMatrix> best) {
    static final String FILE = "checkpoint.bin";
    private static final int MAGIC = 0x52424350; // "RBCP"
    private static final int VERSION = 1;

    /** Writes atomically into {@code dir}. */
    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "checkpoint", ".tmp");
        try {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                out.writeUTF(fingerprint);
                out.writeInt(epochsDone);
                out.writeLong(adamStep);
                out.writeDouble(bestMetric);
                out.writeInt(bestEpoch);
                out.writeInt(badEpochs);
                out.writeInt(curve.size());
                for (EpochRecord r : curve) {
                    out.writeInt(r.epoch());
                    out.writeDouble(r.trainLoss());
                    out.writeUTF(r.validMetricName() == null ? "" : r.validMetricName());
                    out.writeDouble(r.validMetric());
                    out.writeDouble(r.seconds());
                }
                writeMatrices(out, params);
                writeMatrices(out, mean);
                writeMatrices(out, variance);
                writeMatrices(out, best);
            }
            Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The checkpoint in {@code dir} when there is one for this fingerprint. */
    static Optional<Checkpoint> read(Path dir, String fingerprint) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(dir.resolve(FILE)), 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION || !in.readUTF().equals(fingerprint)) {
                return Optional.empty();
            }
            int epochsDone = in.readInt();
            long step = in.readLong();
            double bestMetric = in.readDouble();
            int bestEpoch = in.readInt();
            int bad = in.readInt();
            int n = in.readInt();
            List<EpochRecord> curve = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                int epoch = in.readInt();
                double loss = in.readDouble();
                String name = in.readUTF();
                curve.add(new EpochRecord(epoch, loss, name.isEmpty() ? null : name, in.readDouble(), in.readDouble()));
            }
            return Optional.of(new Checkpoint(fingerprint, epochsDone, step, bestMetric, bestEpoch, bad, curve,
                    readMatrices(in), readMatrices(in), readMatrices(in), readMatrices(in)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Removes the checkpoint of a finished run. */
    static void delete(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve(FILE));
    }

    static void writeMatrices(DataOutputStream out, Map<String, FloatMatrix> m) throws IOException {
        out.writeInt(m.size());
        for (Map.Entry<String, FloatMatrix> e : m.entrySet()) {
            FloatMatrix f = e.getValue();
            out.writeUTF(e.getKey());
            out.writeInt(f.rows());
            out.writeInt(f.cols());
            writeFloats(out, f.data());
        }
    }

    static Map<String, FloatMatrix> readMatrices(DataInputStream in) throws IOException {
        int n = in.readInt();
        Map<String, FloatMatrix> m = new LinkedHashMap<>();
        for (int k = 0; k < n; k++) {
            String name = in.readUTF();
            int rows = in.readInt();
            int cols = in.readInt();
            m.put(name, new FloatMatrix(rows, cols, readFloats(in, rows * cols)));
        }
        return m;
    }

    private static void writeFloats(OutputStream out, float[] v) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(v);
        out.write(buf.array());
    }

    private static float[] readFloats(InputStream in, int n) throws IOException {
        byte[] bytes = in.readNBytes(n * 4);
        if (bytes.length != n * 4) {
            throw new IOException("Checkpoint ends early");
        }
        float[] v = new float[n];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }
}
