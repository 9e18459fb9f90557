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
import org.junit.jupiter.api.io.TempDir;
import org.recblend.Launcher;

/** Stops a real {@code recblend} process half way, as Ctrl-C or a kill would, and checks it cleans up. */
class InterruptTest {
    @TempDir
    Path dir;

    @Test
    void aTerminatedSampleGenerationLeavesNoFilesBehind() throws Exception {
        Path out = dir.resolve("big-sample");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Launcher.class.getName(), "sample", "generate", "--users", "10000", "--items", "5000",
                "--interactions", "3000000", "--out", out.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                lines.add(line);
                if (line.contains("Purchases of customer")) {
                    process.toHandle().destroy();  // SIGTERM, which runs the shutdown hooks as Ctrl-C does; keeps our pipes open
                }
            }
        } finally {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        assertThat(lines).as("stderr").contains("Cancelling: waiting for the work to roll back...", "Cancelled.");
        assertThat(process.exitValue()).as("exit code after SIGTERM (128 + 15)").isEqualTo(143);
        assertThat(out).as("a cancelled run leaves no folder it created").doesNotExist();
    }
}
