package org.recblend.ui.shell;

import java.util.List;
import javafx.scene.Node;
import org.recblend.ui.editor.PipelineCanvasView;
import org.recblend.ui.editor.PipelineEditorViewModel;
import org.recblend.ui.editor.settings.SettingsSheet;
import org.recblend.ui.editor.settings.SettingsSheetViewModel;

/**
 * Puts the selected node's settings sheet in the editor's right-hand slot. A valid edit becomes an
 * undoable settings change of the editor; after an undo or redo the open sheet shows the settings again.
 */
final class NodeSettingsInspector {
    private final PipelineEditorViewModel editor;
    private SettingsSheetViewModel shown;
    private String shownNode;

    private NodeSettingsInspector(PipelineEditorViewModel editor) {
        this.editor = editor;
    }

    static void install(PipelineCanvasView view) {
        NodeSettingsInspector inspector = new NodeSettingsInspector(view.viewModel());
        view.setInspectorFactory(inspector::sheetFor);
        // the revision moves after every edit, undo and redo has reached the pipeline
        view.viewModel().revisionProperty().addListener((obs, old, now) -> inspector.refresh());
    }

    /** The sheet of a node, or null (the canvas then shows its own description) for no selection or an unknown kind. */
    private Node sheetFor(String nodeId) {
        shown = null;
        shownNode = nodeId;
        var node = nodeId == null ? null : editor.pipeline().findNode(nodeId).orElse(null);
        if (node == null || node.isUnknownKind() || node.settings().isEmpty()) {
            return null;
        }
        shown = new SettingsSheetViewModel(node.kind(), node.settings().get(), List.of(),
                settings -> editor.changeSettings(nodeId, settings));
        shown.editableProperty().bind(editor.lockedProperty().not());
        return new SettingsSheet(shown).node();
    }

    private void refresh() {
        if (shown != null && shownNode != null) {
            editor.pipeline().findNode(shownNode).flatMap(n -> n.settings()).ifPresent(shown::update);
        }
    }
}
