package org.recblend.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.nodes.collect.CollectDataset;
import org.recblend.nodes.evaluate.EvaluateModel;
import org.recblend.nodes.preprocess.RandomSplit;
import org.recblend.nodes.train.BprTrain;
import org.recblend.pipeline.Connection;
import org.recblend.pipeline.Node;
import org.recblend.pipeline.NodeKindRegistry;
import org.recblend.pipeline.NodeState;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.PipelineRepository;
import org.recblend.store.ProjectStore;
import org.recblend.ui.task.CurrentThreadTaskExecutor;

/** Every edit of the editor, its undo and redo, on the shipped node kinds, without a screen. */
class PipelineEditorViewModelTest {
    private static final NodeKindRegistry KINDS = NodeKindRegistry.load();

    private Pipeline pipeline;
    private PipelineEditorViewModel vm;

    @BeforeEach
    void emptyPipeline() {
        pipeline = new Pipeline(KINDS, "p");
        vm = new PipelineEditorViewModel(pipeline, null, new CurrentThreadTaskExecutor());
    }

    /** collect → split → bpr → evaluate (with the split also into evaluate). */
    private String[] chain() {
        String collect = vm.addNode(CollectDataset.ID, 0, 0).orElseThrow();
        String split = vm.addNode(RandomSplit.ID, 300, 0).orElseThrow();
        String bpr = vm.addNode(BprTrain.ID, 600, 0).orElseThrow();
        String eval = vm.addNode(EvaluateModel.ID, 900, 0).orElseThrow();
        assertThat(vm.connect(collect, "interactions", split, "interactions")).isTrue();
        assertThat(vm.connect(split, "split", bpr, "split")).isTrue();
        assertThat(vm.connect(bpr, "model", eval, "model")).isTrue();
        assertThat(vm.connect(split, "split", eval, "split")).isTrue();
        return new String[] {collect, split, bpr, eval};
    }

    @Test
    void addingANodeIsUndoneAndRedoneWithTheSameId() {
        String id = vm.addNode(RandomSplit.ID, 120, 80).orElseThrow();
        assertThat(pipeline.node(id).x()).isEqualTo(120);
        assertThat(vm.nodes()).extracting(NodeItem::id).containsExactly(id);
        assertThat(vm.undoTextProperty().get()).isEqualTo("Undo Add Random split (per user)");
        assertThat(vm.selectedNodeProperty().get()).isEqualTo(id);

        assertThat(vm.undo()).isTrue();
        assertThat(pipeline.nodes()).isEmpty();
        assertThat(vm.nodes()).isEmpty();
        assertThat(vm.selectedNodeProperty().get()).isNull();
        assertThat(vm.canUndoProperty().get()).isFalse();
        assertThat(vm.redoTextProperty().get()).isEqualTo("Redo Add Random split (per user)");

        assertThat(vm.redo()).isTrue();
        assertThat(pipeline.node(id).y()).isEqualTo(80);
        assertThat(vm.nodes()).extracting(NodeItem::id).containsExactly(id);
        assertThat(vm.canRedoProperty().get()).isFalse();
    }

    @Test
    void anUnknownKindIsRefusedWithItsReason() {
        assertThat(vm.addNode("no.such.kind", 0, 0)).isEmpty();
        assertThat(vm.lastRefusalProperty().get()).isEqualTo("There is no node kind 'no.such.kind'");
        assertThat(vm.canUndoProperty().get()).isFalse();
    }

    @Test
    void aWrongWireIsRefusedWithThePipelinesReasonAndChangesNothing() {
        String[] n = chain();
        String extra = vm.addNode(BprTrain.ID, 600, 300).orElseThrow();
        assertThat(vm.connect(n[0], "interactions", extra, "split")).isFalse();
        assertThat(vm.lastRefusalProperty().get())
                .isEqualTo("Interactions output 'interactions' of " + n[0] + " cannot feed the Split input 'split' of " + extra);
        assertThat(vm.connect(n[1], "split", n[2], "split")).isFalse();
        assertThat(vm.lastRefusalProperty().get()).startsWith("Input 'split' of " + n[2] + " is already fed by");
        assertThat(vm.wires()).hasSize(4);
        assertThat(vm.undoTextProperty().get()).isEqualTo("Undo Add BPR matrix factorisation");

        assertThat(vm.connect(n[1], "split", extra, "split")).isTrue();
        assertThat(vm.lastRefusalProperty().get()).as("a successful edit clears the refusal").isNull();
    }

    @Test
    void connectAndDisconnectAreUndoable() {
        String[] n = chain();
        Connection wire = new Connection(n[2], "model", n[3], "model");
        assertThat(vm.undoTextProperty().get()).isEqualTo("Undo Connect " + n[1] + " to " + n[3]);
        assertThat(vm.disconnect(wire)).isTrue();
        assertThat(pipeline.connections()).doesNotContain(wire);
        assertThat(vm.wires()).doesNotContain(wire).hasSize(3);
        vm.undo();
        assertThat(pipeline.connections()).contains(wire);
        assertThat(vm.wires()).contains(wire).hasSize(4);
        vm.undo();
        assertThat(pipeline.connections()).hasSize(3).doesNotContain(new Connection(n[1], "split", n[3], "split"));
        vm.redo();
        assertThat(pipeline.connections()).hasSize(4);
    }

    @Test
    void removingNodesAndUndoingRestoresIdsSettingsPlacesAndWires() {
        String[] n = chain();
        RandomSplit.Settings custom = new RandomSplit.Settings(0.3, 0.1, 7);
        vm.changeSettings(n[1], custom);
        List<Connection> before = pipeline.connections();
        vm.select(n[1]);
        vm.toggleSelection(n[2]);
        assertThat(vm.deleteSelection()).isTrue();
        assertThat(vm.undoTextProperty().get()).isEqualTo("Undo Delete 2 nodes");
        assertThat(pipeline.nodes()).extracting(Node::id).containsExactly(n[0], n[3]);
        assertThat(pipeline.connections()).isEmpty();
        assertThat(vm.wires()).isEmpty();
        assertThat(vm.selection()).isEmpty();

        vm.undo();
        assertThat(pipeline.nodes()).extracting(Node::id).containsExactlyInAnyOrder(n);
        assertThat(pipeline.node(n[1]).settings(RandomSplit.Settings.class)).isEqualTo(custom);
        assertThat(pipeline.node(n[2]).x()).isEqualTo(600);
        assertThat(pipeline.connections()).containsExactlyInAnyOrderElementsOf(before);
        assertThat(vm.wires()).containsExactlyInAnyOrderElementsOf(before);
        vm.redo();
        assertThat(pipeline.connections()).isEmpty();
    }

    @Test
    void aSettingsChangeIsOneUndoableEdit() {
        String split = vm.addNode(RandomSplit.ID, 0, 0).orElseThrow();
        RandomSplit.Settings defaults = pipeline.node(split).settings(RandomSplit.Settings.class);
        RandomSplit.Settings changed = new RandomSplit.Settings(0.2, 0.0, 99);
        assertThat(vm.changeSettings(split, changed)).isTrue();
        assertThat(pipeline.node(split).settings(RandomSplit.Settings.class)).isEqualTo(changed);
        assertThat(vm.item(split).orElseThrow().settingsProperty().get()).isEqualTo(changed);
        assertThat(vm.undoTextProperty().get()).isEqualTo("Undo Change settings of " + split);
        assertThat(vm.changeSettings(split, changed)).as("the same settings are no edit").isFalse();

        vm.undo();
        assertThat(pipeline.node(split).settings(RandomSplit.Settings.class)).isEqualTo(defaults);
        assertThat(vm.item(split).orElseThrow().settingsProperty().get()).isEqualTo(defaults);
        vm.redo();
        assertThat(pipeline.node(split).settings(RandomSplit.Settings.class)).isEqualTo(changed);
    }

    @Test
    void aDragMovesTheSelectionInOneCommand() {
        String[] n = chain();
        vm.select(n[0]);
        vm.toggleSelection(n[1]);
        vm.toggleSelection(n[2]);
        assertThat(vm.beginMove(n[1])).isTrue();
        vm.dragMove(10, 5);
        vm.dragMove(40, 20);
        assertThat(vm.item(n[0]).orElseThrow().x()).isEqualTo(40);
        assertThat(pipeline.node(n[0]).x()).as("the pipeline moves when the drag ends").isEqualTo(0);
        assertThat(vm.endMove()).isTrue();
        assertThat(pipeline.node(n[1]).x()).isEqualTo(340);
        assertThat(pipeline.node(n[2]).y()).isEqualTo(20);
        assertThat(pipeline.node(n[3]).x()).isEqualTo(900);
        assertThat(vm.undoTextProperty().get()).isEqualTo("Undo Move 3 nodes");

        vm.undo();
        assertThat(pipeline.node(n[1]).x()).isEqualTo(300);
        assertThat(vm.item(n[1]).orElseThrow().x()).isEqualTo(300);
        assertThat(vm.undoTextProperty().get()).isEqualTo("Undo Connect " + n[1] + " to " + n[3]);
        vm.redo();
        assertThat(vm.item(n[2]).orElseThrow().x()).isEqualTo(640);
    }

    @Test
    void grabbingAnUnselectedNodeMovesOnlyIt() {
        String[] n = chain();
        vm.select(n[0]);
        vm.beginMove(n[3]);
        vm.dragMove(0, 50);
        vm.endMove();
        assertThat(vm.undoTextProperty().get()).isEqualTo("Undo Move " + n[3]);
        assertThat(pipeline.node(n[0]).y()).isEqualTo(0);
        assertThat(pipeline.node(n[3]).y()).isEqualTo(50);
        vm.beginMove(n[3]);
        assertThat(vm.endMove()).as("a click without a move is no edit").isFalse();
    }

    @Test
    void pastedCopiesGetNewIdsKeepTheirWiresAndDoNotCoverTheOriginals() {
        String[] n = chain();
        vm.changeSettings(n[1], new RandomSplit.Settings(0.4, 0.0, 3));
        vm.select(n[1]);
        vm.toggleSelection(n[2]);
        vm.toggleSelection(n[3]);
        vm.copySelection();
        List<String> pasted = vm.paste();
        assertThat(pasted).hasSize(3).doesNotContainAnyElementsOf(List.of(n));
        assertThat(vm.selection()).containsExactlyInAnyOrderElementsOf(pasted);
        assertThat(vm.undoTextProperty().get()).isEqualTo("Undo Paste 3 nodes");
        Set<String> copies = Set.copyOf(pasted);
        List<Connection> amongCopies = pipeline.connections().stream()
                .filter(c -> copies.contains(c.fromNode()) || copies.contains(c.toNode())).toList();
        assertThat(amongCopies).hasSize(3).allMatch(c -> copies.contains(c.fromNode()) && copies.contains(c.toNode()));
        String splitCopy = pasted.stream().filter(id -> pipeline.node(id).kindId().equals(RandomSplit.ID)).findFirst().orElseThrow();
        assertThat(pipeline.node(splitCopy).settings(RandomSplit.Settings.class).testShare()).isEqualTo(0.4);
        for (String id : pasted) {
            NodeItem copy = vm.item(id).orElseThrow();
            for (String original : n) {
                NodeItem o = vm.item(original).orElseThrow();
                assertThat(copy.intersects(o.x(), o.y(), o.x() + o.width(), o.y() + o.height()))
                        .as(id + " covers " + original).isFalse();
            }
        }
        List<String> again = vm.paste();
        assertThat(again).doesNotContainAnyElementsOf(pasted);
        assertThat(vm.item(again.get(0)).orElseThrow().y()).isGreaterThan(vm.item(pasted.get(0)).orElseThrow().y());

        vm.undo();
        vm.undo();
        assertThat(pipeline.nodes()).hasSize(4);
        assertThat(pipeline.connections()).hasSize(4);
        vm.redo();
        assertThat(pipeline.nodes()).extracting(Node::id).containsAll(pasted);
        assertThat(pipeline.connections()).hasSize(7);
    }

    @Test
    void autoLayoutPutsEveryNodeRightOfThoseFeedingIt() {
        String[] n = chain();
        vm.moveNodes(List.of(n[0]), 1500, 400);
        vm.moveNodes(List.of(n[3]), -900, 300);
        assertThat(vm.autoLayout()).isTrue();
        assertThat(vm.undoTextProperty().get()).isEqualTo("Undo Auto layout");
        double[] xs = java.util.Arrays.stream(n).mapToDouble(id -> pipeline.node(id).x()).toArray();
        assertThat(xs[0]).isLessThan(xs[1]);
        assertThat(xs[1]).isLessThan(xs[2]);
        assertThat(xs[2]).isLessThan(xs[3]);
        for (Connection c : pipeline.connections()) {
            assertThat(pipeline.node(c.fromNode()).x() + NodeGeometry.WIDTH).isLessThan(pipeline.node(c.toNode()).x());
        }
        assertThat(vm.autoLayout()).as("laid out already").isFalse();
        vm.undo();
        assertThat(pipeline.node(n[0]).x()).isEqualTo(1500);
        assertThat(pipeline.node(n[3]).x()).isEqualTo(0);
    }

    @Test
    void theRectangleSelectsTheNodesItTouches() {
        String[] n = chain();
        vm.selectInRectangle(650, 50, 250, -20, false);
        assertThat(vm.selection()).containsExactlyInAnyOrder(n[1], n[2]);
        assertThat(vm.selectedNodeProperty().get()).as("several selected").isNull();
        vm.selectInRectangle(950, 10, 960, 20, true);
        assertThat(vm.selection()).containsExactlyInAnyOrder(n[1], n[2], n[3]);
        vm.selectInRectangle(2000, 2000, 2100, 2100, false);
        assertThat(vm.selection()).isEmpty();
        vm.selectAll();
        assertThat(vm.selection()).containsExactlyInAnyOrder(n);
        vm.toggleSelection(n[0]);
        assertThat(vm.selection()).doesNotContain(n[0]);
    }

    @Test
    void whileRunningEveryEditIsRefusedAndNothingIsQueued() {
        String[] n = chain();
        vm.select(n[1]);
        vm.copySelection();
        vm.setRunning(true);
        assertThat(vm.lockedProperty().get()).isTrue();
        List<Runnable> edits = List.of(
                () -> vm.addNode(RandomSplit.ID, 0, 0),
                () -> vm.removeNodes(List.of(n[0])),
                () -> vm.moveNodes(List.of(n[0]), 5, 5),
                () -> vm.beginMove(n[0]),
                () -> vm.connect(n[1], "split", n[3], "split"),
                () -> vm.disconnect(new Connection(n[2], "model", n[3], "model")),
                () -> vm.changeSettings(n[1], new RandomSplit.Settings(0.5, 0, 1)),
                () -> vm.paste(),
                () -> vm.autoLayout(),
                () -> vm.undo());
        List<String> refusals = new java.util.ArrayList<>();
        vm.lastRefusalProperty().addListener((obs, old, now) -> {
            if (now != null) {
                refusals.add(now);
            }
        });
        for (int i = 0; i < edits.size(); i++) {
            edits.get(i).run();
            assertThat(refusals).as("edit " + i).hasSize(i + 1).last().isEqualTo(PipelineEditorViewModel.RUNNING_REFUSAL);
        }
        assertThat(pipeline.nodes()).hasSize(4);
        assertThat(pipeline.connections()).hasSize(4);
        assertThat(pipeline.node(n[0]).x()).isEqualTo(0);
        assertThat(pipeline.node(n[1]).settings(RandomSplit.Settings.class).testShare()).isEqualTo(0.25);

        vm.setRunning(false);
        assertThat(vm.undo()).isTrue();
        assertThat(pipeline.connections()).hasSize(3);
        assertThat(pipeline.nodes()).as("nothing was queued").hasSize(4);
    }

    @Test
    void aRunStartingMidDragPutsTheNodesBack() {
        String[] n = chain();
        vm.beginMove(n[0]);
        vm.dragMove(100, 100);
        vm.setRunning(true);
        assertThat(vm.item(n[0]).orElseThrow().x()).isEqualTo(0);
        assertThat(vm.endMove()).isFalse();
        assertThat(pipeline.node(n[0]).x()).isEqualTo(0);
    }

    @Test
    void badgesComeFromValidationUntilARunnerGivesThem() {
        String[] n = chain();
        assertThat(vm.item(n[0]).orElseThrow().stateProperty().get()).isEqualTo(NodeState.NOT_CONFIGURED);
        assertThat(vm.item(n[0]).orElseThrow().messageProperty().get()).isNotBlank();
        vm.setStateSource(p -> p.nodes().stream().collect(Collectors.toMap(Node::id, x -> NodeState.STALE)));
        assertThat(vm.nodes()).allMatch(i -> i.stateProperty().get() == NodeState.STALE);
        long revision = vm.revisionProperty().get();
        vm.moveNodes(List.of(n[0]), 1, 1);
        assertThat(vm.revisionProperty().get()).isEqualTo(revision + 1);
    }

    @Test
    void saveAndLoadKeepPlacesAndTheUndoHistory(@TempDir Path dir) throws Exception {
        try (ProjectStore store = ProjectStore.create(dir.resolve("p"))) {
            PipelineRepository repository = new PipelineRepository(store, KINDS);
            vm = new PipelineEditorViewModel(new Pipeline(KINDS), repository, new CurrentThreadTaskExecutor());
            pipeline = vm.pipeline();
            assertThat(vm.dirtyProperty().get()).as("never saved").isTrue();
            String[] n = chain();
            vm.moveNodes(List.of(n[2]), 33.5, -12.25);
            assertThat(vm.save()).as("no name yet").isFalse();
            assertThat(vm.lastRefusalProperty().get()).isEqualTo("Give the pipeline a name before saving it");
            int[] saved = {0};
            vm.setOnSaved(() -> saved[0]++);
            assertThat(vm.saveAs("flow")).isTrue();
            assertThat(saved[0]).isEqualTo(1);
            assertThat(vm.dirtyProperty().get()).isFalse();
            assertThat(vm.nameProperty().get()).isEqualTo("flow");
            assertThat(vm.statusProperty().get()).isEqualTo("Saved pipeline 'flow'");
            assertThat(vm.canUndoProperty().get()).as("the history survives a save").isTrue();

            Pipeline loaded = repository.load("flow");
            Map<String, Node> byId = loaded.nodes().stream().collect(Collectors.toMap(Node::id, x -> x));
            assertThat(byId.keySet()).containsExactlyInAnyOrder(n);
            assertThat(byId.get(n[2]).x()).isEqualTo(633.5);
            assertThat(byId.get(n[2]).y()).isEqualTo(-12.25);
            assertThat(loaded.connections()).containsExactlyInAnyOrderElementsOf(pipeline.connections());

            vm.undo();
            assertThat(vm.dirtyProperty().get()).isTrue();
            vm.redo();
            assertThat(vm.dirtyProperty().get()).as("back at the saved state").isFalse();

            PipelineEditorViewModel reopened = new PipelineEditorViewModel(loaded, repository, new CurrentThreadTaskExecutor());
            assertThat(reopened.dirtyProperty().get()).isFalse();
            assertThat(reopened.item(n[2]).orElseThrow().x()).isEqualTo(633.5);
        }
    }

    @Test
    void aPipelineOutsideAProjectCannotBeSaved() {
        assertThat(vm.save()).isFalse();
        assertThat(vm.lastRefusalProperty().get()).isEqualTo("This pipeline is not part of a project and cannot be saved");
    }
}
