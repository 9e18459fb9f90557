package org.recblend.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Appends benchmark figures to a Markdown log (docs/BENCHMARKS.md), each run a section with the
 * date and the machine, so figures can be compared over time.
 */
final class BenchmarkLog {
    static final Path DEFAULT = Path.of("docs", "BENCHMARKS.md");

    private BenchmarkLog() {
    }

    /** Appends a section; creates the file with a title when it is new. */
    static void append(Path file, String title, List<String> lines) throws IOException {
        StringBuilder text = new StringBuilder();
        if (!Files.exists(file)) {
            text.append("# Benchmarks\n\nFigures appended by `recblend bench ...` (see docs/cli.md).\n");
        }
        text.append("\n## ").append(title).append(" (")
                .append(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                .append(")\n\n")
                .append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(Runtime.version()).append(", max heap ")
                .append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MB.\n\n");
        for (String line : lines) {
            text.append(line).append('\n');
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
