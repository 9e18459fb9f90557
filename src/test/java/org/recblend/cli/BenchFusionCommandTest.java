package org.recblend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.testutil.SharedData;

class BenchFusionCommandTest {
    @TempDir
    Path dir;

    /**
     * A quick cold-start configuration on the real ML-100K with plots (TF-IDF only, 1 split, 2
     * epochs): the section has its rows, BPR cannot rank cold items, text features can. 31 s on the
     * shared 2-core machine at load 5, about two minutes at load 14 (import, TF-IDF, three trainings),
     * hence tagged as a benchmark (excluded from {@code mvn verify}).
     */
    @Test
    @Tag("benchmark")
    void quickColdStartWritesItsSection() throws Exception {
        Path plots = SharedData.dir("ml-100k-plots");
        Path md = dir.resolve("BENCHMARKS.md");
        Files.writeString(md, "# Benchmarks\n\n## Fusion ablation: item cold start on ML-100K with plots\n\nold table\n\n"
                + "## Later\n\nkept\n");
        CliRun run = CliRun.of("bench", "fusion", "--plots", plots.toString(), "--only", "coldstart", "--text", "tfidf",
                "--seeds", "1", "--epochs", "2", "--record", md.toString(), "-q");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        String text = Files.readString(md, StandardCharsets.UTF_8);
        assertThat(text).contains("kept").doesNotContain("old table").doesNotContain("## Fusion ablation: Amazon");
        assertThat(text).contains("(336 cold items; split seeds 42)", "**2 epochs** (a quick run");
        assertThat(text).containsPattern("\\| BPR alone \\| 0\\.[45]\\d\\d \\| 0\\.\\d{3} \\|");
        // text features rank cold items above chance even after two epochs (0.63 AUC when measured)
        assertThat(text).containsPattern("\\| Hybrid, TF-IDF text only \\| 0\\.(5[6-9]|[6-9]\\d)\\d \\|");
        assertThat(text).containsPattern("\\| Hybrid, TF-IDF text only \\| 0\\.\\d{3} \\| 0\\.\\d{3} \\|");
        assertThat(text).containsPattern("\\| Hybrid, TF-IDF text \\+ release year \\| 0\\.\\d{3} \\| 0\\.\\d{3} \\|");
        assertThat(text).contains("| *Reference, TF-IDF + release year* | *0.777* | *0.269* | |");
        assertThat(text).doesNotContain("MiniLM text only |");
        assertThat(run.out()).contains("## Fusion ablation: item cold start on ML-100K with plots");
    }

    @Test
    void missingDataFoldersAreSkippedWithANote() throws Exception {
        Path md = dir.resolve("B.md");
        Files.writeString(md, "# Benchmarks\n");
        CliRun run = CliRun.of("bench", "fusion", "--only", "amazon,lastfm", "--amazon", dir.resolve("no-amazon").toString(),
                "--lastfm", dir.resolve("no-lastfm").toString(), "--record", md.toString(), "-q");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        String text = Files.readString(md, StandardCharsets.UTF_8);
        assertThat(text).contains("## Fusion ablation: Amazon Scientific (item text)", "## Fusion ablation: Last.fm sparse users")
                .contains("Skipped: no folder " + dir.resolve("no-amazon").toAbsolutePath())
                .contains("Skipped: no folder " + dir.resolve("no-lastfm").toAbsolutePath())
                .doesNotContain("cold start");
    }

    @Test
    void anUnknownPartIsAUsageError() {
        CliRun run = CliRun.of("bench", "fusion", "--only", "movies", "--no-record", "-q");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--only").contains("movies").contains("coldstart");
    }

    @Test
    void badSeedsAndEpochsAreUsageErrors() {
        CliRun seeds = CliRun.of("bench", "fusion", "--seeds", "0", "--no-record", "-q");
        assertThat(seeds.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(seeds.err()).contains("--seeds must be between 1 and 100, not 0");
        CliRun epochs = CliRun.of("bench", "fusion", "--epochs", "-3", "--no-record", "-q");
        assertThat(epochs.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(epochs.err()).contains("--epochs must be between 1 and 10000, not -3");
        CliRun text = CliRun.of("bench", "fusion", "--text", "bert", "--no-record", "-q");
        assertThat(text.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(text.err()).contains("bert").contains("minilm");
    }
}
