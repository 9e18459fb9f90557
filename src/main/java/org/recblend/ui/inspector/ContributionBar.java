package org.recblend.ui.inspector;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.recblend.results.UserInspectionContributions;

/**
 * A recommendation's score as a bar of its parts, one colour per source group (behaviour, text,
 * content, social, context, cold map), widths proportional to the size of each part; a part that
 * pulled the score down is drawn pale. The exact numbers are in the tooltip.
 */
final class ContributionBar {
    static final Map<String, String> COLOURS = Map.of(
            UserInspectionContributions.BEHAVIOUR, "#3a7bd5",
            UserInspectionContributions.TEXT, "#e67e22",
            UserInspectionContributions.CONTENT, "#27ae60",
            UserInspectionContributions.SOCIAL, "#8e44ad",
            UserInspectionContributions.CONTEXT, "#c0392b",
            UserInspectionContributions.COLD_MAP, "#7f8c8d");
    static final double WIDTH = 130;

    private ContributionBar() {
    }

    /** The bar of one recommendation; {@code scale} is the largest summed size in the list. */
    static HBox of(Map<String, Double> parts, double score, double scale) {
        HBox bar = new HBox();
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setMinHeight(12);
        bar.setMaxHeight(12);
        for (Map.Entry<String, Double> e : parts.entrySet()) {
            double v = e.getValue();
            double w = scale <= 0 ? 0 : Math.abs(v) / scale * WIDTH;
            if (w < 0.5) {
                continue;
            }
            Region r = new Region();
            r.setMinWidth(w);
            r.setPrefWidth(w);
            r.setMaxWidth(w);
            r.setMinHeight(12);
            r.setStyle("-fx-background-color: " + COLOURS.getOrDefault(e.getKey(), "#95a5a6") + ";"
                    + (v < 0 ? " -fx-opacity: 0.35;" : ""));
            bar.getChildren().add(r);
        }
        LazyTooltip.install(bar, () -> describe(parts, score));
        return bar;
    }

    /** "behaviour 2.310 · text 0.420 · social −0.050 = 2.680". */
    static String describe(Map<String, Double> parts, double score) {
        StringBuilder sb = new StringBuilder();
        parts.forEach((g, v) -> sb.append(sb.length() == 0 ? "" : " · ").append(g).append(' ')
                .append(String.format(Locale.ROOT, "%+.3f", v)));
        return sb.append(String.format(Locale.ROOT, " = %.3f", score)).toString();
    }

    /** The sum of the parts' sizes, to scale a list's bars alike. */
    static double size(Map<String, Double> parts) {
        return parts.values().stream().mapToDouble(Math::abs).sum();
    }

    /** A legend of the groups a model has. */
    static HBox legend(List<String> groups) {
        HBox box = new HBox(10);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(0, 0, 0, 4));
        Label what = new Label("Score made of:");
        what.setStyle("-fx-text-fill: #555;");
        box.getChildren().add(what);
        for (String g : groups) {
            Region swatch = new Region();
            swatch.setMinSize(10, 10);
            swatch.setMaxSize(10, 10);
            swatch.setStyle("-fx-background-color: " + COLOURS.getOrDefault(g, "#95a5a6") + ";");
            Label l = new Label(g, swatch);
            l.getStyleClass().add("contribution-legend");
            box.getChildren().add(l);
        }
        return box;
    }
}
