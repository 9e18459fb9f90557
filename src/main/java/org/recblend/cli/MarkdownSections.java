package org.recblend.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Replaces one {@code ## } section of a Markdown file (from its heading to the next {@code ## }
 * heading), or appends it when the file lacks it, so a benchmark table stays one current table.
 */
final class MarkdownSections {
    private MarkdownSections() {
    }

    /** Writes {@code section}, which starts with its own {@code ## heading} line. */
    static void replace(Path file, String section) throws IOException {
        String heading = section.lines().findFirst().orElseThrow().trim();
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8)
                : "# Benchmarks\n\nFigures written by `recblend bench ...` (see docs/cli.md).\n";
        String body = section.endsWith("\n") ? section : section + "\n";
        int start = findHeading(text, heading);
        String result;
        if (start < 0) {
            result = text + (text.endsWith("\n\n") ? "" : text.endsWith("\n") ? "\n" : "\n\n") + body;
        } else {
            int next = text.indexOf("\n## ", start + heading.length());
            result = text.substring(0, start) + body + (next < 0 ? "" : "\n" + text.substring(next + 1));
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, result, StandardCharsets.UTF_8);
    }

    private static int findHeading(String text, String heading) {
        if (text.startsWith(heading + "\n")) {
            return 0;
        }
        int at = text.indexOf("\n" + heading + "\n");
        return at < 0 ? -1 : at + 1;
    }
}
