package org.recblend.ui.prefs;

import org.recblend.encode.WorkbenchHome;
import org.recblend.engine.Parallel;

/**
 * Hands the preferences to the code that starts work: compute reads its threads from
 * {@link Parallel#THREADS_PROPERTY} at the start of every job, and the encoders extract model files
 * to {@link WorkbenchHome#cacheDir()}; so a change applies from the next job on, no restart needed.
 */
public final class RuntimePreferences {
    private RuntimePreferences() {
    }

    public static void apply(Preferences preferences) {
        System.setProperty(Parallel.THREADS_PROPERTY, Integer.toString(preferences.threads()));
        if (preferences.cacheFolder() == null || preferences.cacheFolder().isBlank()) {
            System.clearProperty(WorkbenchHome.CACHE_PROPERTY);
        } else {
            System.setProperty(WorkbenchHome.CACHE_PROPERTY, preferences.cacheFolder().strip());
        }
    }
}
