package org.recblend.ui.editor.run;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.collections.ListChangeListener;
import org.recblend.pipeline.NodeState;
import org.recblend.ui.editor.NodeItem;
import org.recblend.ui.editor.PipelineEditorViewModel;

/**
 * Joins an editor to the runs of its pipeline: the node boxes show the run statuses (badge,
 * progress, message), a run locks the editor until its worker has unwound, and every edit asks
 * for fresh badges, so a changed setting turns its node and those downstream stale.
 */
public final class EditorRunBinding {
    private final PipelineEditorViewModel editor;
    private final PipelineRunViewModel runs;

    private EditorRunBinding(PipelineEditorViewModel editor, PipelineRunViewModel runs) {
        this.editor = editor;
        this.runs = runs;
    }

    /** Call on the JavaFX thread; both models must be over the same pipeline object. */
    public static EditorRunBinding bind(PipelineEditorViewModel editor, PipelineRunViewModel runs) {
        if (editor.pipeline() != runs.pipeline()) {
            throw new IllegalArgumentException("The editor and the runs must share one pipeline");
        }
        EditorRunBinding binding = new EditorRunBinding(editor, runs);
        binding.install();
        return binding;
    }

    private void install() {
        // between runs a fresh edit shows the last known badges at once; the runner's answer follows
        editor.setStateSource(p -> knownStates());
        editor.nodes().forEach(this::follow);
        editor.nodes().addListener((ListChangeListener<NodeItem>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(this::follow);
            }
        });
        runs.runningProperty().addListener((obs, was, running) -> editor.setRunning(running));
        editor.setRunning(runs.isRunning());
        editor.revisionProperty().addListener((obs, old, now) -> runs.refreshStates());
        runs.refreshStates();
    }

    /** Copies a node's run status to its box, now and whenever it changes. */
    private void follow(NodeItem item) {
        NodeStatus status = runs.node(item.id());
        Runnable copy = () -> {
            // a status of a removed node may still report; its box is gone from the editor
            if (editor.item(item.id()).orElse(null) != item) {
                return;
            }
            item.progressProperty().set(status.progressProperty().get());
            item.messageProperty().set(status.messageProperty().get());
            item.stateProperty().set(status.state());
        };
        status.stateProperty().addListener((obs, old, now) -> copy.run());
        status.progressProperty().addListener((obs, old, now) -> copy.run());
        status.messageProperty().addListener((obs, old, now) -> copy.run());
        copy.run();
    }

    private Map<String, NodeState> knownStates() {
        Map<String, NodeState> states = new LinkedHashMap<>();
        runs.nodes().forEach((id, s) -> states.put(id, s.state()));
        return states;
    }
}
