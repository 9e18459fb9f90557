package org.recblend.ui.shell;

import org.recblend.ui.editor.PipelineEditorViewModel;
import org.recblend.ui.editor.preview.OutputPreviewView;
import org.recblend.ui.editor.run.PipelineRunViewModel;
import org.recblend.ui.editor.run.RunConsoleView;

/**
 * The "Output" tab of the run console: the selected node's output preview, read again when the
 * selection changes, after every edit (the node may have turned stale or fresh) and after a run.
 */
final class NodeOutputTab {
    private final PipelineEditorViewModel editor;
    private final OutputPreviewView preview;

    private NodeOutputTab(PipelineEditorViewModel editor, OutputPreviewView preview) {
        this.editor = editor;
        this.preview = preview;
    }

    static void install(RunConsoleView console, OutputPreviewView preview, PipelineEditorViewModel editor,
                        PipelineRunViewModel runs) {
        NodeOutputTab tab = new NodeOutputTab(editor, preview);
        console.addTab("outputTab", "Output", preview.root());
        editor.selectedNodeProperty().addListener((obs, old, id) -> tab.show());
        editor.revisionProperty().addListener((obs, old, now) -> tab.show());
        runs.lastResultProperty().addListener((obs, old, result) -> tab.show());
        tab.show();
    }

    private void show() {
        String id = editor.selectedNodeProperty().get();
        if (id == null || editor.pipeline().findNode(id).isEmpty()) {
            preview.clear();
        } else {
            preview.show(editor.pipeline(), id);
        }
    }
}
