package org.recblend.engine;

import org.recblend.domain.Split;
import org.recblend.engine.model.MatrixFactorization;
import org.recblend.engine.train.Objective;
import org.recblend.engine.train.SamplerKind;
import org.recblend.engine.train.TrainingLoop;
import org.recblend.engine.train.TrainingSettings;
import org.recblend.task.TaskMonitor;

/** Scratch: seconds per BPR epoch on generated data of ML-100K's shape. args: users items perUser epochs. */
public final class SpeedBench {
    public static void main(String[] a) throws Exception {
        PlantedData d = PlantedData.generate(Integer.parseInt(a[0]), Integer.parseInt(a[1]), Integer.parseInt(a[2]), 10, 0, 1);
        Split s = d.split;
        System.out.println("train rows " + s.train().size());
        long[] last = {java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()};
        TrainingSettings ts = new TrainingSettings(Integer.parseInt(a[3]), 1024, 0.005, 0.01, SamplerKind.UNIFORM, 1, 0, Objective.RANKING, 10);
        new TrainingLoop(new MatrixFactorization("bpr", s.train().users(), s.train().items(), 128, 0), ts)
                .optListener(r -> {
                    long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                    System.out.printf("epoch %d %.3fs wall, %.3fs cpu%n", r.epoch(), r.seconds(), (cpu - last[0]) / 1e9);
                    last[0] = cpu;
                })
                .fit(s.train(), null, TaskMonitor.none());
    }
}
