package org.recblend.ui.shell;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Answers dialogs without a screen and remembers the messages shown. */
public final class RecordingDialogService implements DialogService {
    public final List<String> errors = new ArrayList<>();
    public final List<String> questions = new ArrayList<>();
    public final List<String> infos = new ArrayList<>();
    /** The answers to "choose files to import", in order: one file each. */
    public final Deque<Path> importFiles = new ArrayDeque<>();
    /** Answers of several files, used before {@link #importFiles}. */
    public final Deque<List<Path>> importFileGroups = new ArrayDeque<>();
    Path nextProject;
    Path nextSaveAs;
    boolean confirmAnswer;
    /** The answers to "ask for text", in order; none left means cancelled. */
    public final Deque<String> textAnswers = new ArrayDeque<>();

    @Override
    public List<Path> chooseFilesToImport() {
        if (!importFileGroups.isEmpty()) {
            return importFileGroups.poll();
        }
        Path one = importFiles.poll();
        return one == null ? List.of() : List.of(one);
    }

    @Override
    public Optional<Path> chooseProjectToOpen() {
        return Optional.ofNullable(nextProject);
    }

    @Override
    public Optional<Path> chooseNewProjectLocation() {
        return Optional.ofNullable(nextProject);
    }

    @Override
    public Optional<Path> chooseSaveAsLocation(String currentName) {
        return Optional.ofNullable(nextSaveAs);
    }

    @Override
    public boolean confirm(String title, String message, String yes, String no) {
        questions.add(title + ": " + message);
        return confirmAnswer;
    }

    @Override
    public Optional<String> askText(String title, String message, String initial) {
        questions.add(title + ": " + message);
        return Optional.ofNullable(textAnswers.poll());
    }

    @Override
    public void showError(String title, String message) {
        errors.add(title + ": " + message);
    }

    @Override
    public void showInformation(String title, String message) {
        infos.add(title + ": " + message);
    }
}
