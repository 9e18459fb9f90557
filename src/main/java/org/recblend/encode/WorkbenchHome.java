package org.recblend.encode;

import java.nio.file.Path;

/**
 * The user's workbench folder ({@code ~/.recblend}, or the {@code recblend.home} property): user-level
 * files such as the model files extracted from the jars live here, never in a project.
 */
public final class WorkbenchHome {
    private WorkbenchHome() {
    }

    /** The folder, resolved as the shell resolves it (it need not exist yet). */
    public static Path dir() {
        return Path.of(System.getProperty("recblend.home", Path.of(System.getProperty("user.home"), ".recblend").toString()));
    }

    /** The system property naming the cache folder (the workbench's preferences set it). */
    public static final String CACHE_PROPERTY = "recblend.cache";

    /** Where large re-creatable files (the extracted model files) go: {@value #CACHE_PROPERTY}, else the home. */
    public static Path cacheDir() {
        String configured = System.getProperty(CACHE_PROPERTY);
        return configured == null || configured.isBlank() ? dir() : Path.of(configured.strip());
    }
}
