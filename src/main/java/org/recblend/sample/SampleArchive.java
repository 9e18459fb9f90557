package org.recblend.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.recblend.store.ProjectException;
import org.recblend.store.ProjectPaths;

/**
 * A finished project as one zip file: the H2 file as {@value #DATABASE} and the artifacts folder
 * (cached node outputs: splits, trained models, embeddings) under {@value #ARTIFACTS}. Entry names
 * do not carry the project's name, so the archive unpacks under any name. The entries are sorted
 * and dated 1 January 2000, so packing the same files twice gives the same bytes.
 */
public final class SampleArchive {
    static final String DATABASE = "project" + ProjectPaths.H2_SUFFIX;
    static final String ARTIFACTS = "artifacts/";
    private static final FileTime FIXED_TIME = FileTime.fromMillis(946_684_800_000L);

    private SampleArchive() {
    }

    /** Writes a closed project into {@code zip} (replaced if it exists). */
    public static void pack(ProjectPaths project, Path zip) throws IOException {
        if (!Files.isRegularFile(project.databaseFile())) {
            throw new IOException("No project file at " + project.databaseFile());
        }
        List<Path> artifacts = new ArrayList<>();
        if (Files.isDirectory(project.artifactsDir())) {
            try (Stream<Path> walk = Files.walk(project.artifactsDir())) {
                walk.filter(Files::isRegularFile).sorted().forEach(artifacts::add);
            }
        }
        Path tmp = zip.resolveSibling(zip.getFileName() + ".tmp");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            add(out, DATABASE, project.databaseFile());
            for (Path file : artifacts) {
                String relative = project.artifactsDir().relativize(file).toString().replace('\\', '/');
                add(out, ARTIFACTS + relative, file);
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void add(ZipOutputStream out, String name, Path file) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setLastModifiedTime(FIXED_TIME);
        out.putNextEntry(entry);
        Files.copy(file, out);
        out.closeEntry();
    }

    /**
     * Unpacks an archive into a new project at {@code target} (a base path). The files are written
     * into a hidden folder beside it first and moved into place at the end, the database file last:
     * a failure leaves no half project that would later open as if it were whole.
     *
     * @return the new project's paths
     * @throws ProjectException ALREADY_EXISTS when a project is at the target; NOT_A_PROJECT when the
     *                          archive is not a sample archive; IO when it cannot be read or written
     */
    public static ProjectPaths unpack(Path zip, Path target) throws ProjectException {
        ProjectPaths paths = ProjectPaths.of(target);
        if (Files.exists(paths.databaseFile())) {
            throw new ProjectException(ProjectException.Reason.ALREADY_EXISTS, "A project already exists at " + paths.databaseFile());
        }
        if (!Files.isRegularFile(zip)) {
            throw new ProjectException(ProjectException.Reason.NOT_FOUND, "No sample project archive at " + zip);
        }
        Path work = null;
        try {
            Files.createDirectories(paths.base().getParent());
            work = Files.createTempDirectory(paths.base().getParent(), "." + paths.name() + "-unpacking-");
            ProjectPaths staged = ProjectPaths.of(work.resolve(paths.name()));
            extract(zip, staged);
            if (!Files.isRegularFile(staged.databaseFile())) {
                throw new ProjectException(ProjectException.Reason.NOT_A_PROJECT,
                        zip + " is not a sample project archive (it holds no " + DATABASE + ")");
            }
            deleteTree(paths.artifactsDir());  // left by a project whose database file was deleted: stale outputs
            if (Files.exists(staged.artifactsDir())) {
                Files.move(staged.artifactsDir(), paths.artifactsDir());
            } else {
                Files.createDirectories(paths.artifactsDir());
            }
            Files.move(staged.databaseFile(), paths.databaseFile());
            return paths;
        } catch (IOException e) {
            throw new ProjectException(ProjectException.Reason.IO,
                    "Cannot unpack the sample project " + zip + " to " + paths.databaseFile() + ": " + e.getMessage(), e);
        } finally {
            if (work != null) {
                deleteTree(work);
            }
        }
    }

    private static void extract(Path zip, ProjectPaths staged) throws IOException, ProjectException {
        Path artifacts = staged.artifactsDir();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.isDirectory()) {
                    continue;
                }
                Path dest;
                if (entry.getName().equals(DATABASE)) {
                    dest = staged.databaseFile();
                } else if (entry.getName().startsWith(ARTIFACTS)) {
                    dest = artifacts.resolve(entry.getName().substring(ARTIFACTS.length())).normalize();
                    if (!dest.startsWith(artifacts)) {  // "../" in an entry name must not write outside the project
                        throw new ProjectException(ProjectException.Reason.NOT_A_PROJECT,
                                zip + " is not a sample project archive (entry " + entry.getName() + " points outside it)");
                    }
                } else {
                    throw new ProjectException(ProjectException.Reason.NOT_A_PROJECT,
                            zip + " is not a sample project archive (unexpected entry " + entry.getName() + ")");
                }
                Files.createDirectories(dest.getParent());
                copy(in, dest);
            }
        }
    }

    private static void copy(InputStream in, Path dest) throws IOException {
        try (OutputStream out = Files.newOutputStream(dest)) {
            in.transferTo(out);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a leftover hidden folder is harmless; the project itself is whole or absent
        }
    }
}
