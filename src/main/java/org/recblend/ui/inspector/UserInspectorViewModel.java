package org.recblend.ui.inspector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.recblend.results.UserInspection;
import org.recblend.results.UserInspectionCatalogue;
import org.recblend.results.UserInspectionModel;
import org.recblend.results.UserInspectionRuns;
import org.recblend.results.UserInspectionRuns.ModelChoice;
import org.recblend.ui.task.TaskExecutor;

/**
 * State of the user inspector: the models of the project's finished runs, the users a search
 * found, and for the chosen user their profile, history, held-out items and the top-K of one model
 * (and of a second one to compare). Every store read and every scoring runs through the
 * {@link TaskExecutor}; an answer that arrives after the user moved on is dropped, so a slow read of
 * one user never overwrites the next one's view.
 */
public final class UserInspectorViewModel {
    /** The compare chooser's "no comparison". */
    public static final ModelChoice NO_COMPARISON = new ModelChoice(0, "", "", "", null, "");
    static final int MAX_MATCHES = 200;

    private final UserInspectionRuns runs;
    private final TaskExecutor executor;
    private final Map<ModelChoice, UserInspectionModel> loaded = new ConcurrentHashMap<>();
    private final Map<String, UserInspectionCatalogue> catalogues = new ConcurrentHashMap<>();

    private final ObservableList<ModelChoice> models = FXCollections.observableArrayList();
    private final ObservableList<ModelChoice> compareChoices = FXCollections.observableArrayList();
    private final ObjectProperty<ModelChoice> model = new SimpleObjectProperty<>();
    private final ObjectProperty<ModelChoice> compare = new SimpleObjectProperty<>(NO_COMPARISON);
    private final IntegerProperty k = new SimpleIntegerProperty(10);
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<UserInspection.UserMatch> matches = FXCollections.observableArrayList();
    private final StringProperty user = new SimpleStringProperty();
    private final ObjectProperty<UserInspection.Profile> profile = new SimpleObjectProperty<>();
    private final ObservableList<UserInspection.HistoryRow> history = FXCollections.observableArrayList();
    private final ObservableList<UserInspection.HistoryRow> heldOut = FXCollections.observableArrayList();
    private final ObjectProperty<UserInspection.TopList> list = new SimpleObjectProperty<>();
    private final ObjectProperty<UserInspection.TopList> compareList = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private int generation;
    private int searchGeneration;

    public UserInspectorViewModel(UserInspectionRuns runs, TaskExecutor executor) {
        this.runs = runs;
        this.executor = executor;
    }

    /** Reads the runs' models, chooses the newest with stored lists, and lists the first users. */
    public void load() {
        loading.set(true);
        status.set("Reading the project's runs…");
        executor.execute(runs::models, found -> {
            models.setAll(found);
            compareChoices.setAll(NO_COMPARISON);
            compareChoices.addAll(found);
            model.set(found.stream().filter(m -> m.recommendNode() != null).findFirst().orElse(found.isEmpty() ? null : found.get(0)));
            loading.set(false);
            if (found.isEmpty()) {
                status.set("No finished run has a trained model yet: run a pipeline, then inspect its users.");
                return;
            }
            search(query.get());
        }, this::failed);
    }

    /** Finds users by id or attribute (see {@link UserInspection#findUsers}). */
    public void search(String text) {
        query.set(text == null ? "" : text);
        ModelChoice m = model.get();
        if (m == null) {
            return;
        }
        int mine = ++searchGeneration;
        String q = query.get();
        executor.execute(() -> inspection(m).findUsers(q, MAX_MATCHES), found -> {
            if (mine != searchGeneration) {
                return;
            }
            matches.setAll(found);
            if (found.isEmpty()) {
                status.set("No user matches \"" + q + "\". Try an id, a value such as North, or name=value (region=North).");
            } else {
                status.set((found.size() >= MAX_MATCHES ? "The first " + MAX_MATCHES : String.valueOf(found.size())) + " users"
                        + (q.isBlank() ? "" : " match \"" + q + "\""));
            }
        }, this::failed);
    }

    /** Shows a user: profile, history and held-out items under the chosen model's split, and the lists. */
    public void showUser(String userId) {
        user.set(userId);
        refresh();
    }

    /** Chooses the model whose list is shown (the history's parts follow its split). */
    public void setModel(ModelChoice choice) {
        if (!Objects.equals(choice, model.get())) {
            model.set(choice);
            refresh();
        }
    }

    /** Chooses a second model to compare, or {@link #NO_COMPARISON}. */
    public void setCompare(ModelChoice choice) {
        ModelChoice c = choice == null ? NO_COMPARISON : choice;
        if (!c.equals(compare.get())) {
            compare.set(c);
            refresh();
        }
    }

    /** Sets how many recommendations to show, 1 to 100. */
    public void setK(int newK) {
        int clamped = Math.max(1, Math.min(100, newK));
        if (clamped != k.get()) {
            k.set(clamped);
            refresh();
        }
    }

    private void refresh() {
        String id = user.get();
        ModelChoice m = model.get();
        if (id == null || m == null) {
            return;
        }
        ModelChoice c = compare.get();
        int size = k.get();
        int mine = ++generation;
        loading.set(true);
        status.set("Loading user " + id + "…");
        executor.execute(() -> read(id, m, c, size), view -> {
            if (mine != generation) {
                return;
            }
            loading.set(false);
            profile.set(view.profile.orElse(null));
            history.setAll(view.history);
            heldOut.setAll(view.history.stream().filter(r -> !r.part().equals(UserInspection.TRAIN)
                    && !r.part().equals(UserInspection.NOT_IN_SPLIT)).toList());
            list.set(view.list);
            compareList.set(view.compareList);
            status.set(view.profile.isEmpty() ? "No user " + id + " in dataset " + inspection(m).catalogue().datasetName()
                    : summary(view.list));
        }, e -> {
            if (mine == generation) {
                failed(e);
            }
        });
    }

    private record UserView(Optional<UserInspection.Profile> profile, List<UserInspection.HistoryRow> history,
                            UserInspection.TopList list, UserInspection.TopList compareList) {
    }

    private UserView read(String id, ModelChoice m, ModelChoice c, int size) {
        UserInspection inspection = inspection(m);
        UserInspectionModel a = model(m);
        Optional<UserInspection.Profile> p = inspection.profile(id);
        if (p.isEmpty()) {
            return new UserView(p, List.of(), null, null);
        }
        UserInspection.TopList b = c == null || c.equals(NO_COMPARISON) ? null : inspection(c).recommendations(model(c), id, size);
        return new UserView(p, inspection.history(id, a.split()), inspection.recommendations(a, id, size), b);
    }

    private static String summary(UserInspection.TopList l) {
        if (l == null) {
            return "";
        }
        if (!l.note().isEmpty()) {
            return l.note();
        }
        return "Hits: " + l.hits() + " of the top " + l.items().size() + " are among the user's " + l.heldOut().size()
                + " held-out test items";
    }

    private UserInspectionModel model(ModelChoice m) {
        return loaded.computeIfAbsent(m, x -> UserInspectionModel.load(runs, x));
    }

    private UserInspection inspection(ModelChoice m) {
        return new UserInspection(runs.store(), catalogues.computeIfAbsent(m.dataset(), d -> UserInspectionCatalogue.load(runs.store(), d)));
    }

    private void failed(Throwable e) {
        loading.set(false);
        status.set("Could not read the project: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
    }

    public ObservableList<ModelChoice> models() {
        return models;
    }

    public ObservableList<ModelChoice> compareChoices() {
        return compareChoices;
    }

    public ObjectProperty<ModelChoice> modelProperty() {
        return model;
    }

    public ObjectProperty<ModelChoice> compareProperty() {
        return compare;
    }

    public IntegerProperty kProperty() {
        return k;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<UserInspection.UserMatch> matches() {
        return matches;
    }

    public StringProperty userProperty() {
        return user;
    }

    public ObjectProperty<UserInspection.Profile> profileProperty() {
        return profile;
    }

    public ObservableList<UserInspection.HistoryRow> history() {
        return history;
    }

    public ObservableList<UserInspection.HistoryRow> heldOut() {
        return heldOut;
    }

    public ObjectProperty<UserInspection.TopList> listProperty() {
        return list;
    }

    public ObjectProperty<UserInspection.TopList> compareListProperty() {
        return compareList;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    /** The items of the other list by id → rank, for the side-by-side marks. */
    static Map<String, Integer> ranks(UserInspection.TopList l) {
        Map<String, Integer> out = new java.util.HashMap<>();
        if (l != null) {
            l.items().forEach(r -> out.put(r.itemId(), r.rank()));
        }
        return out;
    }

    /** The ids of both lists' items in list order, without repeats: what the two models agree on first. */
    static List<String> shared(UserInspection.TopList a, UserInspection.TopList b) {
        List<String> out = new ArrayList<>();
        if (a == null || b == null) {
            return out;
        }
        Map<String, Integer> other = ranks(b);
        a.items().stream().map(UserInspection.Recommended::itemId).filter(other::containsKey).forEach(out::add);
        return out;
    }
}
