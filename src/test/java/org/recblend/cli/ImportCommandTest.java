package org.recblend.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recblend.cli.CliTest.cells;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.store.ProjectStore;
import org.recblend.store.ProjectSummary;
import org.recblend.testutil.SharedData;
import org.recblend.testutil.SmallSample;

/** {@code recblend import} with mapping files and presets, good and bad input. */
class ImportCommandTest {
    static final Path MAPPINGS = Path.of("sample-projects", "retail", "import");

    @TempDir
    static Path shared;
    static Path data;

    @TempDir
    Path dir;

    @BeforeAll
    static void smallSample() throws Exception {
        data = SmallSample.write(shared.resolve("sample")).resolve("data");
    }

    @Test
    void aMappingFileImportsOneSourceIntoANewProject() throws Exception {
        Path project = dir.resolve("shop");
        CliRun run = CliRun.of("import", "--project", project.toString(),
                "--mapping", MAPPINGS.resolve("purchases.json").toString(), "--file", data.resolve("purchases.csv").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(cells(run.out(), "retail", "purchases"))
                .containsExactly("retail", "purchases", "BEHAVIOUR", "purchases.csv", "2,000", "2,000", "0", "0", "2,000", "200", "100");
        assertThat(run.out()).contains("Imported 1 source into " + dir.resolve("shop.mv.db"));
        assertThat(run.err()).contains(" 100% ");

        CliRun again = CliRun.of("import", "--project", project.toString(), "--dataset", "copy", "-q",
                "--mapping", MAPPINGS.resolve("users.json").toString(), "--file", data.resolve("users.csv").toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        try (ProjectStore store = ProjectStore.open(project)) {
            ProjectSummary summary = ProjectSummary.of(store);
            assertThat(summary.dataset("retail").orElseThrow().sources()).hasSize(1);
            assertThat(summary.dataset("copy").orElseThrow().users()).isEqualTo(200);
        }
    }

    @Test
    void badRowsAreSkippedAndReportedByDefault() throws Exception {
        Path csv = badRatings();
        Path project = dir.resolve("skip");
        CliRun run = CliRun.of("import", "--project", project.toString(), "-q",
                "--mapping", MAPPINGS.resolve("purchases.json").toString(), "--file", csv.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(cells(run.out(), "retail", "purchases").subList(4, 7)).containsExactly("4", "3", "1");
        assertThat(run.out()).contains("1 rows were rejected and skipped; the reject report is kept in the project: see 'recblend info "
                + project + " --rejects 20'.");
        CliRun info = CliRun.of("info", project.toString(), "--rejects", "5");
        assertThat(info.out()).contains("Rejected rows of retail/purchases (" + csv + "):").containsPattern("(?m)^\\s*3\\s+.*abc");
    }

    @Test
    void withAbortABadRowStopsTheImportWithExit4AndStoresNothing() throws Exception {
        Path csv = badRatings();
        Path fresh = dir.resolve("fresh");
        CliRun run = CliRun.of("import", "--project", fresh.toString(), "--on-error", "abort", "-q",
                "--mapping", MAPPINGS.resolve("purchases.json").toString(), "--file", csv.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines()[0]).startsWith("Error: ").contains("bad.csv", "line 3", "abc");
        assertThat(dir.resolve("fresh.mv.db")).as("the project the import created is removed again").doesNotExist();
        assertThat(dir.resolve("fresh.artifacts")).doesNotExist();

        Path existing = dir.resolve("existing");
        assertThat(CliRun.of("import", "--project", existing.toString(), "-q", "--mapping",
                MAPPINGS.resolve("users.json").toString(), "--file", data.resolve("users.csv").toString()).exitCode()).isZero();
        ProjectSummary before = summary(existing);
        CliRun abort = CliRun.of("import", "--project", existing.toString(), "--on-error", "abort", "-q",
                "--mapping", MAPPINGS.resolve("purchases.json").toString(), "--file", csv.toString());
        assertThat(abort.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(summary(existing).datasets()).isEqualTo(before.datasets());
    }

    @Test
    void aSecondImportOfTheSameSourceNeedsAModeThatSaysWhatToDo() throws Exception {
        Path project = dir.resolve("twice");
        String[] users = {"import", "--project", project.toString(), "-q",
            "--mapping", MAPPINGS.resolve("users.json").toString(), "--file", data.resolve("users.csv").toString()};
        assertThat(CliRun.of(users).exitCode()).isZero();
        CliRun again = CliRun.of(users);
        assertThat(again.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(again.errLines()).hasSize(1);
        assertThat(again.errLines()[0]).contains("customers");

        String[] replace = Arrays.copyOf(users, users.length + 2);
        replace[users.length] = "--mode";
        replace[users.length + 1] = "replace";
        CliRun replaced = CliRun.of(replace);
        assertThat(replaced.exitCode()).as(replaced.err()).isZero();
        ProjectSummary.SourceSummary customers = summary(project).dataset("retail").orElseThrow().sources().get(0);
        assertThat(customers.users()).isEqualTo(200);
    }

    @Test
    void aPresetImportsAWholeFolder() {
        Path filmtrust = SharedData.dir("filmtrust");
        Path project = dir.resolve("films");
        CliRun run = CliRun.of("import", "--project", project.toString(), "--preset", "filmtrust",
                "--folder", filmtrust.toString(), "--dataset", "ft", "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Imported 2 sources");
        CliRun info = CliRun.of("info", project.toString());
        assertThat(cells(info.out(), "ft", "(dataset)").get(4)).as("rating rows").isEqualTo("35,497");
        assertThat(cells(info.out(), "ft", "(dataset)").get(7)).as("trust edges").isEqualTo("1,853");
    }

    @Test
    void namesThatCannotWorkAreUsageErrorsAndCreateNoProject() throws Exception {
        Path project = dir.resolve("p");
        CliRun preset = CliRun.of("import", "--project", project.toString(), "--preset", "netflix", "--folder", dir.toString());
        assertThat(preset.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(preset.errLines()[0]).startsWith("Error: Unknown preset 'netflix' (known: ").contains("movielens-100k");

        CliRun folder = CliRun.of("import", "--project", project.toString(), "--preset", "filmtrust", "--folder", dir.resolve("none").toString());
        assertThat(folder.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(folder.errLines()[0]).isEqualTo("Error: The folder " + dir.resolve("none") + " does not exist.");

        CliRun mapping = CliRun.of("import", "--project", project.toString(), "--mapping", "nope.json", "--file", "x.csv");
        assertThat(mapping.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(mapping.err()).contains("The mapping file nope.json does not exist");

        CliRun both = CliRun.of("import", "--project", project.toString(), "--preset", "filmtrust", "--folder", dir.toString(),
                "--mapping", "a.json", "--file", "b.csv");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("mutually exclusive");

        CliRun half = CliRun.of("import", "--project", project.toString(), "--preset", "filmtrust");
        assertThat(half.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(half.err()).contains("--folder");

        CliRun policy = CliRun.of("import", "--project", project.toString(), "--on-error", "ignore",
                "--mapping", "a.json", "--file", "b.csv");
        assertThat(policy.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(policy.err()).contains("skip", "abort");
        assertThat(dir.resolve("p.mv.db")).doesNotExist();
    }

    @Test
    void aMappingFileWithATypoIsBadInputNamingTheLine() throws Exception {
        Path spec = Files.writeString(dir.resolve("typo.json"), Files.readString(MAPPINGS.resolve("users.json"))
                .replace("\"sourceName\"", "\"sourcename\""));
        CliRun run = CliRun.of("import", "--project", dir.resolve("t").toString(), "--mapping", spec.toString(),
                "--file", data.resolve("users.csv").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines()[0]).contains("typo.json", "line 3", "unknown field 'sourcename'");
        assertThat(dir.resolve("t.mv.db")).doesNotExist();
    }

    @Test
    void aFileThatIsNotAProjectIsRefusedWithExit3() throws Exception {
        Path fake = Files.writeString(dir.resolve("notes.mv.db"), "user,item,rating\n1,2,3\n".repeat(500));
        CliRun run = CliRun.of("import", "--project", fake.toString(), "--mapping", MAPPINGS.resolve("users.json").toString(),
                "--file", data.resolve("users.csv").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROJECT);
        assertThat(Files.readString(fake)).startsWith("user,item,rating");
    }

    /** A purchases file whose third line has a rating that is not a number. */
    private Path badRatings() throws Exception {
        return Files.writeString(dir.resolve("bad.csv"), """
                user_id,item_id,rating,timestamp,channel,device
                1,10,5,1704067200,web,desktop
                1,11,abc,1704067300,web,desktop
                2,10,4,1704067400,app,mobile
                3,12,2,1704067500,store,till
                """);
    }

    private static ProjectSummary summary(Path project) throws Exception {
        try (ProjectStore store = ProjectStore.open(project)) {
            return ProjectSummary.of(store);
        }
    }
}
