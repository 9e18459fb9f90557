package org.recblend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.testutil.SharedData;

class BenchModelsCommandTest {
    @TempDir
    Path dir;

    /** Popularity alone on the real data (seconds); a kind that is not installed is listed as skipped. */
    @Test
    void writesTheTableSectionForTheRealData() throws Exception {
        Path data = SharedData.dir("ml-100k");
        Path md = dir.resolve("BENCHMARKS.md");
        Files.writeString(md, "# Benchmarks\n\n## Sample generator (x)\n\nkept\n\n## Models on MovieLens 100K\n\nold table\n\n## Later\n\nalso kept\n");
        CliRun run = CliRun.of("bench", "models", "--data", data.toString(), "--models", "train.popularity,train.nothing",
                "--record", md.toString(), "-q");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        String text = Files.readString(md, StandardCharsets.UTF_8);
        assertThat(text).contains("kept", "also kept").doesNotContain("old table");
        assertThat(text.indexOf("## Models on MovieLens 100K")).isEqualTo(text.lastIndexOf("## Models on MovieLens 100K"));
        assertThat(text).containsPattern("\\| Popularity \\| 0\\.2\\d\\d \\| 0\\.1\\d\\d \\| 0\\.2[3-7]\\d \\|");
        assertThat(text).contains("74,887 training and 25,113 test ratings");
        assertThat(text).contains("train.nothing`): node kind train.nothing is not installed");
        assertThat(run.out()).contains("## Models on MovieLens 100K");
    }

    @Test
    void aMissingDataFolderIsAUsageError() {
        CliRun run = CliRun.of("bench", "models", "--data", dir.resolve("nowhere").toString(), "--no-record", "-q");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("nowhere").contains("u.data");
    }

    @Test
    void aFolderWithoutRatingsIsBadInput() {
        CliRun run = CliRun.of("bench", "models", "--data", dir.toString(), "--no-record", "-q");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("u.data").contains(dir.toString());
    }

    @Test
    void aBadRatingLineNamesFileAndLine() throws Exception {
        Files.writeString(dir.resolve("u.data"), "1\t2\t5\t881250949\n1\t3\tfive\t881250950\n");
        Files.writeString(dir.resolve("u.item"), "2|Toy Story (1995)|01-Jan-1995||http://x|0|0|0|1|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0\n");
        Files.writeString(dir.resolve("u.user"), "1|24|M|technician|85711\n");
        CliRun run = CliRun.of("bench", "models", "--data", dir.toString(), "--no-record", "-q");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("u.data, line 2");
    }

    @Test
    void markdownSectionIsAppendedWhenMissing() throws Exception {
        Path md = dir.resolve("B.md");
        Files.writeString(md, "# Benchmarks\n\n## Other\n\ntext\n");
        MarkdownSections.replace(md, "## New\n\nrow\n");
        assertThat(Files.readString(md)).isEqualTo("# Benchmarks\n\n## Other\n\ntext\n\n## New\n\nrow\n");
        MarkdownSections.replace(md, "## New\n\nrow 2\n");
        assertThat(Files.readString(md)).isEqualTo("# Benchmarks\n\n## Other\n\ntext\n\n## New\n\nrow 2\n");
    }
}
