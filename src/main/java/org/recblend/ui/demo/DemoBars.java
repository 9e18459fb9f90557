package org.recblend.ui.demo;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The small bar that pictures a similarity for a stakeholder: a track with a filled share and
 * the figure as a percentage beside it. Cosines of sentence vectors of related texts sit between
 * about 0.2 and 0.9; negative ones draw as an empty bar.
 */
final class DemoBars {
    static final double WIDTH = 90;
    static final double HEIGHT = 12;

    private DemoBars() {
    }

    static HBox bar(double value, String fillClass) {
        return bar(value, fillClass, WIDTH);
    }

    static HBox bar(double value, String fillClass, double width) {
        double share = Math.max(0, Math.min(1, value));
        Region track = new Region();
        track.getStyleClass().add("demo-bar-track");
        track.setPrefSize(width, HEIGHT);
        track.setMaxSize(width, HEIGHT);
        Region fill = new Region();
        fill.getStyleClass().add(fillClass);
        fill.setPrefSize(width * share, HEIGHT);
        fill.setMaxSize(width * share, HEIGHT);
        StackPane stack = new StackPane(track, fill);
        StackPane.setAlignment(fill, Pos.CENTER_LEFT);
        stack.setMinSize(width, HEIGHT);
        stack.setMaxSize(width, HEIGHT);
        Label figure = new Label(percent(value));
        figure.getStyleClass().add("demo-muted");
        // the figure is the point of the bar: never cut it
        figure.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(8, stack, figure);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setMinWidth(Region.USE_PREF_SIZE);
        box.setUserData(value);
        return box;
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * Math.max(0, value));
    }

    /** A spacer that grows, for header rows. */
    static Pane grow() {
        Pane p = new Pane();
        HBox.setHgrow(p, javafx.scene.layout.Priority.ALWAYS);
        return p;
    }
}
