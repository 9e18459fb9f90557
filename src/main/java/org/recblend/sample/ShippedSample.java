package org.recblend.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A sample project shipped with the workbench: a folder of {@code sample-projects/} holding the
 * recipe (generated CSV files in {@code data/}, import mappings, the "Prepare data" pipeline) and
 * {@value #ARCHIVE}, the finished project (imported, its pipelines run, compacted and zipped). The
 * workbench unpacks the archive into the user's projects folder on first open; the recipe lets
 * {@code recblend sample build} regenerate it.
 *
 * @param name        the folder name under sample-projects, e.g. "retail"
 * @param title       what the menu shows
 * @param description one sentence on what it holds
 * @param spec        the generator's sizes and seed for its data
 */
public record ShippedSample(String name, String title, String description, SampleSpec spec) {
    /** The finished project inside a sample folder. */
    public static final String ARCHIVE = "project.zip";
    /** The command that rebuilds every shipped sample; error messages quote it. */
    public static final String REBUILD_COMMAND = "java -jar target/recblend.jar sample build --out sample-projects";

    /** Every source kind, "LLM hybrid" and "CF baseline" run: what first start shows. */
    public static final ShippedSample RETAIL = new ShippedSample("retail", "Retail shop (every source kind)",
            "2,000 customers, 1,000 products with text, 50,000 purchases, reviews and friends; the pipelines"
                    + " 'LLM hybrid' and 'CF baseline' have been run.", SampleSpec.RETAIL_DEFAULT);
    /** A small shop where a fifth of the products is new: what text encoding adds for items nobody bought. */
    public static final ShippedSample COLD_START = new ShippedSample("cold-start", "Cold start (new products)",
            "600 customers, 400 products, 9,000 purchases; a fifth of the products is held out as new and ranked"
                    + " from their text next to a CF model that has only purchases.",
            new SampleSpec(600, 400, 9_000, 7));

    /** The shipped samples; the first is the one opened at first start. */
    public static final List<ShippedSample> ALL = List.of(RETAIL, COLD_START);

    public ShippedSample {
        if (name.isBlank() || name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException("A sample name is one folder name, not '" + name + "'");
        }
    }

    /**
     * The folder that holds the sample folders: the one named by the {@code recblend.samples}
     * property (an installed program passes its own), else {@code sample-projects} of a checkout.
     */
    public static Path samplesRoot() {
        String configured = System.getProperty("recblend.samples");
        return configured == null || configured.isBlank() ? Path.of("sample-projects") : Path.of(configured.strip());
    }

    /** The sample of this folder name. */
    public static Optional<ShippedSample> find(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The names of the shipped samples, for messages. */
    public static List<String> names() {
        return ALL.stream().map(ShippedSample::name).toList();
    }

    /** The project's name in the user's projects folder: "retail-sample". */
    public String projectName() {
        return name + "-sample";
    }

    /** This sample's folder under the folder that holds the sample folders. */
    public Path folder(Path samplesRoot) {
        return samplesRoot.resolve(name);
    }

    /** The finished project of this sample under the folder that holds the sample folders. */
    public Path archive(Path samplesRoot) {
        return folder(samplesRoot).resolve(ARCHIVE);
    }

    /** Whether the folder holds this sample's finished project or at least its recipe. */
    public boolean presentIn(Path samplesRoot) {
        return Files.isRegularFile(archive(samplesRoot)) || Files.isDirectory(folder(samplesRoot).resolve("data"));
    }
}
