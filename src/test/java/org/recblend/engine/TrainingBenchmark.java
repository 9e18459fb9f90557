package org.recblend.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import org.recblend.domain.Split;
import org.recblend.engine.model.MatrixFactorization;
import org.recblend.engine.train.HoldoutMetrics;
import org.recblend.engine.train.Objective;
import org.recblend.engine.train.SamplerKind;
import org.recblend.engine.train.TrainingLoop;
import org.recblend.engine.train.TrainingOutcome;
import org.recblend.engine.train.TrainingSettings;
import org.recblend.task.TaskMonitor;

/**
 * Prints BPR training speed: seconds per epoch on ML-100K's 75,000 training rows (dim 128, batch
 * 1024, Adam, uniform negatives; the plain PyTorch reference: 0.143 s) and on a generated set of
 * 1M interactions (10,000 users x 5,000 items) with the peak heap. Not a test; run it with
 * {@code mvn -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.recblend.engine.TrainingBenchmark}
 * (add {@code -Dai.djl.pytorch.num_threads=2} to compare thread counts; run the JVM with -Xmx2g for the heap bound).
 */
public final class TrainingBenchmark {
    private TrainingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        try {
            Split ml = Ml100k.split();
            speed("ML-100K", ml, epochs);
        } catch (org.opentest4j.TestAbortedException e) {
            System.out.println("ML-100K absent: " + e.getMessage());
        }
        if (Boolean.parseBoolean(System.getProperty("bench.big", "true"))) {
            PlantedData big = PlantedData.generate(10_000, 5_000, 100, 20, 0, 1);
            speed("generated 10,000 x 5,000", big.split, Math.max(2, epochs / 2));
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("peak heap %.0f MB (max %d MB), PyTorch threads %s%n", peak / 1e6,
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("ai.djl.pytorch.num_threads"));
    }

    private static void speed(String name, Split s, int epochs) {
        TrainingSettings ts = new TrainingSettings(epochs + 1, 1024, 0.005, 0.005, SamplerKind.UNIFORM, 1, 0, Objective.RANKING, 10);
        MatrixFactorization m = new MatrixFactorization("bpr", s.train().users(), s.train().items(), 128, 0);
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[ts.epochs() + 1];
        cpu[0] = threads.getCurrentThreadCpuTime();
        TrainingOutcome o = new TrainingLoop(m, ts).optListener(r -> cpu[r.epoch()] = threads.getCurrentThreadCpuTime())
                .fit(s.train(), null, TaskMonitor.none());
        // CPU time of the training thread (one PyTorch thread computes on it): the figure an idle machine would show.
        double cpuSec = (cpu[ts.epochs()] - cpu[1]) / 1e9 / epochs;
        // The first epoch warms up the JIT and the native library; it is left out.
        double sec = o.curve().stream().skip(1).mapToDouble(r -> r.seconds()).average().orElse(Double.NaN);
        long t0 = System.nanoTime();
        HoldoutMetrics.ranking(o.recommender(), s.train(), s.test(), 10, TaskMonitor.none());
        double evalSec = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%s: %,d training rows, %.3f s/epoch wall (%,.0f interactions/s), %.3f s/epoch CPU of the training thread,"
                + " over %d epochs; top-10 of all users in %.2f s%n", name, s.train().size(), sec, s.train().size() / sec, cpuSec, epochs, evalSec);
    }
}
