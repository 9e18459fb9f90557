package org.recblend.ui.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.recblend.sample.SampleProject;

/**
 * Where the workbench keeps its own files and finds the bundled sample. Projects and caches live
 * in the user's home ({@code ~/.recblend}, or the {@code recblend.home} property), never beside
 * the program; the sample's source files come from {@code sample-projects/retail} of a checkout or
 * the folder named by {@code recblend.samples}.
 */
public record SampleProjectLocation(Path sampleFolder, Path project) {

    /** The sample of this installation, if its files can be found. */
    public static Optional<SampleProjectLocation> find() {
        Path home = Path.of(System.getProperty("recblend.home", Path.of(System.getProperty("user.home"), ".recblend").toString()));
        Path folder = SampleProject.retailFolder();
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        return Optional.of(new SampleProjectLocation(folder.toAbsolutePath(), home.resolve("projects").resolve("retail-sample")));
    }

    /** Whether the sample project was built before (it is then opened, not rebuilt). */
    public boolean projectExists() {
        return Files.exists(project.resolveSibling(project.getFileName() + ".mv.db"));
    }
}
