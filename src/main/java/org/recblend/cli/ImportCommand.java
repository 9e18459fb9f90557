package org.recblend.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.recblend.ingest.ErrorPolicy;
import org.recblend.ingest.ImportMode;
import org.recblend.ingest.ImportResult;
import org.recblend.ingest.ImportSpec;
import org.recblend.ingest.Importer;
import org.recblend.ingest.SpecJson;
import org.recblend.ingest.preset.PresetImporter;
import org.recblend.ingest.preset.Presets;
import org.recblend.store.ProjectFiles;
import org.recblend.store.ProjectPaths;
import org.recblend.store.ProjectStore;
import org.recblend.task.TaskMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code recblend import}: a folder in a known format (preset) or one file with a mapping file. */
@Command(name = "import", sortOptions = false,
        description = {"Imports data into a project (created if needed): a folder in a known public format with "
                + "--preset, or one file described by a mapping file (an import spec in JSON) with --mapping.",
            "An import is one transaction: it is stored completely or not at all (also on Ctrl-C). Bad rows are "
                + "skipped and kept in the project's reject report, or, with --on-error abort, stop the import "
                + "(exit code 4)."})
final class ImportCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ImportCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    ProgressOptions progress;

    @Option(names = "--project", paramLabel = "PROJECT", required = true,
            description = "The project: its base path or its .mv.db file; created when there is none.")
    Path project;

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "The dataset to import into (default: the preset's id, or the mapping file's dataset).")
    String dataset;

    @Option(names = "--on-error", paramLabel = "skip|abort",
            description = "skip: store the good rows and report the bad ones (default); abort: store nothing when a row is bad.")
    OnError onError;

    @Option(names = "--mode", paramLabel = "new|append|replace",
            description = "new: fail when the source exists (default); append: add rows to it; replace: replace its rows.")
    Mode mode;

    /** What to import: exactly one of the two. */
    static final class What {
        @ArgGroup(exclusive = false, heading = "Import a folder in a known format:%n")
        PresetSource preset;

        @ArgGroup(exclusive = false, heading = "Import one file described by a mapping file:%n")
        MappingSource mapping;
    }

    static final class PresetSource {
        @Option(names = "--preset", paramLabel = "ID", required = true, completionCandidates = PresetIds.class,
                description = "The format: ${COMPLETION-CANDIDATES}.")
        String id;

        @Option(names = "--folder", paramLabel = "DIR", required = true, description = "The folder holding its files.")
        Path folder;
    }

    static final class MappingSource {
        @Option(names = "--mapping", paramLabel = "SPEC.json", required = true,
                description = "The import spec: file format, column roles, source name and kind.")
        Path spec;

        @Option(names = "--file", paramLabel = "FILE", required = true, description = "The data file.")
        Path file;
    }

    enum OnError {
        skip(ErrorPolicy.SKIP_AND_REPORT), abort(ErrorPolicy.ABORT);

        final ErrorPolicy policy;

        OnError(ErrorPolicy policy) {
            this.policy = policy;
        }
    }

    enum Mode {
        NEW(ImportMode.NEW), APPEND(ImportMode.APPEND), REPLACE(ImportMode.REPLACE);

        final ImportMode mode;

        Mode(ImportMode mode) {
            this.mode = mode;
        }
    }

    @Override
    public Integer call() throws Exception {
        checkArguments();
        ProjectPaths paths = ProjectPaths.of(project);
        boolean created = !Files.exists(paths.databaseFile());
        long start = System.nanoTime();
        List<ImportResult> results;
        boolean done = false;
        try {
            try (ProjectStore store = ProjectStore.openOrCreate(project);
                 TaskConsole console = new TaskConsole(spec, progress.quiet)) {
                results = what.preset != null ? importPreset(store, console.monitor())
                        : importMapping(store, console.monitor());
            }
            done = true;
        } finally {
            if (!done && created) {
                removeQuietly(paths);  // the import stored nothing: do not leave an empty project behind
            }
        }
        print(results, (System.nanoTime() - start) / 1e9);
        return ExitCodes.OK;
    }

    /** Names that cannot work are usage errors, found before a project is created. */
    private void checkArguments() {
        if (what.preset != null) {
            if (Presets.byId(what.preset.id).isEmpty()) {
                throw new ParameterException(spec.commandLine(), "Unknown preset '" + what.preset.id + "' (known: "
                        + String.join(", ", new PresetIds()) + ")");
            }
            requireExisting(what.preset.folder, true, "folder");
        } else {
            requireExisting(what.mapping.spec, false, "mapping file");
            requireExisting(what.mapping.file, false, "data file");
        }
    }

    private void requireExisting(Path path, boolean folder, String what) {
        if (folder ? !Files.isDirectory(path) : !Files.isRegularFile(path)) {
            throw new ParameterException(spec.commandLine(), "The " + what + " " + path + " does not exist");
        }
    }

    private List<ImportResult> importPreset(ProjectStore store, TaskMonitor monitor) throws Exception {
        return PresetImporter.importFolder(store, what.preset.id, what.preset.folder, dataset,
                onError == null ? ErrorPolicy.SKIP_AND_REPORT : onError.policy,
                mode == null ? ImportMode.NEW : mode.mode, monitor);
    }

    private List<ImportResult> importMapping(ProjectStore store, TaskMonitor monitor) throws Exception {
        ImportSpec importSpec = SpecJson.read(what.mapping.spec);
        if (dataset != null) {
            importSpec = importSpec.withDataset(dataset);
        }
        if (onError != null) {
            importSpec = importSpec.withOnError(onError.policy);
        }
        if (mode != null) {
            importSpec = importSpec.withMode(mode.mode);
        }
        return List.of(new Importer(store).run(importSpec, what.mapping.file, monitor));
    }

    private void print(List<ImportResult> results, double seconds) {
        PrintWriter out = spec.commandLine().getOut();
        TextTable table = new TextTable(List.of("Dataset", "Source", "Kind", "File", "Read", "Accepted", "Rejected",
                "Duplicates", "Stored", "New users", "New items"),
                false, false, false, false, true, true, true, true, true, true, true);
        long rejected = 0;
        for (ImportResult r : results) {
            table.row(r.dataset(), r.sourceName(), r.kind(), r.file().getFileName(), r.rowsRead(), r.rowsAccepted(),
                    r.rowsRejected(), r.rowsDuplicate(), r.rowsStored(), r.newUsers(), r.newItems());
            rejected += r.rowsRejected();
        }
        table.print(out);
        out.println(String.format(Locale.ROOT, "Imported %d source%s into %s in %.1f s.", results.size(),
                results.size() == 1 ? "" : "s", ProjectPaths.of(project).databaseFile(), seconds));
        if (rejected > 0) {
            out.println(String.format(Locale.ROOT, "%,d rows were rejected and skipped; the reject report is kept in the "
                    + "project: see 'recblend info %s --rejects 20'.", rejected, project));
        }
        out.flush();
    }

    private static void removeQuietly(ProjectPaths paths) {
        try {
            ProjectFiles.delete(paths);
        } catch (IOException e) {
            LOG.warn("Could not remove the empty project {}: {}", paths.databaseFile(), e.getMessage());
        }
    }

    /** The preset ids, for the help text. */
    static final class PresetIds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Presets.all().stream().map(p -> p.id()).iterator();
        }
    }
}
