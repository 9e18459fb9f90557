package org.recblend.ui.prefs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.recblend.encode.EncoderException;
import org.recblend.encode.UserSettings;

/**
 * The workbench's part of the user's settings file ({@code ~/.recblend/settings.json}, the one
 * place for user-level settings, shared with the encoders): preferences and recent projects. The
 * file's other entries, such as an API key, are kept as they are and never read here.
 * Tests point it at a temporary folder; {@link #inMemory()} writes nothing at all.
 */
public final class WorkbenchSettings {
    static final String THREADS = "workbench.threads";
    static final String CACHE_FOLDER = "workbench.cacheFolder";
    static final String API_KEY_ENV = UserSettings.REMOTE_API_KEY_ENV;
    static final String THEME = "workbench.theme";
    static final String RECENT = "workbench.recentProjects";

    private final Path file;
    private final boolean persistent;
    private UserSettings memory;

    private WorkbenchSettings(Path file, boolean persistent) {
        this.file = file;
        this.persistent = persistent;
    }

    /** The settings file of the user ({@code settings.json} in {@code ~/.recblend} or {@code recblend.home}). */
    public static WorkbenchSettings user() {
        return new WorkbenchSettings(UserSettings.defaultFile(), true);
    }

    /** {@code settings.json} in the given folder. */
    public static WorkbenchSettings in(Path folder) {
        return new WorkbenchSettings(folder.resolve("settings.json"), true);
    }

    /** Settings that live only as long as this object (for tests and previews). */
    public static WorkbenchSettings inMemory() {
        return new WorkbenchSettings(Path.of("settings.json"), false);
    }

    public Path file() {
        return file;
    }

    /** The saved preferences, defaults for what was never saved. */
    public synchronized Preferences preferences() {
        UserSettings s = load();
        Preferences d = Preferences.defaults();
        return new Preferences(intOr(s.get(THREADS).orElse(null), d.threads()),
                s.get(CACHE_FOLDER).orElse(d.cacheFolder()),
                s.get(UserSettings.REMOTE_BASE_URL).orElse(d.embeddingsBaseUrl()),
                s.get(UserSettings.REMOTE_MODEL).orElse(d.embeddingsModel()),
                s.get(API_KEY_ENV).orElse(d.apiKeyEnv()),
                Theme.fromKey(s.get(THEME).orElse(null)));
    }

    public synchronized void savePreferences(Preferences p) {
        store(load().with(THREADS, Integer.toString(p.threads()))
                .with(CACHE_FOLDER, p.cacheFolder().strip())
                .with(UserSettings.REMOTE_BASE_URL, p.embeddingsBaseUrl().strip())
                .with(UserSettings.REMOTE_MODEL, p.embeddingsModel().strip())
                .with(API_KEY_ENV, p.apiKeyEnv().strip())
                .with(THEME, p.theme().key()));
    }

    /** The recently opened projects' files, newest first. */
    public synchronized List<Path> recentProjects() {
        List<Path> out = new ArrayList<>();
        for (String line : load().get(RECENT).orElse("").split("\n")) {
            if (!line.isBlank()) {
                out.add(Path.of(line.strip()));
            }
        }
        return out;
    }

    public synchronized void saveRecentProjects(List<Path> projects) {
        // the settings file is a flat object of strings: one path per line
        store(load().with(RECENT, String.join("\n", projects.stream().map(Path::toString).toList())));
    }

    private UserSettings load() {
        if (memory != null) {
            return memory;
        }
        try {
            memory = UserSettings.load(file);
            return memory;
        } catch (EncoderException e) {
            throw new SettingsException(e.getMessage(), e);
        }
    }

    private void store(UserSettings settings) {
        if (persistent) {
            try {
                settings.save();
            } catch (EncoderException e) {
                throw new SettingsException(e.getMessage(), e);
            }
        }
        memory = settings;
    }

    private static int intOr(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
