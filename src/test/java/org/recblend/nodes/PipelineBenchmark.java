package org.recblend.nodes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.recblend.domain.SourceKind;
import org.recblend.nodes.collect.CollectDataset;
import org.recblend.nodes.preprocess.Deduplicate;
import org.recblend.nodes.preprocess.KCoreFilter;
import org.recblend.nodes.preprocess.RandomSplit;
import org.recblend.pipeline.NodeKindRegistry;
import org.recblend.pipeline.NodeRunResult;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.PipelineRunner;
import org.recblend.pipeline.RunOptions;
import org.recblend.pipeline.RunResult;
import org.recblend.store.ProjectStore;
import org.recblend.task.TaskMonitor;
import org.recblend.testutil.DatasetFixture;

/**
 * Prints how long the pipeline core takes on generated interactions (default 1,000,000):
 * collect → deduplicate → k-core → random split, executed, then from the memory cache, then from
 * the cache files after reopening the project. Not a test; run it with
 * {@code mvn -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.recblend.nodes.PipelineBenchmark [-Dexec.args=ROWS]}.
 */
public final class PipelineBenchmark {
    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("recblend-bench");
        try {
            run(dir, rows);
        } finally {
            deleteTree(dir);
        }
    }

    private static void run(Path dir, int rows) throws Exception {
        NodeKindRegistry registry = NodeKindRegistry.load();
        Pipeline p = new Pipeline(registry, "bench");
        p.addNode("collect", CollectDataset.ID, new CollectDataset.Settings("big", List.of(), List.of(CollectDataset.Part.INTERACTIONS)));
        p.addNode("dedup", Deduplicate.ID, new Deduplicate.Settings(Deduplicate.Strategy.KEEP_LAST));
        p.addNode("kcore", KCoreFilter.ID, new KCoreFilter.Settings(5, 5));
        p.addNode("split", RandomSplit.ID, new RandomSplit.Settings(0.25, 0.1, 42));
        p.connect("collect", "dedup");
        p.connect("dedup", "kcore");
        p.connect("kcore", "split");
        Path project = dir.resolve("bench");
        try (ProjectStore store = ProjectStore.create(project)) {
            long t0 = System.nanoTime();
            DatasetFixture fx = DatasetFixture.create(store, "big");
            int source = fx.source("ratings", SourceKind.BEHAVIOUR);
            SplittableRandom random = new SplittableRandom(1);
            List<DatasetFixture.Row> list = new ArrayList<>(rows);
            for (int i = 0; i < rows; i++) {
                list.add(new DatasetFixture.Row("u" + random.nextInt(Math.max(1, rows / 50)), "i" + random.nextInt(Math.max(1, rows / 200)),
                        1.0 + random.nextInt(5), 1_500_000_000L + i));
            }
            fx.interactions(source, list);
            System.out.printf("setup: %,d interactions inserted by SQL in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
            PipelineRunner runner = new PipelineRunner(store);
            report("executed", runner.run(p, RunOptions.all(), TaskMonitor.none()));
            report("memory cache", runner.run(p, RunOptions.all(), TaskMonitor.none()));
        }
        try (ProjectStore store = ProjectStore.open(project)) {
            report("cache files after reopening", new PipelineRunner(store).run(p, RunOptions.all(), TaskMonitor.none()));
            try (Stream<Path> files = Files.list(store.artifactsDir().resolve("cache"))) {
                long bytes = files.mapToLong(f -> f.toFile().length()).sum();
                System.out.printf("cache files: %.1f MB%n", bytes / 1e6);
            }
        }
    }

    private static void report(String label, RunResult r) {
        StringBuilder b = new StringBuilder(String.format("%-28s", label + ":"));
        long total = 0;
        for (NodeRunResult n : r.nodes().values()) {
            b.append(String.format(" %s %,d ms;", n.nodeId(), n.millis()));
            total += n.millis();
        }
        System.out.println(b.append(String.format(" total %,d ms (%s)", total, r.status())));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path f : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
