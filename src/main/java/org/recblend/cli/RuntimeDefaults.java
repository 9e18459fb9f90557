package org.recblend.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.recblend.encode.WorkbenchHome;

/**
 * Settings the launcher decides before any DJL or JavaFX class runs. DJL never goes to the network
 * ({@code ai.djl.offline}): every engine and model ships in the program. The installed program
 * ({@value #INSTALLED_PROPERTY}, set by the installer's launcher) also moves the caches where DJL
 * unpacks PyTorch's native libraries (about 445 MB, default {@code ~/.djl.ai}), JavaFX its own
 * (default {@code ~/.openjfx}) and JNA its dispatch library (DJL's GPU probe; default
 * {@code ~/.cache/JNA}) into the workbench home, so that everything the program writes is in
 * one folder of the user's home. A source checkout keeps the libraries' defaults, which the test
 * suite shares.
 */
public final class RuntimeDefaults {
    /** Set to {@code true} by the installed program's launcher (installer/build-image.sh). */
    public static final String INSTALLED_PROPERTY = "recblend.installed";
    /** DJL reads its cache folder from this environment variable or system property. */
    static final String CACHE_KEY = "DJL_CACHE_DIR";
    static final String OFFLINE_PROPERTY = "ai.djl.offline";
    /** JavaFX's NativeLibLoader unpacks its libraries below this folder. */
    static final String JAVAFX_CACHE_PROPERTY = "javafx.cachedir";
    /** JNA unpacks its native library into this folder. */
    static final String JNA_TMP_PROPERTY = "jna.tmpdir";

    private RuntimeDefaults() {
    }

    /**
     * Applies the defaults that nobody set: offline always; for the installed program, DJL's cache in
     * {@code <workbench home>/djl} unless {@code DJL_CACHE_DIR} is set (environment or property), and
     * JavaFX's in {@code <workbench home>/openjfx} and JNA's in {@code <workbench home>/jna} unless
     * their property is set.
     *
     * @param env the process environment (a parameter so tests need not change it)
     * @return DJL's cache folder, if this call set it
     */
    public static Optional<Path> apply(Map<String, String> env) {
        if (System.getProperty(OFFLINE_PROPERTY) == null) {
            System.setProperty(OFFLINE_PROPERTY, "true");
        }
        if (!Boolean.getBoolean(INSTALLED_PROPERTY)) {
            return Optional.empty();
        }
        setUnlessSet(JAVAFX_CACHE_PROPERTY, "openjfx");
        setUnlessSet(JNA_TMP_PROPERTY, "jna");
        if (isSet(env.get(CACHE_KEY)) || isSet(System.getProperty(CACHE_KEY))) {
            return Optional.empty();
        }
        Path cache = WorkbenchHome.dir().resolve("djl").toAbsolutePath();
        System.setProperty(CACHE_KEY, cache.toString());
        return Optional.of(cache);
    }

    private static void setUnlessSet(String property, String folder) {
        if (!isSet(System.getProperty(property))) {
            System.setProperty(property, WorkbenchHome.dir().resolve(folder).toAbsolutePath().toString());
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
