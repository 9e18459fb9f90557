package org.recblend.ui.importwizard;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.recblend.domain.ColumnRole;
import org.recblend.domain.SourceKind;
import org.recblend.ingest.ColumnMapping;
import org.recblend.ingest.DuplicatePolicy;
import org.recblend.ingest.ErrorPolicy;
import org.recblend.ingest.ImportException;
import org.recblend.ingest.ImportJob;
import org.recblend.ingest.ImportMode;
import org.recblend.ingest.ImportResult;
import org.recblend.ingest.ImportSpec;
import org.recblend.ingest.Importer;
import org.recblend.ingest.SourceInfo;
import org.recblend.ingest.SpecValidator;
import org.recblend.ingest.infer.ColumnProfile;
import org.recblend.ingest.infer.SpecSuggester;
import org.recblend.ingest.infer.ValueType;
import org.recblend.ingest.preset.Preset;
import org.recblend.ingest.preset.Presets;
import org.recblend.ingest.read.FileAccess;
import org.recblend.ingest.read.FileFormat;
import org.recblend.ingest.read.Preview;
import org.recblend.ingest.read.TextFileException;
import org.recblend.store.ProjectStore;
import org.recblend.task.CancellableMonitor;
import org.recblend.task.CancelledException;
import org.recblend.ui.task.TaskExecutor;

/**
 * The import wizard's state and steps. It drives the ingest engine (sniffing, suggestions,
 * previews, a dry run, the import) and never parses a file itself. Short reads go through the
 * {@link TaskExecutor}; the import is a {@link Task} handed to the workbench's background jobs.
 * Call from the JavaFX thread.
 */
public final class ImportWizardViewModel {
    /** Rows shown in the preview table (the suggestions look at up to 1,000). */
    static final int PREVIEW_ROWS = 100;
    /** Rejected rows the check page lists. */
    static final int CHECK_REJECTS = 500;

    /** How an import ended. */
    public enum Outcome { SUCCEEDED, FAILED, CANCELLED }

    private final ProjectStore store;
    private final TaskExecutor executor;
    private final Consumer<Task<?>> backgroundJobs;
    private final FileAccess files;
    private final Executor uiThread;
    private Runnable onImported = () -> { };

    private final ObjectProperty<WizardStep> step = new SimpleObjectProperty<>(WizardStep.SOURCE);
    private final ObjectProperty<SourceChoice> choice = new SimpleObjectProperty<>(SourceChoice.BEHAVIOUR);
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    /** Files after the first: read with its format and columns, appended to the same source in the same transaction. */
    private final ObservableList<Path> moreFiles = FXCollections.observableArrayList();
    private final StringProperty dataset = new SimpleStringProperty("");
    private final StringProperty sourceName = new SimpleStringProperty("");
    private final ObjectProperty<ImportMode> mode = new SimpleObjectProperty<>(ImportMode.NEW);
    private final ObservableList<String> datasets = FXCollections.observableArrayList();
    private final ObservableList<SourceInfo> sources = FXCollections.observableArrayList();

    private final FormatSettings format = new FormatSettings();
    private final StringProperty detected = new SimpleStringProperty("");
    private final StringProperty encodingUsed = new SimpleStringProperty("");
    private final ObservableList<String> previewHeader = FXCollections.observableArrayList();
    private final ObservableList<Preview.Row> previewRows = FXCollections.observableArrayList();
    private final StringProperty previewError = new SimpleStringProperty();
    private final BooleanProperty loading = new SimpleBooleanProperty();

    private final ObservableList<ColumnRow> columns = FXCollections.observableArrayList(ColumnRow::observables);
    private final ObservableList<ColumnRole> roleChoices = FXCollections.observableArrayList();
    private final ObjectProperty<Preset> preset = new SimpleObjectProperty<>();
    private final StringProperty presetMessage = new SimpleStringProperty("");
    private final ObjectProperty<DuplicatePolicy> duplicates = new SimpleObjectProperty<>(DuplicatePolicy.KEEP_ALL);
    private final ObjectProperty<ErrorPolicy> onError = new SimpleObjectProperty<>(ErrorPolicy.SKIP_AND_REPORT);
    private final StringProperty kindLabel = new SimpleStringProperty("");
    private final ObservableList<String> problems = FXCollections.observableArrayList();

    private final BooleanProperty checking = new SimpleBooleanProperty();
    private final DoubleProperty checkProgress = new SimpleDoubleProperty();
    private final StringProperty checkMessage = new SimpleStringProperty("");
    private final ObjectProperty<Importer.DryRun> checkResult = new SimpleObjectProperty<>();
    private final StringProperty checkError = new SimpleStringProperty();

    private final BooleanProperty importing = new SimpleBooleanProperty();
    private final DoubleProperty importProgress = new SimpleDoubleProperty();
    private final StringProperty importMessage = new SimpleStringProperty("");
    private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>();
    private final ObjectProperty<ImportResult> importResult = new SimpleObjectProperty<>();
    private final ObjectProperty<ErrorDetail> importError = new SimpleObjectProperty<>();

    private final BooleanBinding canGoNext;
    private final BooleanBinding canGoBack;
    private final BooleanBinding canImport;

    private long loadGeneration;
    private long checkGeneration;
    private boolean applying;
    private boolean kindFromFile;
    private CancellableMonitor checkMonitor;
    private ImportTask importTask;

    /**
     * @param backgroundJobs where the import task runs (the workbench's BackgroundTasks::submit)
     * @param files          how files are read during the check and the import
     * @param uiThread       runs progress updates on the JavaFX thread (Platform::runLater)
     */
    public ImportWizardViewModel(ProjectStore store, TaskExecutor executor, Consumer<Task<?>> backgroundJobs,
                                 FileAccess files, Executor uiThread) {
        this.store = store;
        this.executor = executor;
        this.backgroundJobs = backgroundJobs;
        this.files = files;
        this.uiThread = uiThread;
        InvalidationListener formatChanged = o -> {
            if (!applying && file.get() != null) {
                load(format.toFormat(), null);
            }
        };
        for (var o : format.observables()) {
            o.addListener(formatChanged);
        }
        choice.addListener((obs, old, now) -> {
            if (!applying) {
                kindFromFile = false;
                fitRolesToKind();
            }
            roleChoices.setAll(rolesFor(now));
        });
        roleChoices.setAll(rolesFor(choice.get()));
        InvalidationListener specChanged = o -> recomputeProblems();
        columns.addListener(specChanged);
        for (var o : List.of(choice, dataset, sourceName, mode, duplicates, kindLabel, sources, file, moreFiles)) {
            o.addListener(specChanged);
        }
        canGoNext = Bindings.createBooleanBinding(this::nextAllowed, step, file, loading, previewError, previewRows,
                dataset, sourceName, problems);
        canGoBack = Bindings.createBooleanBinding(() -> switch (step.get()) {
            case FORMAT, COLUMNS, CHECK -> true;
            case RESULT -> outcome.get() != Outcome.SUCCEEDED;
            default -> false;
        }, step, outcome);
        canImport = Bindings.createBooleanBinding(() -> step.get() == WizardStep.CHECK && !checking.get()
                && checkResult.get() != null, step, checking, checkResult);
        recomputeProblems();
        loadProjectSources();
    }

    /** Called on the JavaFX thread after every successful import (the shell refreshes its explorer). */
    public void setOnImported(Runnable onImported) {
        this.onImported = onImported == null ? () -> { } : onImported;
    }

    /** Starts with a kind chosen by the caller, or null to take the kind the first file suggests. */
    public void startWith(SourceKind kind) {
        applying = true;
        choice.set(kind == null ? SourceChoice.BEHAVIOUR : SourceChoice.of(kind));
        applying = false;
        kindFromFile = kind == null;
    }

    private void loadProjectSources() {
        executor.execute(() -> SourceInfo.list(store), list -> {
            sources.setAll(list);
            datasets.setAll(list.stream().map(SourceInfo::dataset).distinct().toList());
            if (dataset.get().isBlank() && !datasets.isEmpty()) {
                dataset.set(datasets.get(0));
            }
        }, failure -> presetMessage.set("The project's sources could not be read: " + messageOf(failure)));
    }

    // ---- step 1: the file ----

    /** Takes a file: sniffs its format, previews it and suggests the roles of its columns. */
    public void chooseFile(Path path) {
        moreFiles.clear();
        file.set(path);
        mode.set(ImportMode.NEW);
        sourceName.set(defaultSourceName(path));
        if (dataset.get().isBlank()) {
            Path parent = path.toAbsolutePath().getParent();
            dataset.set(parent == null || parent.getFileName() == null ? "data" : parent.getFileName().toString());
        }
        load(null, null);
    }

    /**
     * Takes several files of one format for one source: the first is previewed and mapped, the
     * others are imported after it with the same settings, all in one transaction.
     */
    public void chooseFiles(List<Path> paths) {
        if (paths.isEmpty()) {
            return;
        }
        chooseFile(paths.get(0));
        moreFiles.setAll(paths.subList(1, paths.size()));
    }

    /** The files to import, the first one (the previewed one) first. */
    public List<Path> chosenFiles() {
        List<Path> all = new ArrayList<>();
        if (file.get() != null) {
            all.add(file.get());
        }
        all.addAll(moreFiles);
        return all;
    }

    /** "u1.base" or "u1.base and 2 more files", for titles and messages. */
    String filesLabel() {
        String first = file.get() == null ? "" : file.get().getFileName().toString();
        int more = moreFiles.size();
        return more == 0 ? first : first + " and " + more + " more file" + (more == 1 ? "" : "s");
    }

    /** One job per file: the first with the chosen mode, the others appended to the same source. */
    public List<ImportJob> jobs() {
        ImportSpec spec = spec();
        List<ImportJob> jobs = new ArrayList<>();
        jobs.add(new ImportJob(spec, file.get()));
        for (Path more : moreFiles) {
            jobs.add(new ImportJob(spec.withMode(ImportMode.APPEND), more));
        }
        return jobs;
    }

    /** Prepares to import a stored source again from its file, with its spec, replacing its rows. */
    public void reimport(SourceInfo source) {
        moreFiles.clear();
        ImportSpec spec;
        try {
            spec = source.spec();
        } catch (ImportException e) {
            previewError.set("The stored settings of " + source.name() + " cannot be read: " + e.getMessage());
            return;
        }
        file.set(Path.of(source.fileName()));
        dataset.set(source.dataset());
        applySpec(spec.withDataset(source.dataset()).withMode(ImportMode.REPLACE));
    }

    static String defaultSourceName(Path path) {
        String name = path.getFileName().toString();
        return name.replaceFirst("(?i)\\.(csv|tsv|txt|json|jsonl|dat|tab)$", "");
    }

    /** Reads the preview and profiles in the background; a null format means sniff; a spec's mapping replaces the suggestions. */
    private void load(FileFormat chosen, ImportSpec mapping) {
        long generation = ++loadGeneration;
        Path f = file.get();
        loading.set(true);
        previewError.set(null);
        executor.execute(() -> chosen == null ? SpecSuggester.suggest(f, "dataset", "source")
                : SpecSuggester.suggest(f, chosen, "dataset", "source"), suggestion -> {
                    if (generation == loadGeneration) {
                        show(suggestion, mapping);
                        loading.set(false);
                    }
                }, failure -> {
                    if (generation == loadGeneration) {
                        previewRows.clear();
                        previewHeader.clear();
                        columns.clear();
                        previewError.set(messageOf(failure));
                        loading.set(false);
                    }
                });
    }

    private void show(SpecSuggester.Suggestion suggestion, ImportSpec mapping) {
        Preview preview = suggestion.preview();
        applying = true;
        try {
            format.show(preview.format());
            if (kindFromFile && mapping == null) {
                choice.set(SourceChoice.of(suggestion.spec().kind()));
            }
        } finally {
            applying = false;
        }
        if (suggestion.sniff() != null) {
            detected.set(preview.format().describe() + ". " + suggestion.sniff().reason());
        } else if (mapping == null) {
            detected.set(preview.format().describe() + " (as chosen)");
        }
        encodingUsed.set(preview.encoding().name() + " (" + preview.encoding().how() + ")");
        int n = preview.columnCount();
        List<String> header = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            header.add(i < preview.header().size() && !preview.header().get(i).isBlank() ? preview.header().get(i) : "Column " + (i + 1));
        }
        // rows first: the preview table sizes its columns to them when the header changes
        previewRows.setAll(preview.rows().subList(0, Math.min(PREVIEW_ROWS, preview.rows().size())));
        previewHeader.setAll(header);
        List<ColumnRow> rows = new ArrayList<>();
        for (ColumnProfile p : suggestion.profiles()) {
            rows.add(new ColumnRow(p));
        }
        if (mapping != null) {
            List<String> missing = new ArrayList<>();
            for (ColumnMapping m : mapping.columns()) {
                rows.stream().filter(r -> ColumnRow.matches(r, m, rows)).findFirst()
                        .ifPresentOrElse(r -> r.apply(m), () -> missing.add(m.reference()));
            }
            if (!missing.isEmpty()) {
                presetMessage.set("The file has no column " + String.join(", ", missing) + " the settings name");
            }
        } else {
            rows.forEach(r -> r.suggest(fitted(r, choice.get())));
        }
        columns.setAll(rows);
    }

    // ---- step 3: the columns ----

    /** Gives every column the suggested role again, fitted to the chosen kind. */
    public void resetToSuggestions() {
        fitRolesToKind();
        presetMessage.set("");
    }

    private void fitRolesToKind() {
        columns.forEach(r -> r.suggest(fitted(r, choice.get())));
    }

    /** The suggested role if the kind allows it; context columns where the user said the file holds context. */
    private static ColumnRole fitted(ColumnRow row, SourceChoice choice) {
        ColumnRole suggested = row.suggestedRole();
        ColumnProfile p = row.profile();
        if (choice == SourceChoice.CONTEXT && suggested == ColumnRole.IGNORE && p.type() != ValueType.EMPTY
                && p.distinct() <= 50) {
            return ColumnRole.CONTEXT;
        }
        return SpecValidator.allowedRoles(choice.kind()).contains(suggested) ? suggested : ColumnRole.IGNORE;
    }

    private static List<ColumnRole> rolesFor(SourceChoice choice) {
        Set<ColumnRole> allowed = SpecValidator.allowedRoles(choice.kind());
        return EnumSet.allOf(ColumnRole.class).stream().filter(allowed::contains).toList();
    }

    /** Maps the file as the preset maps the file of that name in its format (all the preset's files must be beside it). */
    public void applyPreset() {
        Preset p = preset.get();
        Path f = file.get();
        if (p == null || f == null) {
            return;
        }
        String target = dataset.get().isBlank() ? p.id() : dataset.get();
        Path folder = f.toAbsolutePath().getParent();
        executor.execute(() -> p.parts(folder, target), parts -> {
            ImportJob job = parts.stream().filter(j -> j.file().getFileName().equals(f.getFileName())).findFirst().orElse(null);
            if (job == null) {
                presetMessage.set("The preset " + p.id() + " reads " + parts.stream().map(j -> j.file().getFileName().toString())
                        .toList() + ", not " + f.getFileName());
                return;
            }
            applySpec(job.spec().withDataset(target).withMode(mode.get()));
            presetMessage.set("Applied the preset " + p.id() + " to " + f.getFileName());
        }, failure -> presetMessage.set("The preset " + p.id() + " cannot be applied: " + messageOf(failure)));
    }

    private void applySpec(ImportSpec spec) {
        applying = true;
        try {
            if (!(choice.get() == SourceChoice.CONTEXT && spec.kind() == SourceKind.BEHAVIOUR)) {
                choice.set(SourceChoice.of(spec.kind()));
            }
            kindFromFile = false;
            sourceName.set(spec.sourceName());
            mode.set(spec.mode());
            duplicates.set(spec.duplicates());
            onError.set(spec.onError());
            kindLabel.set(spec.kindLabel() == null ? "" : spec.kindLabel());
            format.show(spec.format());
        } finally {
            applying = false;
        }
        detected.set(spec.format().describe() + " (from the settings)");
        load(spec.format(), spec);
    }

    /** The spec the wizard's choices add up to. */
    public ImportSpec spec() {
        FileFormat f = format.toFormat();
        boolean byName = f.isJson() || f.header();
        List<ColumnMapping> mappings = columns.stream().filter(r -> r.roleProperty().get() != ColumnRole.IGNORE)
                .map(r -> r.toMapping(byName)).toList();
        String label = kindLabel.get() == null || kindLabel.get().isBlank() ? null : kindLabel.get().strip();
        return new ImportSpec(dataset.get().strip(), sourceName.get().strip(), choice.get().kind(), f, mappings,
                duplicates.get(), onError.get(), mode.get(), label);
    }

    private void recomputeProblems() {
        List<String> found = new ArrayList<>();
        if (file.get() == null) {
            found.add("Choose a file to import");
        }
        List<Path> all = chosenFiles();
        all.stream().filter(p -> all.indexOf(p) != all.lastIndexOf(p)).distinct()
                .forEach(p -> found.add(p.getFileName() + " is chosen twice: it would be imported twice"));
        if (dataset.get().isBlank()) {
            found.add("Enter the dataset to import into");
        }
        if (sourceName.get().isBlank()) {
            found.add("Enter a name for the source");
        }
        if (found.isEmpty()) {
            ImportSpec spec = spec();
            found.addAll(SpecValidator.problems(spec));
            SourceInfo existing = existingSource(spec.dataset(), spec.sourceName());
            if (existing != null && spec.mode() == ImportMode.NEW) {
                found.add("The dataset '" + spec.dataset() + "' already has a source '" + spec.sourceName()
                        + "': choose another name, or append to it or replace it");
            } else if (existing != null && spec.mode() == ImportMode.APPEND && existing.kind() != spec.kind()) {
                found.add("The source '" + spec.sourceName() + "' holds " + existing.kind().name().toLowerCase(Locale.ROOT)
                        + " rows; " + spec.kind().name().toLowerCase(Locale.ROOT) + " rows cannot be appended to it");
            }
        }
        if (!found.equals(problems)) {
            problems.setAll(found);
        }
    }

    private SourceInfo existingSource(String datasetName, String name) {
        return sources.stream().filter(s -> s.dataset().equals(datasetName) && s.name().equals(name)).findFirst().orElse(null);
    }

    // ---- navigation ----

    private boolean nextAllowed() {
        return switch (step.get()) {
            case SOURCE -> file.get() != null && !loading.get() && previewError.get() == null && !previewRows.isEmpty()
                    && !dataset.get().isBlank() && !sourceName.get().isBlank();
            case FORMAT -> !loading.get() && previewError.get() == null && !previewRows.isEmpty();
            case COLUMNS -> problems.isEmpty();
            default -> false;
        };
    }

    /** Goes to the next page; entering the check page starts the dry run. */
    public void next() {
        if (!canGoNext.get()) {
            return;
        }
        switch (step.get()) {
            case SOURCE -> step.set(WizardStep.FORMAT);
            case FORMAT -> step.set(WizardStep.COLUMNS);
            case COLUMNS -> {
                step.set(WizardStep.CHECK);
                startCheck();
            }
            default -> { }
        }
    }

    /** Goes back a page; leaving the check page stops its dry run. */
    public void back() {
        if (!canGoBack.get()) {
            return;
        }
        switch (step.get()) {
            case FORMAT -> step.set(WizardStep.SOURCE);
            case COLUMNS -> step.set(WizardStep.FORMAT);
            case CHECK -> {
                cancelCheck();
                step.set(WizardStep.COLUMNS);
            }
            case RESULT -> step.set(WizardStep.COLUMNS);
            default -> { }
        }
    }

    /** After a result: the next file, into the same dataset. */
    public void importAnother() {
        moreFiles.clear();
        file.set(null);
        previewRows.clear();
        previewHeader.clear();
        columns.clear();
        outcome.set(null);
        importResult.set(null);
        importError.set(null);
        checkResult.set(null);
        presetMessage.set("");
        detected.set("");
        step.set(WizardStep.SOURCE);
    }

    // ---- step 4: the check ----

    private void startCheck() {
        long generation = ++checkGeneration;
        List<ImportJob> jobs = jobs();
        Path f = file.get();
        String what = filesLabel();
        checkResult.set(null);
        checkError.set(null);
        checkProgress.set(0);
        checkMessage.set("Checking " + what + " …");
        checking.set(true);
        CancellableMonitor monitor = new CancellableMonitor(new ProgressRelay(uiThread, (fraction, message) -> {
            if (generation == checkGeneration) {
                checkProgress.set(fraction);
                checkMessage.set(message.replaceFirst("^Importing", "Checking"));
            }
        }), line -> { });
        checkMonitor = monitor;
        executor.execute(() -> new Importer(store, files).dryRun(jobs, CHECK_REJECTS, monitor), dry -> {
            if (generation == checkGeneration) {
                checkResult.set(dry);
                checkProgress.set(1);
                checkMessage.set("Checked every row of " + what + "; nothing was stored");
                checking.set(false);
            }
        }, failure -> {
            if (generation == checkGeneration) {
                checkError.set(failure instanceof CancelledException ? null : ErrorDetail.of(failure, f).describe());
                checkMessage.set(failure instanceof CancelledException ? "Check stopped" : "The import would fail");
                checking.set(false);
            }
        });
    }

    private void cancelCheck() {
        if (checkMonitor != null) {
            checkMonitor.cancel();
        }
        checkGeneration++;
        checking.set(false);
    }

    // ---- steps 5 and 6: the import and its result ----

    /** Starts the import in the background (after a successful check). */
    public void startImport() {
        if (!canImport.get()) {
            return;
        }
        Path f = file.get();
        ImportTask task = new ImportTask(store, files, jobs(), filesLabel(), uiThread);
        importTask = task;
        importProgress.bind(task.progressProperty());
        importMessage.bind(task.messageProperty());
        importing.set(true);
        outcome.set(null);
        importResult.set(null);
        importError.set(null);
        step.set(WizardStep.IMPORT);
        task.setOnSucceeded(e -> finish(Outcome.SUCCEEDED, task.getValue(), null));
        task.setOnFailed(e -> finish(Outcome.FAILED, null, ErrorDetail.of(task.getException(), f)));
        task.setOnCancelled(e -> whenUnwound(task, () -> finish(Outcome.CANCELLED, null, null)));
        backgroundJobs.accept(task);
    }

    /** Asks the running import to stop; the result page appears once its rollback is done. */
    public void cancelImport() {
        if (importTask != null && importing.get()) {
            importTask.cancel();
        }
    }

    private void whenUnwound(ImportTask task, Runnable action) {
        importMessage.unbind();
        importMessage.set("Cancelling: undoing the rows read so far …");
        if (task.unwoundProperty().get()) {
            action.run();
        } else {
            task.unwoundProperty().addListener((obs, was, now) -> {
                if (now) {
                    action.run();
                }
            });
        }
    }

    private void finish(Outcome how, ImportResult result, ErrorDetail error) {
        importProgress.unbind();
        importMessage.unbind();
        importing.set(false);
        importResult.set(result);
        importError.set(error);
        outcome.set(how);
        step.set(WizardStep.RESULT);
        if (how == Outcome.SUCCEEDED) {
            loadProjectSources();
            onImported.run();
        }
    }

    /** A failure as the user should read it. */
    static String messageOf(Throwable failure) {
        if (failure instanceof ImportException || failure instanceof TextFileException) {
            return failure.getMessage();
        }
        if (failure instanceof IOException) {
            return "The file cannot be read: " + failure.getMessage();
        }
        return failure.getClass().getSimpleName() + ": " + Objects.toString(failure.getMessage(), "");
    }

    // ---- properties ----

    public ObjectProperty<WizardStep> stepProperty() {
        return step;
    }

    public ObjectProperty<SourceChoice> choiceProperty() {
        return choice;
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    /** The files chosen after the first one (empty for a single file). */
    public ObservableList<Path> moreFiles() {
        return moreFiles;
    }

    public StringProperty datasetProperty() {
        return dataset;
    }

    public StringProperty sourceNameProperty() {
        return sourceName;
    }

    public ObjectProperty<ImportMode> modeProperty() {
        return mode;
    }

    public ObservableList<String> datasets() {
        return datasets;
    }

    public ObservableList<SourceInfo> sources() {
        return sources;
    }

    public FormatSettings format() {
        return format;
    }

    /** What sniffing found and why, for the format page. */
    public StringProperty detectedProperty() {
        return detected;
    }

    /** The encoding the preview was read with and how it was chosen. */
    public StringProperty encodingUsedProperty() {
        return encodingUsed;
    }

    public ObservableList<String> previewHeader() {
        return previewHeader;
    }

    public ObservableList<Preview.Row> previewRows() {
        return previewRows;
    }

    public StringProperty previewErrorProperty() {
        return previewError;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public ObservableList<ColumnRow> columns() {
        return columns;
    }

    /** The roles the chosen kind allows, for the role picker. */
    public ObservableList<ColumnRole> roleChoices() {
        return roleChoices;
    }

    public List<Preset> presets() {
        return Presets.all();
    }

    public ObjectProperty<Preset> presetProperty() {
        return preset;
    }

    public StringProperty presetMessageProperty() {
        return presetMessage;
    }

    public ObjectProperty<DuplicatePolicy> duplicatesProperty() {
        return duplicates;
    }

    public ObjectProperty<ErrorPolicy> onErrorProperty() {
        return onError;
    }

    public StringProperty kindLabelProperty() {
        return kindLabel;
    }

    public ObservableList<String> problems() {
        return problems;
    }

    public BooleanProperty checkingProperty() {
        return checking;
    }

    public DoubleProperty checkProgressProperty() {
        return checkProgress;
    }

    public StringProperty checkMessageProperty() {
        return checkMessage;
    }

    public ObjectProperty<Importer.DryRun> checkResultProperty() {
        return checkResult;
    }

    public StringProperty checkErrorProperty() {
        return checkError;
    }

    public BooleanProperty importingProperty() {
        return importing;
    }

    public DoubleProperty importProgressProperty() {
        return importProgress;
    }

    public StringProperty importMessageProperty() {
        return importMessage;
    }

    public ObjectProperty<Outcome> outcomeProperty() {
        return outcome;
    }

    public ObjectProperty<ImportResult> importResultProperty() {
        return importResult;
    }

    public ObjectProperty<ErrorDetail> importErrorProperty() {
        return importError;
    }

    public BooleanBinding canGoNextProperty() {
        return canGoNext;
    }

    public BooleanBinding canGoBackProperty() {
        return canGoBack;
    }

    public BooleanBinding canImportProperty() {
        return canImport;
    }

    ProjectStore store() {
        return store;
    }

    TaskExecutor executor() {
        return executor;
    }
}
