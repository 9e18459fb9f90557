package org.recblend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.Launcher;
import org.recblend.sample.RetailSampleGenerator;
import org.recblend.sample.SampleSpec;
import org.recblend.store.ProjectStore;
import org.recblend.store.ProjectSummary;
import org.recblend.task.TaskMonitor;

/** Stops a real {@code recblend import} half way with a signal: the project must stay as it was. */
class ImportInterruptTest {
    @TempDir
    Path dir;

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "no SIGTERM: destroy() kills at once there")
    void aTerminatedImportLeavesTheProjectAsItWas() throws Exception {
        Path data = dir.resolve("data");
        new RetailSampleGenerator(new SampleSpec(2_000, 1_000, 150_000, 9)).writeTo(data, TaskMonitor.none());
        Path project = dir.resolve("shop");
        Path mappings = Path.of("sample-projects", "retail", "import");
        assertThat(CliRun.of("import", "--project", project.toString(), "-q", "--mapping",
                mappings.resolve("users.json").toString(), "--file", data.resolve("users.csv").toString()).exitCode()).isZero();
        ProjectSummary before = summary(project);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                "import", "--project", project.toString(), "--mapping", mappings.resolve("purchases.json").toString(),
                "--file", data.resolve("purchases.csv").toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                lines.add(line);
                if (line.contains("Importing purchases.csv")) {
                    process.toHandle().destroy();  // SIGTERM: the shutdown hook cancels as Ctrl-C does
                }
            }
        } finally {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        assertThat(lines).as("stderr").contains("Cancelling: waiting for the work to roll back...", "Cancelled.");
        assertThat(process.exitValue()).isEqualTo(143);
        assertThat(summary(project).datasets()).isEqualTo(before.datasets());
    }

    private static ProjectSummary summary(Path project) throws Exception {
        try (ProjectStore store = ProjectStore.open(project)) {
            return ProjectSummary.of(store);
        }
    }
}
