package org.recblend.ui.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recblend.results.DemoCatalog;
import org.recblend.results.DemoFixture;
import org.recblend.results.DemoNewItem;
import org.recblend.results.DemoRun;
import org.recblend.results.DemoRunChoice;
import org.recblend.task.TaskMonitor;
import org.recblend.testutil.Screenshots;
import org.recblend.ui.task.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The demo as a stakeholder sees it, on the two-run fixture: the newest run's list for a typed
 * customer checked against the store, then a new product typed into the box and placed live.
 */
@ExtendWith(ApplicationExtension.class)
class DemoViewFxTest {
    static DemoFixture fx;
    static FxTaskExecutor executor = new FxTaskExecutor();
    private DemoView view;
    private Stage stage;

    @BeforeAll
    static void fixture() throws Exception {
        fx = DemoFixture.get();
    }

    @AfterAll
    static void stop() {
        executor.shutdown();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        view = DemoView.open(fx.store, executor);
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
    }

    @Test
    void showsACustomersListWithReasonsAndPlacesANewProduct(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.viewModel().customerProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<DemoRunChoice> runs = robot.lookup("#demoRun").queryComboBox();
        assertThat(runs.getValue().runId()).isEqualTo(fx.concatRun);

        TextField id = robot.lookup("#demoCustomer").queryAs(TextField.class);
        robot.clickOn(id).eraseText(id.getText().length()).write("42").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.viewModel().customerProperty().get().id().equals("42"));
        WaitForAsyncUtils.waitForFxEvents();
        DemoRun direct = DemoCatalog.load(fx.store, fx.choice(fx.concatRun), TaskMonitor.none());
        DemoRun.User expected = direct.user("42");
        assertThat(robot.lookup("#demoCustomerName").queryAs(Label.class).getText()).isEqualTo("Customer 42");
        assertThat(view.recommendationRows()).hasSize(expected.recommendations().size());
        for (int k = 0; k < expected.recommendations().size(); k++) {
            assertThat(view.recommendationRows().get(k).getUserData()).isEqualTo(expected.recommendations().get(k));
        }
        robot.interact(() -> Screenshots.save(stage.getScene(), "demo-customer"));

        TextArea text = robot.lookup("#demoNewItem").queryAs(TextArea.class);
        robot.clickOn(text).write("A light waterproof jacket for hill walking, packs into its own pocket");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.viewModel().newItemAnswerProperty().get() != null
                && view.viewModel().newItemAnswerProperty().get().text().endsWith("pocket"));
        WaitForAsyncUtils.waitForFxEvents();
        DemoNewItem.Answer a = view.viewModel().newItemAnswerProperty().get();
        assertThat(view.similarRows()).hasSize(a.items().size());
        assertThat(view.buyerRows()).hasSize(a.buyers().size());
        assertThat(((DemoNewItem.Similar) view.similarRows().get(0).getUserData()).item().categories()
                + ((DemoNewItem.Similar) view.similarRows().get(0).getUserData()).item().title()).containsIgnoringCase("jacket");
        assertThat(robot.lookup("#demoNewItemMessage").queryAs(Label.class).getText()).startsWith("Answered in");
        robot.interact(() -> Screenshots.save(stage.getScene(), "demo-new-item"));
    }
}
