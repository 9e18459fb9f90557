package org.recblend.ui.inspector.items;

import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.recblend.results.ItemMapData;
import org.recblend.results.UserInspectionCatalogue;
import org.recblend.results.UserInspectionRuns;
import org.recblend.ui.task.TaskExecutor;

/**
 * State of the item explorer: which item vectors are mapped, the map (PCA to two dimensions), the
 * items a search highlights, the selected item and its nearest neighbours. Reading the vectors,
 * the PCA and the neighbour scan run through the {@link TaskExecutor}; late answers are dropped.
 */
public final class ItemExplorerViewModel {
    static final int NEIGHBOURS = 10;

    private final UserInspectionRuns runs;
    private final TaskExecutor executor;
    private final ObservableList<ItemMapData.VectorChoice> choices = FXCollections.observableArrayList();
    private final ObjectProperty<ItemMapData.VectorChoice> choice = new SimpleObjectProperty<>();
    private final ObjectProperty<ItemMapData.ItemMap> map = new SimpleObjectProperty<>();
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<ItemMapData.Point> matches = FXCollections.observableArrayList();
    private final ObjectProperty<ItemMapData.Point> selected = new SimpleObjectProperty<>();
    private final ObservableList<ItemMapData.Neighbour> neighbours = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private UserInspectionCatalogue catalogue;
    private int generation;
    private int selection;

    public ItemExplorerViewModel(UserInspectionRuns runs, TaskExecutor executor) {
        this.runs = runs;
        this.executor = executor;
    }

    /** Lists the item vectors of the project's runs and maps the first (the newest run's model). */
    public void load() {
        loading.set(true);
        status.set("Reading the project's runs…");
        executor.execute(() -> ItemMapData.choices(runs), found -> {
            choices.setAll(found);
            loading.set(false);
            if (found.isEmpty()) {
                status.set("No finished run has item vectors yet: run a pipeline with a trained model or a text encoder.");
                return;
            }
            show(found.get(0));
        }, this::failed);
    }

    /** Maps another set of vectors; the selection and the search are kept when their items are on it. */
    public void show(ItemMapData.VectorChoice c) {
        if (c == null || (Objects.equals(c, choice.get()) && map.get() != null && map.get().choice().equals(c))) {
            return;
        }
        choice.set(c);
        int mine = ++generation;
        loading.set(true);
        status.set("Mapping " + c.label() + "…");
        executor.execute(() -> ItemMapData.load(runs, c, catalogue(c)), m -> {
            if (mine != generation) {
                return;
            }
            loading.set(false);
            map.set(m);
            status.set(summary(m));
            search(query.get());
            ItemMapData.Point old = selected.get();
            selected.set(null);
            neighbours.clear();
            if (old != null) {
                m.point(old.id()).ifPresent(this::select);
            }
        }, e -> {
            if (mine == generation) {
                map.set(null);
                failed(e);
            }
        });
    }

    /** "1,000 items · the two axes keep 38.9 % and 6.6 % of the vectors' variance". */
    static String summary(ItemMapData.ItemMap m) {
        return String.format(java.util.Locale.ROOT, "%,d items · the two axes keep %.1f %% and %.1f %% of the vectors' variance",
                m.points().size(), 100 * m.pca().explained(0), 100 * m.pca().explained(1));
    }

    private UserInspectionCatalogue catalogue(ItemMapData.VectorChoice c) {
        String dataset = runs.models().stream().filter(m -> m.runId() == c.runId()).map(UserInspectionRuns.ModelChoice::dataset)
                .findFirst().orElse("");
        UserInspectionCatalogue cat = catalogue;
        if (cat == null || !cat.datasetName().equals(dataset)) {
            cat = UserInspectionCatalogue.load(runs.store(), dataset);
            catalogue = cat;
        }
        return cat;
    }

    /** Highlights the items whose id, title or category contains the text. */
    public void search(String text) {
        query.set(text == null ? "" : text);
        ItemMapData.ItemMap m = map.get();
        matches.setAll(m == null ? List.of() : m.search(query.get()));
        if (m != null && query.get().isBlank()) {
            status.set(summary(m));
        } else if (m != null) {
            status.set(matches.isEmpty() ? "No item matches \"" + query.get() + "\""
                    : matches.size() + " item" + (matches.size() == 1 ? "" : "s") + " match \"" + query.get() + "\"");
            if (matches.size() == 1) {
                select(matches.get(0));
            }
        }
    }

    /** Selects an item (a click on the map, a search hit) and finds its nearest neighbours. */
    public void select(ItemMapData.Point p) {
        selected.set(p);
        ItemMapData.ItemMap m = map.get();
        if (p == null || m == null) {
            neighbours.clear();
            return;
        }
        int mine = ++selection;
        executor.execute(() -> m.neighbours(p, NEIGHBOURS), found -> {
            if (mine == selection) {
                neighbours.setAll(found);
            }
        }, this::failed);
    }

    private void failed(Throwable e) {
        loading.set(false);
        status.set(e instanceof IllegalStateException ? e.getMessage()
                : "Could not map the items: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
    }

    public ObservableList<ItemMapData.VectorChoice> choices() {
        return choices;
    }

    public ObjectProperty<ItemMapData.VectorChoice> choiceProperty() {
        return choice;
    }

    public ObjectProperty<ItemMapData.ItemMap> mapProperty() {
        return map;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<ItemMapData.Point> matches() {
        return matches;
    }

    public ObjectProperty<ItemMapData.Point> selectedProperty() {
        return selected;
    }

    public ObservableList<ItemMapData.Neighbour> neighbours() {
        return neighbours;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }
}
