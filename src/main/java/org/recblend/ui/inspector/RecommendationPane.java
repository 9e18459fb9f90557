package org.recblend.ui.inspector;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.recblend.results.UserInspection;

/**
 * One model's top-K for the user: rank, item, score, the bar of what each source contributed and
 * the history items the recommendation resembles. Hits (items the user really had in the held-out
 * part) are marked green with a ✓; when a second list is compared, the rank an item has there is shown.
 */
final class RecommendationPane {
    private final VBox root = new VBox(4);
    private final Label title = new Label();
    private final Label subtitle = new Label();
    private final HBox legend = new HBox();
    private final TableView<UserInspection.Recommended> table = new TableView<>();
    private final TableColumn<UserInspection.Recommended, String> other = new TableColumn<>("Other");
    private Map<String, Integer> otherRanks = Map.of();
    private double scale = 1;

    RecommendationPane(String id) {
        root.setId(id);
        table.setId(id + "Table");
        title.setId(id + "Title");
        subtitle.setId(id + "Subtitle");
        title.setStyle("-fx-font-size: 14px; -fx-font-weight: bold;");
        subtitle.setStyle("-fx-text-fill: #555;");
        subtitle.setWrapText(true);
        table.setPlaceholder(new Label("Choose a user to see what this model recommends"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        TableColumn<UserInspection.Recommended, String> rank = new TableColumn<>("#");
        rank.setCellValueFactory(c -> new ReadOnlyStringWrapper((c.getValue().hit() ? "✓ " : "") + c.getValue().rank()));
        rank.setMinWidth(42);
        rank.setMaxWidth(48);
        TableColumn<UserInspection.Recommended, String> item = new TableColumn<>("Item");
        item.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().title()));
        item.setCellFactory(col -> new TableCell<>() {
            {
                LazyTooltip.install(this, () -> {
                    UserInspection.Recommended r = isEmpty() || getTableRow() == null ? null : getTableRow().getItem();
                    return r == null ? null : r.itemId() + " · " + r.title() + "\n" + r.category()
                            + (r.because().isEmpty() ? "" : "\nBecause you liked: " + r.because().stream()
                            .map(b -> b.title() + String.format(Locale.ROOT, " (%.2f)", b.cosine())).collect(Collectors.joining(", ")));
                });
            }

            @Override
            protected void updateItem(String v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : v);
            }
        });
        item.setPrefWidth(220);
        TableColumn<UserInspection.Recommended, String> category = new TableColumn<>("Category");
        category.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().category()));
        category.setPrefWidth(110);
        TableColumn<UserInspection.Recommended, String> score = new TableColumn<>("Score");
        score.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.format(Locale.ROOT, "%.3f", c.getValue().score())));
        score.setMinWidth(58);
        score.setMaxWidth(70);
        score.setStyle("-fx-alignment: CENTER-RIGHT;");
        TableColumn<UserInspection.Recommended, UserInspection.Recommended> why = new TableColumn<>("Why (source parts)");
        why.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        why.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(UserInspection.Recommended r, boolean empty) {
                super.updateItem(r, empty);
                setGraphic(empty || r == null || r.contributions().isEmpty() ? null : ContributionBar.of(r.contributions(), r.score(), scale));
                setText(!empty && r != null && r.contributions().isEmpty() ? "—" : null);
            }
        });
        why.setMinWidth(ContributionBar.WIDTH + 16);
        why.setMaxWidth(ContributionBar.WIDTH + 16);
        TableColumn<UserInspection.Recommended, String> because = new TableColumn<>("Because you liked");
        because.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().because().isEmpty() ? "—"
                : c.getValue().because().stream().map(b -> b.title() + String.format(Locale.ROOT, " (%.2f)", b.cosine()))
                .collect(Collectors.joining("; "))));
        because.setCellFactory(col -> new TableCell<>() {
            {
                LazyTooltip.install(this, () -> isEmpty() || getItem() == null ? null : getItem().replace("; ", "\n"));
            }

            @Override
            protected void updateItem(String v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : v);
            }
        });
        because.setPrefWidth(220);
        other.setCellValueFactory(c -> {
            Integer at = otherRanks.get(c.getValue().itemId());
            return new ReadOnlyStringWrapper(at == null ? "—" : "#" + at);
        });
        other.setMinWidth(54);
        other.setMaxWidth(60);
        other.setVisible(false);
        table.getColumns().add(rank);
        table.getColumns().add(item);
        table.getColumns().add(category);
        table.getColumns().add(score);
        table.getColumns().add(why);
        table.getColumns().add(because);
        table.getColumns().add(other);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(UserInspection.Recommended r, boolean empty) {
                super.updateItem(r, empty);
                setStyle(!empty && r != null && r.hit() ? "-fx-background-color: #dff3e1;" : "");
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        root.setPadding(new Insets(4));
        root.getChildren().addAll(title, subtitle, legend, table);
    }

    VBox root() {
        return root;
    }

    TableView<UserInspection.Recommended> table() {
        return table;
    }

    /** Shows a list; {@code compared} is the other list (null when not comparing). */
    void show(UserInspection.TopList list, UserInspection.TopList compared, boolean narrow) {
        if (list == null) {
            title.setText("");
            subtitle.setText("");
            legend.getChildren().clear();
            table.getItems().clear();
            return;
        }
        title.setText(list.choice().label());
        String from = switch (list.source()) {
            case "stored" -> "stored top-" + list.items().size();
            case "scored" -> "top-" + list.items().size() + " scored from the run's model (no stored lists)";
            default -> "no list";
        };
        subtitle.setText(from + (list.note().isEmpty() ? " · " + list.hits() + " hit" + (list.hits() == 1 ? "" : "s")
                + " among " + list.heldOut().size() + " held-out items" : " · " + list.note()));
        subtitle.setTooltip(new Tooltip(subtitle.getText()));
        scale = list.items().stream().mapToDouble(r -> ContributionBar.size(r.contributions())).max().orElse(1);
        legend.getChildren().setAll(ContributionBar.legend(list.groups()));
        otherRanks = UserInspectorViewModel.ranks(compared);
        other.setVisible(compared != null);
        // side by side there is no room for the category and the reasons: the item's tooltip has both
        table.getColumns().get(2).setVisible(!narrow);
        table.getColumns().get(5).setVisible(!narrow);
        table.getItems().setAll(list.items());
        table.refresh();
    }
}
