package org.recblend.store;

import java.nio.file.Path;

/**
 * Where a project's parts live. A project is the H2 file {@code NAME.mv.db} (H2 always adds that
 * suffix) and the folder {@code NAME.artifacts} beside it for model files and cached outputs. The
 * user may name a project by either the base path or the {@code .mv.db} file.
 */
public record ProjectPaths(Path base) {
    public static final String H2_SUFFIX = ".mv.db";
    public static final String ARTIFACTS_SUFFIX = ".artifacts";

    public static ProjectPaths of(Path given) {
        Path abs = given.toAbsolutePath().normalize();
        String name = abs.getFileName().toString();
        if (name.endsWith(H2_SUFFIX)) {
            abs = abs.resolveSibling(name.substring(0, name.length() - H2_SUFFIX.length()));
        }
        return new ProjectPaths(abs);
    }

    public Path databaseFile() {
        return base.resolveSibling(base.getFileName() + H2_SUFFIX);
    }

    public Path artifactsDir() {
        return base.resolveSibling(base.getFileName() + ARTIFACTS_SUFFIX);
    }

    public String name() {
        return base.getFileName().toString();
    }

    String jdbcUrl(String options) {
        return "jdbc:h2:file:" + base.toString().replace('\\', '/') + options;
    }
}
