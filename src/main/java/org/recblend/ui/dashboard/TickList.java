package org.recblend.ui.dashboard;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * A dashboard's left-hand list of runs or evaluations with a tick each: ticking chooses it in the
 * view model, and {@link #refresh()} brings the ticks in line when the model chose by itself.
 */
final class TickList<T> {
    private final ListView<T> list;
    private final Predicate<T> chosen;
    private final BiConsumer<T, Boolean> choose;
    private final Map<T, BooleanProperty> ticks = new HashMap<>();

    TickList(ListView<T> list, Predicate<T> chosen, BiConsumer<T, Boolean> choose, Function<T, String> text) {
        this.list = list;
        this.chosen = chosen;
        this.choose = choose;
        list.setCellFactory(CheckBoxListCell.forListView(this::tick, new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : text.apply(item);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        }));
    }

    /** The list under a bold title, with a hint in small grey type below. */
    Node pane(String title, String hint, double width) {
        Label heading = new Label(title);
        heading.setStyle("-fx-font-weight: bold; -fx-font-size: 13px;");
        Label help = new Label(hint);
        help.setWrapText(true);
        help.setStyle("-fx-text-fill: #666; -fx-font-size: 11px;");
        VBox box = new VBox(6, heading, list, help);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        box.setPrefWidth(width);
        return box;
    }

    /** Sets every tick from the view model. */
    void refresh() {
        ticks.forEach((item, tick) -> tick.set(chosen.test(item)));
    }

    private BooleanProperty tick(T item) {
        return ticks.computeIfAbsent(item, x -> {
            BooleanProperty p = new SimpleBooleanProperty(chosen.test(x));
            p.addListener((obs, was, now) -> choose.accept(x, now));
            return p;
        });
    }
}
