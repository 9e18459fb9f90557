package org.recblend.ui.importwizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import org.recblend.testutil.Screenshots;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the wizard as a user does: buttons by id, waits for background work, screenshots of the wizard window. */
final class WizardRobot {
    private final FxRobot robot;

    WizardRobot(FxRobot robot) {
        this.robot = robot;
    }

    void click(String id) {
        waitUntil(() -> !button(id).isDisabled(), id + " enabled");
        robot.clickOn(id);
        WaitForAsyncUtils.waitForFxEvents();
    }

    Button button(String id) {
        return robot.lookup(id).queryAs(Button.class);
    }

    String text(String id) {
        return robot.lookup(id).queryAs(Labeled.class).getText();
    }

    <T extends Node> T node(String id, Class<T> type) {
        return robot.lookup(id).queryAs(type);
    }

    Scene wizardScene() {
        return robot.lookup("#importWizard").query().getScene();
    }

    void waitUntil(BooleanSupplier condition, String what) {
        try {
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> holds(condition)).get());
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** False while the page with the nodes the condition looks at is not shown yet. */
    private static boolean holds(BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (org.testfx.service.query.EmptyNodeQueryException e) {
            return false;
        }
    }

    Path screenshot(Scene scene, String name) throws Exception {
        Path shot = WaitForAsyncUtils.asyncFx(() -> Screenshots.save(scene, name)).get();
        assertThat(shot).exists();
        return shot;
    }

    Path screenshot(String name) throws Exception {
        return screenshot(wizardScene(), name);
    }
}
