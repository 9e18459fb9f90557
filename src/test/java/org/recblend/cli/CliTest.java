package org.recblend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.recblend.ingest.ImportException;
import org.recblend.store.ProjectException;
import org.recblend.store.ProjectStore;
import org.recblend.task.CancelledException;
import org.recblend.testutil.SmallProject;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class CliTest {
    @TempDir
    Path dir;

    @Test
    void helpListsTheCommandsAndTheExitCodes() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("info", "sample", "bench", "Exit codes:", "--verbose");
        for (int code : new int[] {ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE, ExitCodes.PROJECT,
            ExitCodes.BAD_INPUT, ExitCodes.CANCELLED}) {
            assertThat(run.out()).containsPattern("(?m)^\\s+" + code + "\\s+\\S");
        }
        assertThat(run.err()).isEmpty();
    }

    @Test
    void versionNamesTheWorkbenchAndTheSchema() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("RecBlend Workbench", "project schema " + ProjectStore.SCHEMA_VERSION);
    }

    @Test
    void noCommandIsABadUsage() {
        CliRun run = CliRun.of("--verbose");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Name a command");
    }

    @Test
    void anUnknownOptionIsABadUsageWithOneSentenceAndNoStackTrace() {
        CliRun run = CliRun.of("info", dir.resolve("p").toString(), "--colour");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).containsExactly("Error: Unknown option: '--colour'.",
                "Try 'recblend info --help' for more information.");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anUnknownCommandSuggestsTheNearestOne() {
        CliRun run = CliRun.of("inf");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Unmatched argument", "info");
    }

    @Test
    void infoOnAMissingProjectExitsWith3AndCreatesNothing() {
        CliRun run = CliRun.of("info", dir.resolve("nothing").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROJECT);
        assertThat(run.errLines()).containsExactly("Error: No project file at " + dir.resolve("nothing.mv.db") + ".");
        assertThat(dir.resolve("nothing.mv.db")).doesNotExist();
    }

    @Test
    void infoOnAFileThatIsNotAProjectExitsWith3() throws Exception {
        Path fake = dir.resolve("notes.mv.db");
        Files.writeString(fake, "user,item,rating\n1,2,3\n".repeat(500));
        CliRun run = CliRun.of("info", fake.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROJECT);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("notes.mv.db is not a RecBlend project");
    }

    @Test
    void infoOnTheDatabaseOfAnotherProgramExitsWith3() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("crm"), "sa", "")) {
            c.createStatement().execute("CREATE TABLE customers(id INT)");
        }
        CliRun run = CliRun.of("info", dir.resolve("crm").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROJECT);
        assertThat(run.err()).contains("is an H2 database but not a RecBlend project");
    }

    @Test
    void infoOnAProjectOfANewerVersionExitsWith3AndSaysSo() throws Exception {
        Path base = dir.resolve("future");
        try (ProjectStore store = ProjectStore.create(base)) {
            store.inTransaction(c -> c.createStatement().executeUpdate(
                    "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", \"script\","
                            + " \"installed_by\", \"execution_time\", \"success\") VALUES (99, '9', 'future', 'SQL', 'V9__f.sql', 'sa', 1, TRUE)"));
        }
        CliRun run = CliRun.of("info", base.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROJECT);
        assertThat(run.err()).contains("newer RecBlend Workbench");
    }

    @Test
    void verboseAddsTheStackTrace() {
        CliRun run = CliRun.of("--verbose", "info", dir.resolve("nothing").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROJECT);
        assertThat(run.errLines()[0]).startsWith("Error: No project file at");
        assertThat(run.err()).contains("org.recblend.store.ProjectException", "\tat org.recblend.store.ProjectStore.open");

        CliRun after = CliRun.of("info", dir.resolve("nothing").toString(), "--verbose");
        assertThat(after.err()).contains("\tat org.recblend.store.ProjectStore.open");
    }

    @Test
    void infoShowsTheFiguresOfEverySourceAndDataset() throws Exception {
        Path base = dir.resolve("shop");
        try (ProjectStore store = ProjectStore.create(base)) {
            SmallProject.fill(store);
        }
        CliRun run = CliRun.of("info", base.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Project shop (" + dir.resolve("shop.mv.db") + "), schema " + ProjectStore.SCHEMA_VERSION);
        assertThat(cells(run.out(), "shop", "purchases"))
                .containsExactly("shop", "purchases", "BEHAVIOUR", "3", "4", "6", "0", "0", "0", "8", "2");
        assertThat(cells(run.out(), "shop", "catalogue"))
                .containsExactly("shop", "catalogue", "ITEM_CONTENT", "0", "5", "0", "3", "0", "0", "5", "0");
        assertThat(cells(run.out(), "shop", "customers")).containsExactly("shop", "customers", "USER_PROFILE",
                "4", "0", "0", "0", "0", "0", "4", "0");
        assertThat(cells(run.out(), "shop", "friends")).containsExactly("shop", "friends", "SOCIAL",
                "3", "0", "0", "0", "0", "3", "3", "0");
        assertThat(cells(run.out(), "shop", "reviews")).containsExactly("shop", "reviews", "USER_ITEM_TEXT",
                "2", "2", "0", "0", "2", "0", "2", "0");
        assertThat(cells(run.out(), "shop", "(dataset)"))
                .containsExactly("shop", "(dataset)", "4", "5", "6", "3", "2", "3", "22", "2");
        assertThat(cells(run.out(), "spare", "(dataset)"))
                .containsExactly("spare", "(dataset)", "0", "0", "0", "0", "0", "0", "0", "0");
        assertThat(run.out()).contains("2 rows were rejected at import; list them with --rejects N.");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void infoListsRejectedRowsOnRequest() throws Exception {
        Path base = dir.resolve("shop");
        try (ProjectStore store = ProjectStore.create(base)) {
            SmallProject.fill(store);
        }
        CliRun run = CliRun.of("info", base.toString(), "--rejects", "1");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Rejected rows of shop/purchases (purchases.csv):",
                "'abc' in column 3 (rating) is not a number");
        assertThat(run.out()).doesNotContain("expected 4 columns, found 3");
    }

    @Test
    void infoAsJsonCarriesTheSameFigures() throws Exception {
        Path base = dir.resolve("shop");
        try (ProjectStore store = ProjectStore.create(base)) {
            SmallProject.fill(store);
        }
        CliRun run = CliRun.of("info", "--json", base.toString());
        assertThat(run.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("file").asText()).isEqualTo(dir.resolve("shop.mv.db").toString());
        JsonNode shop = json.get("datasets").get(0);
        assertThat(shop.get("users").asLong()).isEqualTo(SmallProject.SHOP_USERS);
        assertThat(shop.get("sources").get(0).get("interactions").asLong()).isEqualTo(SmallProject.PURCHASES);
        assertThat(shop.get("sources").get(0).get("rowsRejected").asLong()).isEqualTo(SmallProject.PURCHASE_REJECTED);
    }

    @Test
    void infoOnAnEmptyProjectSaysHowToImport() throws Exception {
        ProjectStore.create(dir.resolve("empty")).close();
        CliRun run = CliRun.of("info", dir.resolve("empty.mv.db").toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("No data yet", "recblend import");
    }

    @Test
    void sampleGenerateWritesTheFilesAndReportsTheRows() throws Exception {
        Path out = dir.resolve("sample");
        CliRun run = CliRun.of("sample", "generate", "--users", "60", "--items", "20", "--interactions", "500",
                "--seed", "3", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(out.resolve("purchases.csv")).isRegularFile();
        assertThat(Files.readAllLines(out.resolve("purchases.csv"))).hasSize(501);
        assertThat(cells(run.out(), "purchases.csv")).containsExactly("purchases.csv", "500");
        assertThat(run.err()).contains(" 100% Done");
    }

    @Test
    void sampleGenerateRefusesImpossibleSizesAsBadUsage() {
        Path out = dir.resolve("sample");
        CliRun run = CliRun.of("sample", "generate", "--users", "10", "--items", "10", "--interactions", "1000",
                "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()[0])
                .isEqualTo("Error: interactions (1000) cannot exceed 50 for 10 users and 10 items: a user buys at most half of the items.");
        assertThat(out).doesNotExist();

        CliRun noOut = CliRun.of("sample", "generate");
        assertThat(noOut.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noOut.err()).contains("Missing required option: '--out=DIR'");

        CliRun notANumber = CliRun.of("sample", "generate", "--users", "many", "--out", out.toString());
        assertThat(notANumber.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(notANumber.err()).contains("'many' is not an int");
    }

    @Test
    void sampleGenerateIntoAFileFailsWithExit1() throws Exception {
        Path file = Files.writeString(dir.resolve("occupied"), "x");
        CliRun run = CliRun.of("sample", "generate", "--users", "20", "--items", "10", "--interactions", "40",
                "--out", file.toString(), "--quiet");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.errLines()).containsExactly("Error: " + file + " is a file, not a folder.",
                "Run again with --verbose to see the stack trace.");
    }

    @Test
    void benchGenerateRecordsItsFiguresInTheLog() throws Exception {
        Path log = dir.resolve("docs/BENCHMARKS.md");
        CliRun run = CliRun.of("bench", "generate", "--users", "100", "--items", "40", "--rows", "2000",
                "--record", log.toString(), "--quiet");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("Sample generator: 2,000 purchases \\(100 users x 40 items.* in \\d+\\.\\d s");
        String text = Files.readString(log);
        assertThat(text).startsWith("# Benchmarks").contains("## Sample generator (", "2,000 purchases");
        CliRun again = CliRun.of("bench", "generate", "--users", "100", "--items", "40", "--rows", "2000",
                "--record", log.toString(), "--quiet");
        assertThat(again.exitCode()).isZero();
        assertThat(Files.readString(log).split("## Sample generator", -1)).hasSize(3);
    }

    static Stream<Arguments> failures() {
        Stream<Arguments> projects = Arrays.stream(ProjectException.Reason.values())
                .map(r -> Arguments.of(new ProjectException(r, "Project problem " + r), ExitCodes.PROJECT));
        return Stream.concat(projects, Stream.of(
                Arguments.of(new CancelledException(), ExitCodes.CANCELLED),
                Arguments.of(new ImportException("x.csv, line 3, column 2 (rating): 'abc' is not a number", Path.of("x.csv"), 3, 2, "rating", null), ExitCodes.BAD_INPUT),
                Arguments.of(new IllegalStateException("Something broke"), ExitCodes.FAILED)));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void eachKindOfFailureHasItsExitCodeAndOneSentence(Exception failure, int expected) {
        CommandLine commandLine = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false);
        commandLine.addSubcommand("fail", new CommandLine(new Failing(failure)));
        CliRun run = CliRun.of(commandLine, "fail");
        assertThat(run.exitCode()).isEqualTo(expected);
        assertThat(run.errLines()[0]).isEqualTo("Error: " + failure.getMessage() + ".");
        assertThat(run.err()).doesNotContain("\tat ");
        if (expected == ExitCodes.FAILED) {
            assertThat(run.errLines()).hasSize(2);
        } else {
            assertThat(run.errLines()).hasSize(1);
        }
    }

    @Test
    void theWindowThatIsNotThereIsReportedNotThrown() {
        StringWriter err = new StringWriter();
        int code = GuiLauncher.launch("org.recblend.ui.NoSuchApp", new String[0], new PrintWriter(err, true));
        assertThat(code).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).contains("The workbench window is not part of this build", "recblend --help");

        StringWriter notFx = new StringWriter();
        assertThat(GuiLauncher.launch(CliTest.class.getName(), new String[0], new PrintWriter(notFx, true)))
                .isEqualTo(ExitCodes.FAILED);
        assertThat(notFx.toString()).contains("is not a JavaFX application");
    }

    /** The cells of the first output line whose cells start with the given ones. */
    static List<String> cells(String output, String... first) {
        return output.lines()
                .map(line -> List.of(line.trim().split("\\s{2,}")))
                .filter(c -> c.size() >= first.length && c.subList(0, first.length).equals(List.of(first)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No line starting with " + List.of(first) + " in:\n" + output));
    }

    @Command(name = "fail")
    static final class Failing implements Callable<Integer> {
        private final Exception failure;

        Failing(Exception failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            throw failure;
        }
    }
}
