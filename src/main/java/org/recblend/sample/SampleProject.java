package org.recblend.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.recblend.ingest.ImportException;
import org.recblend.ingest.ImportJob;
import org.recblend.ingest.ImportResult;
import org.recblend.ingest.Importer;
import org.recblend.ingest.ImportSpec;
import org.recblend.ingest.SpecJson;
import org.recblend.pipeline.NodeKindRegistry;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.PipelineFormatException;
import org.recblend.pipeline.PipelineJson;
import org.recblend.pipeline.PipelineRepository;
import org.recblend.store.ProjectException;
import org.recblend.store.ProjectFiles;
import org.recblend.store.ProjectPaths;
import org.recblend.store.ProjectStore;
import org.recblend.task.TaskMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the sample project from a sample folder: the generated CSV files in {@code data/}, one
 * import mapping per file in {@code import/} and the stored pipelines in {@code pipelines/}
 * (see sample-projects/retail). Every source is imported in one transaction; a failure or a
 * cancel removes the half-built project.
 */
public final class SampleProject {
    /** The committed sample folder, relative to the working directory of a source checkout. */
    public static final Path RETAIL_FOLDER = Path.of("sample-projects", "retail");
    /** The system property naming the folder that holds the sample folders (the installed program sets it). */
    public static final String SAMPLES_PROPERTY = "recblend.samples";

    /**
     * The retail sample folder of this installation: {@code retail} in the folder named by
     * {@value #SAMPLES_PROPERTY} (the installed program's bundled {@code sample-projects}), else
     * {@link #RETAIL_FOLDER} of a source checkout.
     */
    public static Path retailFolder() {
        String configured = System.getProperty(SAMPLES_PROPERTY);
        return configured == null || configured.isBlank() ? RETAIL_FOLDER : Path.of(configured.strip(), "retail");
    }

    /** The files of a sample, in import order: {@code import/NAME.json} maps {@code data/NAME.csv}. */
    public static final List<String> PARTS = List.of("users", "items", "purchases", "reviews", "friends");
    /** The pipeline stored in the project: collect, k-core, split. */
    public static final String PREPARE_PIPELINE = "Prepare data";
    static final String PREPARE_FILE = "prepare-data.json";

    private static final Logger LOG = LoggerFactory.getLogger(SampleProject.class);

    private SampleProject() {
    }

    /**
     * What was built.
     *
     * @param project the new project's H2 file
     * @param imports one result per imported file
     * @param pipelines the names of the stored pipelines
     */
    public record Result(Path project, List<ImportResult> imports, List<String> pipelines) {
        public Result {
            imports = List.copyOf(imports);
            pipelines = List.copyOf(pipelines);
        }
    }

    /**
     * Creates the project at {@code projectPath} (which must not exist) from the sample folder.
     *
     * @throws ProjectException the project exists already or cannot be created
     * @throws ImportException  a mapping or data file is missing or wrong; the project is removed
     * @throws org.recblend.task.CancelledException cancelled; the project is removed
     */
    public static Result build(Path sampleFolder, Path projectPath, TaskMonitor monitor)
            throws ProjectException, ImportException, IOException {
        List<ImportJob> jobs = jobs(sampleFolder);
        Pipeline prepare = preparePipeline(sampleFolder);
        ProjectPaths paths = ProjectPaths.of(projectPath);
        boolean built = false;
        try (ProjectStore store = ProjectStore.create(projectPath)) {
            try {
                List<ImportResult> imports = new Importer(store).runAll(jobs, monitor);
                new PipelineRepository(store, prepare.registry()).save(PREPARE_PIPELINE, prepare);
                built = true;
                LOG.info("Built the sample project {} from {}", store.databaseFile(), sampleFolder);
                return new Result(store.databaseFile(), imports, List.of(PREPARE_PIPELINE));
            } finally {
                if (!built) {
                    store.close();
                    ProjectFiles.delete(paths);
                }
            }
        }
    }

    /** The import jobs of a sample folder, checked before anything is created. */
    static List<ImportJob> jobs(Path sampleFolder) throws ImportException {
        List<ImportJob> jobs = new ArrayList<>();
        for (String part : PARTS) {
            Path mapping = sampleFolder.resolve("import").resolve(part + ".json");
            Path data = sampleFolder.resolve("data").resolve(part + ".csv");
            if (!Files.isRegularFile(mapping)) {
                throw new ImportException("The sample folder " + sampleFolder + " has no mapping file import/" + part + ".json",
                        mapping);
            }
            if (!Files.isRegularFile(data)) {
                throw new ImportException("The sample folder " + sampleFolder + " has no data file data/" + part
                        + ".csv; write it with 'recblend sample generate --out " + sampleFolder.resolve("data") + "'", data);
            }
            ImportSpec spec = SpecJson.read(mapping);
            jobs.add(new ImportJob(spec, data));
        }
        return jobs;
    }

    private static Pipeline preparePipeline(Path sampleFolder) throws IOException, ImportException {
        Path file = sampleFolder.resolve("pipelines").resolve(PREPARE_FILE);
        if (!Files.isRegularFile(file)) {
            throw new ImportException("The sample folder " + sampleFolder + " has no pipeline file pipelines/" + PREPARE_FILE, file);
        }
        try {
            return PipelineJson.read(Files.readString(file), NodeKindRegistry.load());
        } catch (PipelineFormatException e) {
            throw new IOException("The pipeline file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
