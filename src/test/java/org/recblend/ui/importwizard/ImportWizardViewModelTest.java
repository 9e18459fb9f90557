package org.recblend.ui.importwizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.domain.ColumnRole;
import org.recblend.domain.SourceKind;
import org.recblend.ingest.ImportMode;
import org.recblend.ingest.Importer;
import org.recblend.ingest.SourceInfo;
import org.recblend.ingest.preset.Presets;
import org.recblend.ingest.read.FileAccess;
import org.recblend.store.ProjectContents;
import org.recblend.store.ProjectStore;
import org.recblend.task.TaskMonitor;
import org.recblend.ui.task.CurrentThreadTaskExecutor;

/** The wizard's step logic without a screen: every background read runs on the test thread. */
class ImportWizardViewModelTest {
    @TempDir
    Path dir;
    private ProjectStore store;
    private ImportWizardViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        store = ProjectStore.create(dir.resolve("project"));
        vm = newViewModel();
    }

    private ImportWizardViewModel newViewModel() {
        ImportWizardViewModel model = new ImportWizardViewModel(store, new CurrentThreadTaskExecutor(),
                task -> { throw new AssertionError("no import in these tests"); }, FileAccess.local(), Runnable::run);
        model.startWith(null);
        return model;
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Path write(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private List<ColumnRole> roles() {
        return vm.columns().stream().map(r -> r.roleProperty().get()).toList();
    }

    @Test
    void aFileWithoutHeaderGetsItsFormatAndRolesSuggested() throws Exception {
        Path file = write("u.data", "196\t242\t3\t881250949\n186\t302\t3\t891717742\n22\t377\t1\t878887116\n244\t51\t2\t880606923\n");

        vm.chooseFile(file);

        assertThat(vm.previewErrorProperty().get()).isNull();
        assertThat(vm.format().delimiterProperty().get()).isEqualTo("TAB");
        assertThat(vm.format().headerProperty().get()).isFalse();
        assertThat(vm.detectedProperty().get()).contains("TAB");
        assertThat(vm.previewRows()).hasSize(4);
        assertThat(roles()).containsExactly(ColumnRole.USER_ID, ColumnRole.ITEM_ID, ColumnRole.RATING, ColumnRole.TIMESTAMP);
        assertThat(vm.choiceProperty().get()).isEqualTo(SourceChoice.BEHAVIOUR);
        assertThat(vm.sourceNameProperty().get()).isEqualTo("u.data");
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.canGoNextProperty().get()).isTrue();
    }

    @Test
    void severalFilesAreCheckedTogetherAndTheSameFileTwiceIsAProblem() throws Exception {
        Path first = write("week1.csv", "user_id,item_id,rating\nu1,i1,5\nu2,i2,4\n");
        Path second = write("week2.csv", "user_id,item_id,rating\nu3,i1,3\nu1,i3,bad\n");

        vm.chooseFiles(List.of(first, second));

        assertThat(vm.chosenFiles()).containsExactly(first, second);
        assertThat(vm.sourceNameProperty().get()).isEqualTo("week1");
        assertThat(vm.jobs()).extracting(j -> j.spec().mode()).containsExactly(ImportMode.NEW, ImportMode.APPEND);
        vm.next();
        vm.next();
        vm.next();
        assertThat(vm.stepProperty().get()).isEqualTo(WizardStep.CHECK);
        Importer.DryRun dry = vm.checkResultProperty().get();
        assertThat(dry.result().rowsRead()).isEqualTo(4);
        assertThat(dry.result().rowsStored()).isEqualTo(3);
        assertThat(dry.rejects()).singleElement().satisfies(r -> {
            assertThat(r.file()).isEqualTo("week2.csv");
            assertThat(r.line()).isEqualTo(3);
        });
        assertThat(ProjectContents.of(store).datasets()).as("a check stores nothing").isEmpty();

        vm.chooseFiles(List.of(first, second, first));
        assertThat(vm.problems()).contains("week1.csv is chosen twice: it would be imported twice");
        vm.chooseFile(second);
        assertThat(vm.moreFiles()).as("one file chosen again: the others are dropped").isEmpty();
    }

    @Test
    void overridingDelimiterAndEncodingRefreshesThePreview() throws Exception {
        Path file = dir.resolve("items.csv");
        Files.write(file, "id;title;price\n1;Caf\u00e9 cup;3.5\n2;Mug;4\n3;Plate;6\n".getBytes(StandardCharsets.ISO_8859_1));
        vm.chooseFile(file);
        assertThat(vm.format().delimiterProperty().get()).isEqualTo(";");
        assertThat(vm.previewHeader()).containsExactly("id", "title", "price");

        vm.format().delimiterProperty().set(",");
        assertThat(vm.previewHeader()).containsExactly("id;title;price");
        assertThat(vm.columns()).hasSize(1);

        vm.format().delimiterProperty().set(";");
        vm.format().encodingProperty().set("ISO-8859-1");
        assertThat(vm.encodingUsedProperty().get()).startsWith("ISO-8859-1");
        assertThat(vm.previewRows().get(0).values()).containsExactly("1", "Caf\u00e9 cup", "3.5");

        vm.format().headerProperty().set(false);
        assertThat(vm.previewHeader()).containsExactly("Column 1", "Column 2", "Column 3");
        assertThat(vm.previewRows().get(0).values()).containsExactly("id", "title", "price");
    }

    @Test
    void aMissingRequiredRoleOrAnExistingSourceIsAProblemThatStopsTheWizard() throws Exception {
        Path file = write("ratings.csv", "user_id,item_id,rating\nu1,i1,5\nu2,i2,4\n");
        vm.chooseFile(file);
        vm.next();
        vm.next();
        assertThat(vm.stepProperty().get()).isEqualTo(WizardStep.COLUMNS);
        assertThat(vm.problems()).isEmpty();

        vm.columns().get(1).roleProperty().set(ColumnRole.IGNORE);
        assertThat(vm.problems()).singleElement().asString().contains("ITEM_ID");
        assertThat(vm.canGoNextProperty().get()).isFalse();
        vm.next();
        assertThat(vm.stepProperty().get()).isEqualTo(WizardStep.COLUMNS);

        vm.columns().get(1).roleProperty().set(ColumnRole.ITEM_ID);
        vm.columns().get(2).roleProperty().set(ColumnRole.ITEM_ID);
        assertThat(vm.problems()).singleElement().asString().contains("Only one column can have the role ITEM_ID");

        vm.columns().get(2).roleProperty().set(ColumnRole.RATING);
        new Importer(store).run(vm.spec(), file, TaskMonitor.none());
        ImportWizardViewModel again = newViewModel();
        again.datasetProperty().set(vm.datasetProperty().get());
        again.chooseFile(file);
        assertThat(again.problems()).singleElement().asString().contains("already has a source 'ratings'");
        again.modeProperty().set(ImportMode.APPEND);
        assertThat(again.problems()).isEmpty();
    }

    @Test
    void theCheckCountsRejectsWithLineAndColumnAndStoresNothing() throws Exception {
        Path file = write("ratings.csv", "user_id,item_id,rating\nu1,i1,5\nu1,i1,4\nu2,i2,abc\nu3,i3\n");
        vm.chooseFile(file);
        vm.next();
        vm.next();
        // 'abc' makes the sample's third column look like text: the user says it is the rating
        vm.columns().get(2).roleProperty().set(ColumnRole.RATING);
        vm.next();

        assertThat(vm.stepProperty().get()).isEqualTo(WizardStep.CHECK);
        assertThat(vm.checkErrorProperty().get()).isNull();
        Importer.DryRun dry = vm.checkResultProperty().get();
        assertThat(dry.result().rowsAccepted()).isEqualTo(2);
        assertThat(dry.result().rowsDuplicate()).isEqualTo(1);
        assertThat(dry.rejects()).hasSize(2);
        assertThat(dry.rejects().get(0).line()).isEqualTo(4);
        assertThat(dry.rejects().get(0).column()).isEqualTo(3);
        assertThat(vm.canImportProperty().get()).isTrue();
        assertThat(ProjectContents.of(store).datasets()).isEmpty();
    }

    @Test
    void aCheckThatWouldAbortShowsFileLineAndColumn() throws Exception {
        Path file = write("ratings.csv", "user_id,item_id,rating\nu1,i1,5\nu2,i2,abc\n");
        vm.chooseFile(file);
        vm.next();
        vm.next();
        vm.columns().get(2).roleProperty().set(ColumnRole.RATING);
        vm.onErrorProperty().set(org.recblend.ingest.ErrorPolicy.ABORT);
        vm.next();

        assertThat(vm.checkErrorProperty().get()).startsWith("File ratings.csv, line 3, column 3 (rating)").contains("abc");
        assertThat(vm.canImportProperty().get()).isFalse();
        vm.back();
        assertThat(vm.stepProperty().get()).isEqualTo(WizardStep.COLUMNS);
    }

    @Test
    void theMovieLensPresetMapsUItem() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("ml"));
        Files.writeString(folder.resolve("u.data"), "1\t1\t5\t874965758\n");
        Files.writeString(folder.resolve("u.user"), "1|24|M|technician|85711\n");
        Path item = folder.resolve("u.item");
        Files.write(item, ("1|Toy Story (1995)|01-Jan-1995||http://x|0|0|0|1|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0\n"
                + "2|GoldenEye (1995)|01-Jan-1995||http://y|0|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0|1|0|0\n").getBytes(StandardCharsets.ISO_8859_1));
        vm.chooseFile(item);
        vm.presetProperty().set(Presets.require("movielens-100k"));

        vm.applyPreset();

        assertThat(vm.presetMessageProperty().get()).contains("Applied");
        assertThat(vm.choiceProperty().get()).isEqualTo(SourceChoice.ITEM_CONTENT);
        assertThat(vm.sourceNameProperty().get()).isEqualTo("items");
        assertThat(vm.format().encodingProperty().get()).isEqualTo("ISO-8859-1");
        assertThat(vm.columns().get(1).roleProperty().get()).isEqualTo(ColumnRole.ITEM_TEXT);
        assertThat(vm.columns().get(5).roleProperty().get()).isEqualTo(ColumnRole.CATEGORY_FLAG);
        assertThat(vm.columns().get(5).nameProperty().get()).isEqualTo("unknown");
        assertThat(vm.spec().kind()).isEqualTo(SourceKind.ITEM_CONTENT);
        assertThat(vm.problems()).isEmpty();
    }

    @Test
    void aPresetThatDoesNotReadTheFileSaysWhichFilesItReads() throws Exception {
        Path file = write("ratings.csv", "user_id,item_id,rating\nu1,i1,5\n");
        vm.chooseFile(file);
        vm.presetProperty().set(Presets.require("movielens-100k"));
        vm.applyPreset();
        assertThat(vm.presetMessageProperty().get()).contains("cannot be applied").contains("u.data");
    }

    @Test
    void contextMapsTheFewValuedColumnsToContext() throws Exception {
        Path file = write("events.csv", "user_id,item_id,timestamp,device\nu1,i1,1705252702,phone\nu2,i2,1705252703,till\n");
        vm.choiceProperty().set(SourceChoice.CONTEXT);
        vm.chooseFile(file);
        assertThat(roles()).contains(ColumnRole.CONTEXT);
        assertThat(vm.spec().kind()).isEqualTo(SourceKind.BEHAVIOUR);
    }

    @Test
    void anEmptyOrMissingFileIsAClearError() throws Exception {
        vm.chooseFile(write("empty.csv", ""));
        assertThat(vm.previewRows()).isEmpty();
        assertThat(vm.canGoNextProperty().get()).isFalse();

        vm.chooseFile(dir.resolve("missing.csv"));
        assertThat(vm.previewErrorProperty().get()).contains("missing.csv");
        assertThat(vm.canGoNextProperty().get()).isFalse();
    }

    @Test
    void reimportTakesTheStoredSpecAndReplaces() throws Exception {
        Path file = write("ratings.csv", "user_id,item_id,rating\nu1,i1,5\n");
        vm.chooseFile(file);
        new Importer(store).run(vm.spec(), file, TaskMonitor.none());
        ImportWizardViewModel again = newViewModel();
        SourceInfo stored = again.sources().get(0);

        again.reimport(stored);

        assertThat(again.modeProperty().get()).isEqualTo(ImportMode.REPLACE);
        assertThat(again.fileProperty().get()).isEqualTo(file.toAbsolutePath());
        assertThat(again.columns().get(0).roleProperty().get()).isEqualTo(ColumnRole.USER_ID);
        assertThat(again.problems()).isEmpty();
    }
}
