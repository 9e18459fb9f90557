package org.recblend.ui.shell;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.TreeItem;
import javafx.scene.layout.Region;
import org.recblend.store.ProjectContents;

/** Turns a project's contents into the explorer's tree: datasets with sources, pipelines, runs, models. */
final class ExplorerTree {
    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.US);

    private ExplorerTree() {
    }

    static TreeItem<String> build(String projectName, ProjectContents contents) {
        TreeItem<String> root = new TreeItem<>(projectName, icon("project"));
        root.setExpanded(true);
        if (contents == null) {
            return root;
        }
        TreeItem<String> datasets = folder("Datasets", contents.datasets().size(), "datasets");
        for (ProjectContents.DatasetEntry dataset : contents.datasets()) {
            TreeItem<String> node = new ExplorerItem(dataset.name(),
                    new ExplorerItem.DataTarget(dataset.name(), null, false), icon("dataset"));
            node.setExpanded(true);
            for (ProjectContents.SourceEntry source : dataset.sources()) {
                node.getChildren().add(new ExplorerItem(sourceLabel(source),
                        new ExplorerItem.DataTarget(dataset.name(), source.name(), source.rowsRejected() > 0),
                        icon("source")));
            }
            datasets.getChildren().add(node);
        }
        root.getChildren().add(datasets);
        TreeItem<String> pipelines = folder("Pipelines", contents.pipelines().size(), "pipelines");
        contents.pipelines().forEach(name -> pipelines.getChildren().add(new PipelineEntry(name, icon("pipelines-entry"))));
        root.getChildren().add(pipelines);
        TreeItem<String> runs = folder("Runs", contents.runs().size(), "runs");
        contents.runs().forEach(r -> runs.getChildren().add(new RunEntry(r.id(),
                "#" + r.id() + " " + r.pipeline() + " (" + r.status().toLowerCase(Locale.ROOT) + ")", icon("runs-entry"))));
        root.getChildren().add(runs);
        root.getChildren().add(folder("Models", contents.models(), Function.identity(), "models"));
        return root;
    }

    /** An explorer entry for a stored pipeline; double-click opens it in the editor. */
    static final class PipelineEntry extends TreeItem<String> {
        private final String pipeline;

        PipelineEntry(String pipeline, Node icon) {
            super(pipeline, icon);
            this.pipeline = pipeline;
        }

        String pipeline() {
            return pipeline;
        }
    }

    /** An explorer entry for a run; its context menu exports it (reports, recommendations, the model). */
    static final class RunEntry extends TreeItem<String> {
        private final int runId;

        RunEntry(int runId, String label, Node icon) {
            super(label, icon);
            this.runId = runId;
        }

        int runId() {
            return runId;
        }
    }

    static String sourceLabel(ProjectContents.SourceEntry source) {
        String label = source.name() + " · " + source.kind().toLowerCase(Locale.ROOT).replace('_', ' ')
                + " · " + COUNT.format(source.rowsAccepted()) + " rows";
        return source.rowsRejected() > 0 ? label + " (" + COUNT.format(source.rowsRejected()) + " rejected)" : label;
    }

    /** A small coloured square per kind of entry (styled in workbench.css), so the groups stand apart. */
    private static Node icon(String kind) {
        Region icon = new Region();
        icon.getStyleClass().addAll("explorer-icon", kind);
        return icon;
    }

    private static TreeItem<String> folder(String name, int size, String kind) {
        TreeItem<String> folder = new TreeItem<>(name + " (" + size + ")", icon(kind));
        folder.setExpanded(true);
        return folder;
    }

    private static <T> TreeItem<String> folder(String name, List<T> entries, Function<T, String> label, String kind) {
        TreeItem<String> folder = folder(name, entries.size(), kind);
        entries.forEach(e -> folder.getChildren().add(new TreeItem<>(label.apply(e), icon(kind + "-entry"))));
        return folder;
    }
}
