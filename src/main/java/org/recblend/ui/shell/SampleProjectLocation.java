package org.recblend.ui.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.recblend.sample.ShippedSample;

/**
 * Where the workbench keeps its own files and finds the bundled samples. Projects and caches live
 * in the user's home ({@code ~/.recblend}, or the {@code recblend.home} property), never beside
 * the program; the samples come from {@code sample-projects/} of a checkout or the folder named by
 * {@code recblend.samples} (the folder that holds the sample folders: an installed program's own,
 * read-only folder). A sample opens from its finished project ({@code project.zip}, unpacked into
 * the projects folder once) or, without one, is built from its CSV files.
 *
 * @param sampleFolder the sample's folder, e.g. sample-projects/retail
 * @param project      the project's base path in the user's projects folder, e.g. ~/.recblend/projects/retail-sample
 */
public record SampleProjectLocation(Path sampleFolder, Path project) {

    /** The sample opened at first start (the retail shop), if its files can be found. */
    public static Optional<SampleProjectLocation> find() {
        return all().stream().filter(s -> s.sampleFolder().getFileName().toString().equals(ShippedSample.RETAIL.name()))
                .findFirst();
    }

    /** Every shipped sample whose files this installation has, in the order of {@link ShippedSample#ALL}. */
    public static List<SampleProjectLocation> all() {
        Path home = Path.of(System.getProperty("recblend.home", Path.of(System.getProperty("user.home"), ".recblend").toString()));
        return in(ShippedSample.samplesRoot(), home.resolve("projects"));
    }

    /** The shipped samples found in {@code samplesRoot}, to be opened from {@code projectsFolder}. */
    static List<SampleProjectLocation> in(Path samplesRoot, Path projectsFolder) {
        List<SampleProjectLocation> found = new ArrayList<>();
        for (ShippedSample s : ShippedSample.ALL) {
            if (s.presentIn(samplesRoot)) {
                found.add(new SampleProjectLocation(s.folder(samplesRoot).toAbsolutePath(), projectsFolder.resolve(s.projectName())));
            }
        }
        return found;
    }

    /** What the File > Open Sample Project menu calls it. */
    public String title() {
        String name = sampleFolder.getFileName().toString();
        return ShippedSample.find(name).map(ShippedSample::title).orElse(name);
    }

    /** The finished project shipped in the sample folder (absent in a folder holding only the CSV recipe). */
    public Optional<Path> archive() {
        Path zip = sampleFolder.resolve(ShippedSample.ARCHIVE);
        return Files.isRegularFile(zip) ? Optional.of(zip) : Optional.empty();
    }

    /** Whether the sample project is in the projects folder already (it is then opened as it is). */
    public boolean projectExists() {
        return Files.exists(project.resolveSibling(project.getFileName() + ".mv.db"));
    }
}
