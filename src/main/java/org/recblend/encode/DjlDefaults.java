package org.recblend.encode;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * DJL's settings that the workbench decides before any DJL class runs. DJL never goes to the
 * network ({@code ai.djl.offline}): every engine and model ships in the program. The installed
 * program ({@value #INSTALLED_PROPERTY}, set by the installer's launcher) also moves DJL's cache,
 * where PyTorch's native libraries are unpacked on first use (about 430 MB), from {@code ~/.djl.ai}
 * into the workbench home, so that everything the program writes is in one folder of the user's
 * home. A source checkout keeps DJL's default, which the test suite shares.
 */
public final class DjlDefaults {
    /** Set to {@code true} by the installed program's launcher (installer/build-image.sh). */
    public static final String INSTALLED_PROPERTY = "recblend.installed";
    /** DJL reads its cache folder from this environment variable or system property. */
    static final String CACHE_KEY = "DJL_CACHE_DIR";
    static final String OFFLINE_PROPERTY = "ai.djl.offline";

    private DjlDefaults() {
    }

    /**
     * Applies the defaults that nobody set: offline always; for the installed program, the cache in
     * {@code <workbench home>/djl} unless {@code DJL_CACHE_DIR} is set (environment or property).
     *
     * @param env the process environment (a parameter so tests need not change it)
     * @return the cache folder set, if this call set one
     */
    public static Optional<Path> apply(Map<String, String> env) {
        if (System.getProperty(OFFLINE_PROPERTY) == null) {
            System.setProperty(OFFLINE_PROPERTY, "true");
        }
        boolean configured = isSet(env.get(CACHE_KEY)) || isSet(System.getProperty(CACHE_KEY));
        if (!Boolean.getBoolean(INSTALLED_PROPERTY) || configured) {
            return Optional.empty();
        }
        Path cache = WorkbenchHome.dir().resolve("djl").toAbsolutePath();
        System.setProperty(CACHE_KEY, cache.toString());
        return Optional.of(cache);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
