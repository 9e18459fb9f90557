package org.recblend.ui.shell;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.recblend.pipeline.Pipeline;
import org.recblend.ui.editor.NodeGeometry;
import org.recblend.ui.editor.PipelineCanvasView;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What a user does in the pipeline editor, for TestFX tests: find, drag, wire, hold keys. */
final class EditorRobot {
    private EditorRobot() {
    }

    static Node byId(FxRobot robot, String id) {
        return robot.lookup((Node n) -> id.equals(n.getId())).query();
    }

    /** The editor tab that is selected. */
    static EditorTab selectedTab(FxRobot robot) {
        TabPane tabs = robot.lookup("#centreTabs").queryAs(TabPane.class);
        return (EditorTab) tabs.getSelectionModel().getSelectedItem().getUserData();
    }

    static PipelineCanvasView editor(FxRobot robot) {
        return selectedTab(robot).canvas();
    }

    /** A point of the canvas (its own coordinates) on the screen. */
    static Point2D onCanvas(FxRobot robot, double x, double y) {
        return byId(robot, "canvas").localToScreen(x, y);
    }

    /** The middle of a node's header on the screen: where a user grabs it. */
    static Point2D header(FxRobot robot, String nodeId) {
        Node view = byId(robot, "node:" + nodeId);
        return view.localToScreen(NodeGeometry.WIDTH / 2, 12);
    }

    static Point2D centre(FxRobot robot, String id) {
        Bounds b = byId(robot, id).localToScreen(byId(robot, id).getBoundsInLocal());
        return new Point2D(b.getCenterX(), b.getCenterY());
    }

    static void drag(FxRobot robot, Point2D from, Point2D to, MouseButton button) {
        robot.moveTo(from).press(button).moveTo(to).release(button);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void dragWire(FxRobot robot, String fromNode, String fromPort, String toNode, String toPort) {
        drag(robot, centre(robot, "out:" + fromNode + "." + fromPort), centre(robot, "in:" + toNode + "." + toPort), MouseButton.PRIMARY);
    }

    static String idOfKind(Pipeline pipeline, String kindId) {
        return pipeline.nodes().stream().filter(n -> n.kindId().equals(kindId)).map(org.recblend.pipeline.Node::id).findFirst().orElseThrow();
    }

    static void withKey(FxRobot robot, KeyCode key, Runnable action) {
        robot.press(key);
        try {
            action.run();
        } finally {
            robot.release(key);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
