package org.recblend.ui.editor.preview;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.PipelineRunner;
import org.recblend.ui.task.TaskExecutor;

/**
 * The output preview of one node, for the editor's inspector: a port chooser when the node has
 * several outputs, a line on what the selected output holds, and its preview (first rows, nearest
 * neighbours, the learning curve, the metric grid). Outputs are read from the runner's cache off
 * the JavaFX thread; a node without outputs for its current settings says what to do instead.
 *
 * <p>For the integrator:
 * <pre>{@code
 * OutputPreviewView preview = new OutputPreviewView(runner, executor);
 * inspector.getChildren().add(preview.root());
 * // on selection, and after a run or an edit:   preview.show(pipeline, nodeId);
 * // when nothing is selected:                   preview.clear();
 * }</pre>
 * {@code show} copies the pipeline on the calling (JavaFX) thread, so later edits never race the
 * background read; only the answer to the latest call is shown.
 */
public final class OutputPreviewView {
    static final String NOTHING_SELECTED = "Select a node to see its output.";

    private final PipelineRunner runner;
    private final TaskExecutor executor;
    private final VBox root = new VBox(6);
    private final Label heading = new Label();
    private final ComboBox<NodeOutputs.Port> ports = new ComboBox<>();
    private final HBox portRow;
    private final Label summary = new Label();
    private final StackPane content = new StackPane();
    private final ReadOnlyObjectWrapper<NodeOutputs> outputs = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private int request;
    private String shownNode;
    /** The port last chosen, kept when the same node is shown again (after a re-run, say). */
    private String chosenPort;

    public OutputPreviewView(PipelineRunner runner, TaskExecutor executor) {
        this.runner = runner;
        this.executor = executor;
        root.setId("outputPreview");
        root.setPadding(new Insets(8, 10, 8, 10));
        heading.getStyleClass().add("section-heading");
        Label portLabel = new Label("Output");
        ports.setId("previewPort");
        ports.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(ports, Priority.ALWAYS);
        portRow = new HBox(8, portLabel, ports);
        portRow.setId("previewPortRow");
        portRow.setAlignment(Pos.CENTER_LEFT);
        summary.setId("previewSummary");
        summary.setWrapText(true);
        content.setId("previewContent");
        content.setMinHeight(0);
        VBox.setVgrow(content, Priority.ALWAYS);
        root.getChildren().addAll(heading, portRow, summary, content);
        ports.valueProperty().addListener((obs, old, port) -> showPort(port));
        clear();
    }

    /** The JavaFX node to place in the inspector. */
    public Node root() {
        return root;
    }

    /**
     * Shows the outputs of a node of this pipeline as they are cached for its current settings and
     * inputs. Call on the JavaFX thread; the pipeline is copied here and read in the background.
     */
    public void show(Pipeline pipeline, String nodeId) {
        Pipeline snapshot = pipeline.copy();
        int mine = ++request;
        if (!nodeId.equals(shownNode)) {
            chosenPort = null;
        }
        shownNode = nodeId;
        heading.setText("Output of " + nodeId);
        loading.set(true);
        if (outputs.get() == null || !outputs.get().nodeId().equals(nodeId)) {
            // another node: no stale preview of the previous one while this one loads
            setPorts(null);
            summary.setText("Reading the outputs…");
            content.getChildren().clear();
        }
        executor.execute(() -> NodeOutputs.load(runner, snapshot, nodeId), loaded -> {
            if (mine == request) {
                loading.set(false);
                display(loaded);
            }
        }, error -> {
            if (mine == request) {
                loading.set(false);
                outputs.set(null);
                setPorts(null);
                content.getChildren().clear();
                summary.setText("Cannot read the outputs of " + nodeId + ": " + error.getMessage());
            }
        });
    }

    /** Shows nothing (no node selected); an answer still on its way is dropped. */
    public void clear() {
        request++;
        shownNode = null;
        chosenPort = null;
        loading.set(false);
        outputs.set(null);
        heading.setText("Output");
        setPorts(null);
        summary.setText(NOTHING_SELECTED);
        content.getChildren().clear();
    }

    /** Chooses the output port shown, by name; false when the shown node has no such port. */
    public boolean selectPort(String name) {
        NodeOutputs shown = outputs.get();
        if (shown == null || shown.port(name).isEmpty()) {
            return false;
        }
        ports.setValue(shown.port(name).get());
        return true;
    }

    /** What is shown: the last loaded node's outputs (null when cleared or failed). */
    public ReadOnlyObjectProperty<NodeOutputs> outputsProperty() {
        return outputs.getReadOnlyProperty();
    }

    /** True while outputs are read in the background. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    private void display(NodeOutputs loaded) {
        outputs.set(loaded);
        if (loaded.ports().isEmpty()) {
            setPorts(null);
            content.getChildren().clear();
            summary.setText(loaded.message());
            return;
        }
        String keep = chosenPort;
        setPorts(loaded);
        ports.setValue(loaded.port(keep == null ? "" : keep).orElse(loaded.ports().get(0)));
    }

    private void setPorts(NodeOutputs loaded) {
        ports.setValue(null);
        ports.getItems().setAll(loaded == null ? java.util.List.of() : loaded.ports());
        // one output needs no chooser; the summary says what it is
        boolean several = loaded != null && loaded.ports().size() > 1;
        portRow.setVisible(several);
        portRow.setManaged(several);
    }

    private void showPort(NodeOutputs.Port port) {
        if (port == null) {
            return;
        }
        chosenPort = port.name();
        String prefix = ports.getItems().size() > 1 ? "" : port.name() + " (" + port.typeName() + "): ";
        summary.setText(prefix + port.preview().summary());
        content.getChildren().setAll(PreviewPanes.of(port.preview(), shownNode));
    }
}
