package org.recblend.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.recblend.engine.eval.EvaluationResult;
import org.recblend.engine.eval.MetricNames;
import org.recblend.ingest.ImportException;
import org.recblend.nodes.evaluate.EvaluateModel;
import org.recblend.nodes.templates.PipelineTemplates;
import org.recblend.pipeline.Node;
import org.recblend.pipeline.NodeKindRegistry;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.PipelineRepository;
import org.recblend.pipeline.PipelineRunner;
import org.recblend.pipeline.RunOptions;
import org.recblend.pipeline.RunResult;
import org.recblend.pipeline.RunStatus;
import org.recblend.pipeline.WiringException;
import org.recblend.sample.RetailSampleGenerator;
import org.recblend.sample.SampleArchive;
import org.recblend.sample.SampleProject;
import org.recblend.sample.ShippedSample;
import org.recblend.store.ProjectException;
import org.recblend.store.ProjectFiles;
import org.recblend.store.ProjectPaths;
import org.recblend.store.ProjectStore;
import org.recblend.store.StoredDataset;
import org.recblend.task.TaskMonitor;

/**
 * Regenerates a shipped sample from its recipe: writes the generated CSV files, builds the project
 * from them, adds and runs the sample's pipelines, compacts the H2 file and zips it with its cached
 * outputs into the sample folder (see {@link ShippedSample}). Everything is seeded, so a rebuild
 * gives the same data, splits and models; only the timestamps inside the project differ.
 */
final class ShippedSampleBuilder {
    /**
     * The cold-start sample's pipeline: the "Cold start by text" template plus BPR evaluated on the
     * same held-out items, and top-10 lists of the text model for the demo.
     */
    static final String COLD_VS_CF = "Cold start: text vs CF";

    /** One evaluate node's headline figures. */
    record Figure(String pipeline, String node, double ndcg10, double recall10, double auc, int users, double coldNdcg10,
                  double coldAuc) {
    }

    /** What a build produced. */
    record Built(ShippedSample sample, Path archive, long projectBytes, long archiveBytes, List<Figure> figures, double seconds) {
    }

    private ShippedSampleBuilder() {
    }

    /** The pipelines a sample's project holds and has run, in run order. */
    static List<String> pipelines(ShippedSample sample) {
        return sample.equals(ShippedSample.COLD_START) ? List.of(COLD_VS_CF)
                : List.of(PipelineTemplates.LLM_HYBRID, PipelineTemplates.CF_BASELINE);
    }

    /**
     * Builds one sample into {@code samplesRoot/NAME/}: {@code data/} is rewritten by the generator,
     * {@code import/} and {@code pipelines/} are kept (copied from the retail folder when missing), and
     * {@value ShippedSample#ARCHIVE} is replaced. The project is built in {@code workDir}, then deleted.
     */
    static Built build(ShippedSample sample, Path samplesRoot, Path workDir, TaskMonitor monitor)
            throws IOException, ProjectException, ImportException, WiringException {
        long start = System.nanoTime();
        Path folder = sample.folder(samplesRoot);
        new RetailSampleGenerator(sample.spec()).writeTo(folder.resolve("data"), monitor);
        copyRecipeIfMissing(ShippedSample.RETAIL.folder(samplesRoot), folder);
        ProjectPaths project = ProjectPaths.of(workDir.resolve(sample.projectName()));
        ProjectFiles.delete(project);
        List<Figure> figures = new ArrayList<>();
        SampleProject.build(folder, project.base(), monitor);
        try (ProjectStore store = ProjectStore.open(project.base())) {
            NodeKindRegistry registry = NodeKindRegistry.load();
            for (String name : pipelines(sample)) {
                Pipeline pipeline = add(name, store, registry);
                monitor.log("Running pipeline '" + name + "' of the " + sample.name() + " sample");
                RunResult result = new PipelineRunner(store).run(pipeline, RunOptions.all(), monitor);
                if (result.status() != RunStatus.DONE) {
                    throw new IOException("Pipeline '" + name + "' of the " + sample.name() + " sample ended " + result.status()
                            + (result.message() == null ? "" : ": " + result.message()));
                }
                figures.addAll(figures(name, pipeline, result));
            }
        }
        deleteTree(project.artifactsDir().resolve("checkpoints"));  // only needed to resume an interrupted training
        ProjectStore.compact(project.base());
        long projectBytes = size(project.databaseFile()) + size(project.artifactsDir());
        Path archive = sample.archive(samplesRoot);
        SampleArchive.pack(project, archive);
        ProjectFiles.delete(project);
        return new Built(sample, archive, projectBytes, Files.size(archive), figures, (System.nanoTime() - start) / 1e9);
    }

    private static Pipeline add(String name, ProjectStore store, NodeKindRegistry registry) throws WiringException {
        if (!name.equals(COLD_VS_CF)) {
            return PipelineTemplates.add(name, store, registry);
        }
        String dataset = StoredDataset.datasetNames(store).get(0);
        Pipeline p = PipelineTemplates.find(PipelineTemplates.COLD_START).orElseThrow().build(registry, dataset);
        Pipeline cf = PipelineTemplates.find(PipelineTemplates.CF_BASELINE).orElseThrow().build(registry, dataset);
        Node bpr = cf.node("bpr");
        Node hybrid = p.node("hybrid");
        Node eval = p.node("evaluate-cold");
        p.addNode("bpr", bpr.kindId(), bpr.settings().orElseThrow());
        p.move("bpr", hybrid.x(), hybrid.y() + 300);
        p.addNode("evaluate-bpr", eval.kindId(), eval.settings().orElseThrow());
        p.move("evaluate-bpr", eval.x(), eval.y() + 300);
        p.connect("cold-split", "split", "bpr", "split");
        p.connect("bpr", "model", "evaluate-bpr", "model");
        p.connect("cold-split", "split", "evaluate-bpr", "split");
        // top-10 lists of the text model, so the demo (and its new-item box) has a run to show
        Node recommend = PipelineTemplates.find(PipelineTemplates.LLM_HYBRID).orElseThrow().build(registry, dataset).node("recommend");
        p.addNode("recommend", recommend.kindId(), recommend.settings().orElseThrow());
        p.move("recommend", eval.x(), eval.y() + 150);
        p.connect("hybrid", "model", "recommend", "model");
        p.connect("cold-split", "split", "recommend", "split");
        new PipelineRepository(store, registry).save(COLD_VS_CF, p);
        return p;
    }

    private static List<Figure> figures(String pipelineName, Pipeline pipeline, RunResult result) {
        List<Figure> out = new ArrayList<>();
        for (Node n : pipeline.nodes()) {
            if (n.kindId().equals(EvaluateModel.ID)) {
                EvaluationResult r = result.output(pipeline, n.id(), "metrics", EvaluationResult.class);
                out.add(new Figure(pipelineName, n.id(), r.value(MetricNames.NDCG, 10), r.value(MetricNames.RECALL, 10),
                        r.value(MetricNames.AUC, 10), r.evaluatedUsers(),
                        r.find(MetricNames.NDCG, 10, MetricNames.COLD_ITEMS).orElse(Double.NaN),
                        r.find(MetricNames.AUC, 10, MetricNames.COLD_ITEMS).orElse(Double.NaN)));
            }
        }
        return out;
    }

    private static void copyRecipeIfMissing(Path retail, Path folder) throws IOException {
        for (String sub : List.of("import", "pipelines")) {
            Path dir = folder.resolve(sub);
            if (Files.isDirectory(dir) || folder.equals(retail)) {
                continue;
            }
            Files.createDirectories(dir);
            try (Stream<Path> files = Files.list(retail.resolve(sub))) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.copy(f, dir.resolve(f.getFileName()));
                }
            }
        }
    }

    private static long size(Path path) throws IOException {
        if (!Files.exists(path)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            long total = 0;
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                total += Files.size(p);
            }
            return total;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
