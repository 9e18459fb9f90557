package org.recblend.testutil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.recblend.nodes.recommend.RecommendTopK;
import org.recblend.nodes.templates.PipelineTemplates;
import org.recblend.nodes.templates.TemplateRuns;
import org.recblend.pipeline.NodeKindRegistry;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.PipelineRepository;
import org.recblend.pipeline.PipelineRunner;
import org.recblend.pipeline.RunOptions;
import org.recblend.pipeline.RunResult;
import org.recblend.pipeline.RunStatus;
import org.recblend.sample.RetailSampleGenerator;
import org.recblend.sample.SampleProject;
import org.recblend.sample.SampleSpec;
import org.recblend.store.ProjectStore;
import org.recblend.task.TaskMonitor;

/**
 * A retail project of the generator's data at benchmark size (1M purchases by default) with the
 * CF baseline (with BPR's top-10 lists stored) run on it: runs, metrics, curves and recommendations as large as the views must
 * load. Built from the committed sample's mappings, never from ../shared/data.
 */
public final class LargeRetailProject {
    private LargeRetailProject() {
    }

    /** Builds the project under {@code dir} and runs the CF baseline (BPR capped at {@code epochs}). */
    public static Built build(Path dir, SampleSpec spec, int epochs) throws Exception {
        Path folder = dir.resolve("large-sample");
        copyTree(SampleProject.RETAIL_FOLDER, folder);
        long t0 = System.nanoTime();
        new RetailSampleGenerator(spec).writeTo(folder.resolve("data"), TaskMonitor.none());
        SampleProject.Result built = SampleProject.build(folder, dir.resolve("large"), TaskMonitor.none());
        double importSeconds = (System.nanoTime() - t0) / 1e9;
        ProjectStore store = ProjectStore.open(built.project());
        NodeKindRegistry registry = NodeKindRegistry.load();
        Pipeline p = PipelineTemplates.find(PipelineTemplates.CF_BASELINE).orElseThrow().build(registry, "retail");
        p.setName(PipelineTemplates.CF_BASELINE);
        TemplateRuns.capEpochs(p, epochs);
        // stored top-10 lists for every customer, as the demo and the inspector read them
        p.addNode("recommend", RecommendTopK.ID, new RecommendTopK.Settings(10, true, true));
        p.move("recommend", p.node("bpr").x() + 230, p.node("bpr").y() - 150);
        p.connect("bpr", "model", "recommend", "model");
        p.connect("split", "split", "recommend", "split");
        new PipelineRepository(store, registry).save(p.name(), p);
        long t1 = System.nanoTime();
        RunResult run = new PipelineRunner(store).run(p, RunOptions.all(), TaskMonitor.none());
        if (run.status() != RunStatus.DONE) {
            store.close();
            throw new IllegalStateException("The CF baseline did not finish on the large project: " + run.message());
        }
        return new Built(store, List.of(run.runId()), importSeconds, (System.nanoTime() - t1) / 1e9);
    }

    public record Built(ProjectStore store, List<Integer> runIds, double importSeconds, double runSeconds) {
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(from)) {
            walk.forEach(all::add);
        }
        for (Path p : all) {
            Path target = to.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p)) {
                Files.createDirectories(target);
            } else if (!p.getParent().getFileName().toString().equals("data")) {
                Files.copy(p, target);
            }
        }
    }
}
