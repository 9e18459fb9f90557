package org.recblend.ui.importwizard;

import java.text.NumberFormat;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** Small layout helpers the wizard's pages share, so they look alike. */
final class Pages {
    static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.US);

    private Pages() {
    }

    /** A two-column form: labels on the left, controls that grow on the right. */
    static GridPane form() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(150);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        return grid;
    }

    static void row(GridPane grid, String label, Node field) {
        int row = grid.getRowCount();
        Label l = new Label(label);
        l.setLabelFor(field);
        grid.add(l, 0, row);
        grid.add(field, 1, row);
    }

    static Label hint(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("wizard-hint");
        return l;
    }

    static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("wizard-heading");
        return l;
    }

    static Insets padding() {
        return new Insets(16);
    }

    static String count(long n) {
        return COUNT.format(n);
    }
}
