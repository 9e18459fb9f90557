package org.recblend.ui.editor.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recblend.engine.model.HybridTowers;
import org.recblend.nodes.encode.MiniLmEncode;
import org.recblend.nodes.encode.RemoteTextEncode;
import org.recblend.nodes.preprocess.ItemColdStartSplit;
import org.recblend.nodes.train.HybridTrain;
import org.recblend.pipeline.NodeKind;
import org.recblend.pipeline.NodeKindRegistry;
import org.recblend.pipeline.NodeSettings;
import org.recblend.pipeline.PortSpec;
import org.recblend.pipeline.PortTypes;
import org.recblend.testutil.Screenshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The sheet as a user meets it beside the canvas: typing, choosing, a refused value and its message. */
@ExtendWith(ApplicationExtension.class)
class SettingsSheetFxTest {
    private static final NodeKindRegistry REGISTRY = NodeKindRegistry.load();
    private final List<NodeSettings> commits = new ArrayList<>();
    private Stage stage;
    private StackPane host;
    private SettingsSheet sheet;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        host = new StackPane();
        stage.setScene(new Scene(host, 460, 760));
        stage.show();
    }

    private SettingsSheetViewModel show(FxRobot robot, String kindId, NodeSettings settings, List<PortSpec> inputs) {
        NodeKind<?> kind = REGISTRY.find(kindId).orElseThrow();
        SettingsSheetViewModel vm = new SettingsSheetViewModel(kind, settings == null ? kind.defaultSettings() : settings, inputs,
                commits::add);
        robot.interact(() -> {
            sheet = new SettingsSheet(vm);
            host.getChildren().setAll(sheet.node());
        });
        WaitForAsyncUtils.waitForFxEvents();
        return vm;
    }

    private void shoot(FxRobot robot, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(stage.getScene(), "settings-" + name));
    }

    private void type(FxRobot robot, String id, String text) {
        reveal(robot, id.substring("#setting-".length()));
        robot.doubleClickOn(id).push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE);
        if (!text.isEmpty()) {
            robot.write(text);
        }
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void reveal(FxRobot robot, String setting) {
        robot.interact(() -> sheet.reveal(setting));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String message(FxRobot robot, String name) {
        Label label = robot.lookup("#message-" + name).queryAs(Label.class);
        return label.isVisible() ? label.getText() : null;
    }

    @Test
    void hybridTrainingEditsCommitAndAWordIsRefusedWithAMessage(FxRobot robot) {
        SettingsSheetViewModel vm = show(robot, HybridTrain.ID, null, List.of());
        assertThat(robot.lookup("#sheetTitle").queryAs(Label.class).getText()).isEqualTo("Hybrid (ID + features)");
        assertThat(robot.lookup("Cold items").tryQuery()).isPresent();
        shoot(robot, "hybrid");

        type(robot, "#setting-epochs", "40");
        assertThat(commits).hasSize(1);
        assertThat(((HybridTrain.Settings) commits.get(0)).epochs()).isEqualTo(40);

        type(robot, "#setting-learningRate", "fast");
        assertThat(commits).hasSize(1);
        assertThat(message(robot, "learningRate")).isEqualTo("Learning rate takes a number such as 0.25 or 1e-3, not 'fast'");
        assertThat(robot.lookup("#setting-learningRate").queryAs(TextField.class).getText()).isEqualTo("fast");
        assertThat(robot.lookup("#revert-learningRate").query().isVisible()).isTrue();
        shoot(robot, "hybrid-refused");

        robot.clickOn("#revert-learningRate");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#setting-learningRate").queryAs(TextField.class).getText()).isEqualTo("0.005");
        assertThat(message(robot, "learningRate")).isNull();

        @SuppressWarnings("unchecked")
        ComboBox<Object> target = robot.lookup("#setting-coldTarget").queryAs(ComboBox.class);
        reveal(robot, "coldTarget");
        shoot(robot, "hybrid-cold-items");
        assertThat(robot.from(target).lookup(".list-cell").queryAll()).extracting(n -> ((javafx.scene.control.ListCell<?>) n).getText())
                .contains("Whole vector");
        robot.interact(() -> {
            target.setValue(HybridTowers.ColdTarget.ID_PART);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(((HybridTrain.Settings) vm.settings()).coldTarget()).isEqualTo(HybridTowers.ColdTarget.ID_PART);
        reveal(robot, "ablation");
        robot.clickOn("#setting-ablation");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(((HybridTrain.Settings) vm.settings()).ablation()).isTrue();
        assertThat(commits).hasSize(3);

        HybridTrain.Settings undone = (HybridTrain.Settings) commits.get(0);
        robot.interact(() -> vm.update(undone));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#setting-ablation").queryAs(CheckBox.class).isSelected()).isFalse();
        assertThat(target.getValue()).isEqualTo(HybridTowers.ColdTarget.WHOLE_VECTOR);
    }

    @Test
    void miniLmShowsTheConnectHintAndRefusesABadTemplate(FxRobot robot) {
        show(robot, MiniLmEncode.ID, null, List.of());
        Label top = robot.lookup("#sheetMessage").queryAs(Label.class);
        assertThat(top.getText()).isEqualTo("Connect an ItemTable to 'items' to encode item texts");
        assertThat(top.getStyleClass()).contains("hint");
        shoot(robot, "minilm");

        type(robot, "#setting-batchSize", "0");
        assertThat(commits).isEmpty();
        assertThat(message(robot, "batchSize")).isEqualTo("batchSize must be in [1, 100000], not 0");
        assertThat(robot.lookup("#message-batchSize").queryAs(Label.class).getStyleClass()).contains("error");
        shoot(robot, "minilm-refused");
        type(robot, "#setting-batchSize", "128");
        assertThat(commits).hasSize(1);
        assertThat(message(robot, "batchSize")).isNull();
    }

    @Test
    void coldStartSplitExplainsShareLimits(FxRobot robot) {
        show(robot, ItemColdStartSplit.ID, null, Arrays.asList(PortSpec.of("interactions", PortTypes.INTERACTIONS)));
        type(robot, "#setting-validationShare", "0.9");
        assertThat(message(robot, "validationShare")).startsWith("Test share plus validation share must stay below 1");
        shoot(robot, "coldstart-refused");
        type(robot, "#setting-testShare", "0.05");
        assertThat(commits).containsExactly(new ItemColdStartSplit.Settings(0.05, 0.9, 42));
        assertThat(message(robot, "validationShare")).isNull();
        shoot(robot, "coldstart");
    }

    @Test
    void theRemoteEncoderNeverShowsAPastedKey(FxRobot robot) {
        show(robot, RemoteTextEncode.ID, SettingsSheetViewModelTest.remote("OPENAI_API_KEY"), List.of());
        assertThat(robot.lookup("#setting-apiKeyEnv").queryAs(TextField.class).getText()).isEqualTo("OPENAI_API_KEY");
        shoot(robot, "remote");
        type(robot, "#setting-apiKeyEnv", "sk-test-9f8e7d6c5b4a");
        assertThat(commits).isEmpty();
        assertThat(robot.lookup("#setting-apiKeyEnv").queryAs(TextField.class).getText()).isEqualTo(SecretPolicy.MASK);
        assertThat(message(robot, "apiKeyEnv")).startsWith("The API key setting takes the NAME").doesNotContain("sk-test");
        type(robot, "#setting-baseUrl", "");
        assertThat(message(robot, "baseUrl")).startsWith("Enter the endpoint's base URL");
        shoot(robot, "remote-refused");
    }
}
