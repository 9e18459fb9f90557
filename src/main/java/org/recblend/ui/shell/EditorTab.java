package org.recblend.ui.shell;

import org.recblend.ui.editor.PipelineCanvasView;
import org.recblend.ui.editor.run.PipelineRunViewModel;
import org.recblend.ui.editor.run.RunConsoleView;

/** What a pipeline tab holds: the canvas, the runs of its pipeline and the run console. */
record EditorTab(PipelineCanvasView canvas, PipelineRunViewModel runs, RunConsoleView console) {
}
