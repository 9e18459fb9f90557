package org.recblend.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.pipeline.OutputCache;
import org.recblend.results.DemoCatalog;
import org.recblend.results.DemoRunChoice;
import org.recblend.results.EvaluationRuns;
import org.recblend.results.UserInspectionModel;
import org.recblend.results.UserInspectionRuns;
import org.recblend.sample.SampleArchive;
import org.recblend.sample.ShippedSample;
import org.recblend.store.ProjectContents;
import org.recblend.store.ProjectPaths;
import org.recblend.store.ProjectStore;
import org.recblend.task.TaskMonitor;

/**
 * How large the shipped sample projects are and how long first open takes: unpacking the archive
 * into the projects folder, opening the project (the explorer's contents), and the first reads of
 * the evaluation dashboard, the user inspector (a cached model) and the demo. Three rounds per
 * sample, each into a fresh folder; prints figures, asserts nothing about time.
 * Run: {@code mvn -o -q test -Dtest.excludedGroups=none -Dtest=SampleOpenBenchmark}.
 */
@Tag("benchmark")
class SampleOpenBenchmark {
    private static final int ROUNDS = 3;

    @TempDir
    Path dir;

    @Test
    void sizesAndOpeningTimes() throws Exception {
        System.out.printf(Locale.US, "%-11s %9s %9s %9s %9s%n", "sample", "zip MB", "db MB", "cache MB", "csv MB");
        for (ShippedSample s : ShippedSample.ALL) {
            Path zip = s.archive(ShippedSamplesTest.ROOT);
            ProjectPaths p = SampleArchive.unpack(zip, dir.resolve("sizes").resolve(s.projectName()));
            System.out.printf(Locale.US, "%-11s %9.2f %9.2f %9.2f %9.2f%n", s.name(), mb(Files.size(zip)), mb(Files.size(p.databaseFile())),
                    mb(size(p.artifactsDir())), mb(size(s.folder(ShippedSamplesTest.ROOT).resolve("data"))));
        }
        System.out.printf(Locale.US, "%n%-11s %5s %9s %9s %11s %11s %9s %9s%n", "sample", "round", "unpack s", "open s", "dashboard s",
                "inspector s", "demo s", "total s");
        for (ShippedSample s : ShippedSample.ALL) {
            for (int round = 1; round <= ROUNDS; round++) {
                Path target = dir.resolve("round" + round).resolve(s.projectName());
                long t0 = System.nanoTime();
                SampleArchive.unpack(s.archive(ShippedSamplesTest.ROOT), target);
                long t1 = System.nanoTime();
                try (ProjectStore store = ProjectStore.open(target)) {
                    ProjectContents.of(store);
                    long t2 = System.nanoTime();
                    EvaluationRuns evaluations = new EvaluationRuns(store);
                    evaluations.list().forEach(evaluations::metrics);
                    long t3 = System.nanoTime();
                    UserInspectionRuns runs = new UserInspectionRuns(store, new OutputCache(store));
                    List<UserInspectionRuns.ModelChoice> models = runs.models();
                    UserInspectionModel.load(runs, models.get(0));
                    long t4 = System.nanoTime();
                    List<DemoRunChoice> demo = DemoCatalog.runs(store);
                    if (!demo.isEmpty()) {
                        DemoCatalog.load(store, demo.get(0), TaskMonitor.none());
                    }
                    long t5 = System.nanoTime();
                    System.out.printf(Locale.US, "%-11s %5d %9.2f %9.2f %11.2f %11.2f %9s %9.2f%n", s.name(), round, sec(t1 - t0), sec(t2 - t1),
                            sec(t3 - t2), sec(t4 - t3), demo.isEmpty() ? "-" : String.format(Locale.US, "%.2f", sec(t5 - t4)), sec(t5 - t0));
                }
            }
        }
        System.out.printf(Locale.US, "load average (1 min) %.2f after the runs; %d cores shared with other work%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
    }

    private static double mb(long bytes) {
        return bytes / 1e6;
    }

    private static double sec(long nanos) {
        return nanos / 1e9;
    }

    private static long size(Path folder) throws Exception {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            long total = 0;
            for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                total += Files.size(f);
            }
            return total;
        }
    }
}
