package org.recblend.ui.demo;

import java.util.List;
import java.util.Random;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.recblend.results.DemoCatalog;
import org.recblend.results.DemoException;
import org.recblend.results.DemoNewItem;
import org.recblend.results.DemoRun;
import org.recblend.results.DemoRunChoice;
import org.recblend.store.ProjectStore;
import org.recblend.task.TaskMonitor;
import org.recblend.ui.task.TaskExecutor;

/**
 * State of the stakeholder demo: the chosen run, the customer on show with their list, and the new
 * item being described with what it resembles and who would want it. All reading and encoding runs
 * through the {@link TaskExecutor}; typing a description goes through a {@link Debouncer}, and an
 * answer to an older text than the one now in the box is dropped, so a slow answer never
 * overwrites a newer one.
 */
public final class DemoViewModel {
    private final ProjectStore store;
    private final TaskExecutor executor;
    private final Debouncer debouncer;
    private final Random random = new Random(7);

    private final ObservableList<DemoRunChoice> runs = FXCollections.observableArrayList();
    private final ObjectProperty<DemoRunChoice> selectedRun = new SimpleObjectProperty<>();
    private final ObjectProperty<DemoRun> run = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");

    private final StringProperty customerQuery = new SimpleStringProperty("");
    private final ObjectProperty<DemoRun.User> customer = new SimpleObjectProperty<>();
    private final StringProperty customerMessage = new SimpleStringProperty("");

    private final StringProperty newItemText = new SimpleStringProperty("");
    private final ObjectProperty<DemoNewItem.Answer> newItemAnswer = new SimpleObjectProperty<>();
    private final StringProperty newItemMessage = new SimpleStringProperty("");
    private final BooleanProperty newItemAvailable = new SimpleBooleanProperty();

    private DemoNewItem placer;
    /** Bumped on every text change and run change: answers carry the number they were asked under. */
    private long question;

    public DemoViewModel(ProjectStore store, TaskExecutor executor, Debouncer debouncer) {
        this.store = store;
        this.executor = executor;
        this.debouncer = debouncer;
        selectedRun.addListener((obs, old, now) -> {
            if (now != null && (old == null || old.runId() != now.runId())) {
                load(now);
            }
        });
        newItemText.addListener((obs, old, now) -> textChanged(now));
    }

    /** Reads the runs that stored recommendations and selects the newest. */
    public void refreshRuns() {
        status.set("Looking for finished runs…");
        executor.execute(() -> DemoCatalog.runs(store), list -> {
            runs.setAll(list);
            if (list.isEmpty()) {
                status.set("No finished run with recommendations yet: run a pipeline with a Recommend node first.");
            } else if (selectedRun.get() == null || list.stream().noneMatch(c -> c.runId() == selectedRun.get().runId())) {
                selectedRun.set(list.get(0));
            } else {
                status.set("");
            }
        }, e -> status.set("Cannot read the runs: " + e.getMessage()));
    }

    private void load(DemoRunChoice choice) {
        // the old run's card and answer stay on screen until the new run's arrive: no blank flash in
        // front of an audience, and one relayout instead of two
        loading.set(true);
        question++;
        newItemAvailable.set(false);
        placer = null;
        status.set("Loading " + choice + "…");
        executor.execute(() -> {
            DemoRun loaded = DemoCatalog.load(store, choice, TaskMonitor.none());
            DemoNewItem p = null;
            String why = loaded.noEncoderReason();
            if (why == null) {
                p = new DemoNewItem(loaded);
                // the first answer should be as quick as the rest: load the encoder with the run
                p.warmUp();
            }
            return new Loaded(loaded, p, why);
        }, l -> {
            if (selectedRun.get() == null || selectedRun.get().runId() != choice.runId()) {
                return;
            }
            loading.set(false);
            run.set(l.run());
            placer = l.placer();
            newItemAvailable.set(placer != null);
            newItemMessage.set(placer == null ? l.why() : "");
            status.set(l.run().userCount() + " customers · " + l.run().itemCount() + " products · "
                    + (l.run().hasTextVectors() ? "product texts read by " + encoderName(l.run().textSource()) : "no product texts"));
            String wanted = customerQuery.get().isBlank() ? l.run().userId(0) : customerQuery.get();
            showCustomer(wanted);
            if (placer != null && !newItemText.get().isBlank()) {
                ask(newItemText.get());
            }
        }, e -> {
            loading.set(false);
            status.set("Cannot show " + choice + ": " + message(e));
        });
    }

    private record Loaded(DemoRun run, DemoNewItem placer, String why) {
    }

    /** Shows the customer of this id (trimmed) with the run's list. */
    public void showCustomer(String id) {
        DemoRun r = run.get();
        customerQuery.set(id == null ? "" : id.strip());
        if (r == null) {
            return;
        }
        executor.execute(() -> r.user(id), u -> {
            if (run.get() == r) {
                customer.set(u);
                customerMessage.set(u.recommendations().isEmpty() ? "The run stored no list for customer " + u.id() : "");
            }
        }, e -> customerMessage.set(message(e)));
    }

    /** Shows the customer typed in the query box. */
    public void showTypedCustomer() {
        showCustomer(customerQuery.get());
    }

    /** Shows a customer picked at random: a quick way to show the range of lists. */
    public void showRandomCustomer() {
        DemoRun r = run.get();
        if (r != null) {
            showCustomer(r.userId(random.nextInt(r.userCount())));
        }
    }

    /** Customer ids starting with what was typed, for the box's suggestions. */
    public List<String> suggestions(String prefix) {
        DemoRun r = run.get();
        return r == null ? List.of() : r.suggestions(prefix, 8);
    }

    private void textChanged(String text) {
        question++;
        long asked = question;
        if (placer == null) {
            return;
        }
        if (text == null || text.strip().length() < DemoNewItem.MIN_CHARS) {
            newItemAnswer.set(null);
            newItemMessage.set(text == null || text.isBlank() ? "" : "Keep typing…");
            return;
        }
        newItemMessage.set("…");
        debouncer.call(() -> {
            if (asked == question) {
                ask(text);
            }
        });
    }

    private void ask(String text) {
        DemoNewItem p = placer;
        long asked = question;
        executor.execute(() -> p.answer(text), a -> {
            if (asked == question && p == placer) {
                newItemAnswer.set(a);
                newItemMessage.set("Answered in " + a.totalMillis() + " ms");
            }
        }, e -> {
            if (asked == question) {
                newItemAnswer.set(null);
                newItemMessage.set(message(e));
            }
        });
    }

    /** "the MiniLM sentence model" rather than "text:minilm-l6-v2-q@1.19.0-beta29": the audience is not technical. */
    static String encoderName(String source) {
        String s = source.replaceFirst("^text:", "");
        if (s.toLowerCase(java.util.Locale.ROOT).contains("minilm")) {
            return "the MiniLM sentence model";
        }
        if (s.startsWith("tfidf")) {
            return "word statistics (TF-IDF)";
        }
        int at = s.indexOf('@');
        return at > 0 ? s.substring(0, at) : s;
    }

    private static String message(Throwable e) {
        Throwable t = e;
        while (!(t instanceof DemoException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof DemoException ? t.getMessage() : String.valueOf(e.getMessage());
    }

    /** Stops the debounce timer. */
    public void dispose() {
        debouncer.shutdown();
    }

    public ObservableList<DemoRunChoice> runs() {
        return runs;
    }

    public ObjectProperty<DemoRunChoice> selectedRunProperty() {
        return selectedRun;
    }

    public ReadOnlyObjectProperty<DemoRun> runProperty() {
        return run;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public StringProperty customerQueryProperty() {
        return customerQuery;
    }

    public ReadOnlyObjectProperty<DemoRun.User> customerProperty() {
        return customer;
    }

    public ReadOnlyStringProperty customerMessageProperty() {
        return customerMessage;
    }

    public StringProperty newItemTextProperty() {
        return newItemText;
    }

    public ReadOnlyObjectProperty<DemoNewItem.Answer> newItemAnswerProperty() {
        return newItemAnswer;
    }

    public ReadOnlyStringProperty newItemMessageProperty() {
        return newItemMessage;
    }

    public ReadOnlyBooleanProperty newItemAvailableProperty() {
        return newItemAvailable;
    }
}
