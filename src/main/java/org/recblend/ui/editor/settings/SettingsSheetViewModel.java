package org.recblend.ui.editor.settings;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.recblend.pipeline.InvalidSettingsException;
import org.recblend.pipeline.NodeDescriptor;
import org.recblend.pipeline.NodeKind;
import org.recblend.pipeline.NodeSettings;
import org.recblend.pipeline.PortSpec;
import org.recblend.pipeline.SeededSettings;
import org.recblend.pipeline.SettingDoc;

/**
 * The settings of one node as an editable sheet, testable without a screen. It makes one
 * {@link SettingField} per component of the kind's settings record, in the order and groups of
 * {@link NodeKind#settingDocs()} (then the rest in record order), labelled by the docs or by the
 * humanised component name.
 *
 * <p>An edit builds a candidate record through the canonical constructor with every edit not yet
 * committed, runs {@code validate()} and the kind's {@code configure(settings, inputs)}, and
 * commits it through the callback when it brings no new error: a "not configured" result (a
 * setting still to choose, an input still to connect) is a hint and commits, and an error the
 * committed settings already had (an unwired fuse node) is not the edit's fault and commits too.
 * A refused edit stays in its editor with the message until it is fixed or reverted; an edit that
 * is valid alone commits even while another one waits. Messages go to the setting they name,
 * else to the edited one, else to the top of the sheet.
 *
 * <p>{@link #update} shows settings changed from outside (undo, redo) and drops waiting edits.
 */
public final class SettingsSheetViewModel {
    /** The group of settings whose kind names none. */
    public static final String DEFAULT_GROUP = "Settings";

    private final NodeKind<?> kind;
    private final Consumer<NodeSettings> onCommit;
    private final List<SettingField> fields = new ArrayList<>();
    private final Map<SettingField, RecordComponent> components = new LinkedHashMap<>();
    private final RecordComponent[] recordOrder;
    private final Constructor<?> constructor;
    /** Edits not committed, oldest first. */
    private final Map<SettingField, Edit> pending = new LinkedHashMap<>();
    private final ReadOnlyObjectWrapper<SettingMessage> sheetMessage = new ReadOnlyObjectWrapper<>(this, "sheetMessage");
    private final BooleanProperty editable = new SimpleBooleanProperty(this, "editable", true);
    private List<PortSpec> inputs;
    private NodeSettings committed;
    /** The settings of the last commit that brought a new message: where that message goes when it names none. */
    private Set<SettingField> lastCause = Set.of();

    /** What the user typed or chose; {@code error} when the text is no value of the type. */
    private record Edit(String text, Object value, String error) {
    }

    /** A built record, or why the constructor refused the values. */
    private record Candidate(NodeSettings settings, String error) {
    }

    /**
     * @param kind     the node's kind
     * @param settings its current settings (null when they cannot be read: the sheet then edits nothing)
     * @param inputs   the schemas arriving at its inputs in declared order, null for an unconnected one; may be empty
     * @param onCommit receives every valid new settings record, once per accepted edit
     */
    public SettingsSheetViewModel(NodeKind<?> kind, NodeSettings settings, List<PortSpec> inputs,
                                  Consumer<NodeSettings> onCommit) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.onCommit = Objects.requireNonNull(onCommit, "onCommit");
        this.committed = settings;
        this.inputs = padded(inputs);
        Class<?> cls = settings == null ? kind.settingsClass() : settings.getClass();
        if (cls.isRecord() && settings != null) {
            recordOrder = cls.getRecordComponents();
            constructor = canonicalConstructor(cls, recordOrder);
            buildFields();
        } else {
            recordOrder = new RecordComponent[0];
            constructor = null;
        }
        render();
    }

    private static Constructor<?> canonicalConstructor(Class<?> cls, RecordComponent[] rc) {
        Class<?>[] types = new Class<?>[rc.length];
        for (int i = 0; i < rc.length; i++) {
            types[i] = rc[i].getType();
            rc[i].getAccessor().setAccessible(true);
        }
        try {
            Constructor<?> c = cls.getDeclaredConstructor(types);
            c.setAccessible(true);
            return c;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Settings record " + cls.getName() + " has no canonical constructor", e);
        }
    }

    private void buildFields() {
        Map<String, SettingDoc> docs = kind.settingDocs();
        Map<String, RecordComponent> byName = new LinkedHashMap<>();
        for (RecordComponent c : recordOrder) {
            byName.put(c.getName(), c);
        }
        List<String> order = new ArrayList<>();
        docs.keySet().stream().filter(byName::containsKey).forEach(order::add);
        byName.keySet().stream().filter(n -> !order.contains(n)).forEach(order::add);
        List<SettingField> unordered = new ArrayList<>();
        for (String name : order) {
            SettingDoc doc = docs.getOrDefault(name, new SettingDoc(null, null, null));
            String label = doc.label() != null ? doc.label() : Humanise.words(name);
            String group = doc.group() != null ? doc.group() : DEFAULT_GROUP;
            String help = doc.help() != null ? Humanise.sentence(doc.help()) : fallbackHelp(name);
            RecordComponent c = byName.get(name);
            SettingField f = new SettingField(this, name, label, group, help, SettingType.of(c.getGenericType()));
            unordered.add(f);
            components.put(f, c);
        }
        // groups in order of their first setting, settings of a group together
        for (String g : groupsOf(unordered)) {
            unordered.stream().filter(f -> f.group().equals(g)).forEach(fields::add);
        }
    }

    private String fallbackHelp(String name) {
        if (name.equals("seed") && committed instanceof SeededSettings) {
            return "Seed of the random draws; a run may set one seed for every seeded node";
        }
        return "";
    }

    private static List<String> groupsOf(List<SettingField> list) {
        Set<String> groups = new LinkedHashSet<>();
        list.forEach(f -> groups.add(f.group()));
        return List.copyOf(groups);
    }

    private List<PortSpec> padded(List<PortSpec> given) {
        List<PortSpec> list = new ArrayList<>(given == null ? List.of() : given);
        while (list.size() < kind.descriptor().inputs().size()) {
            list.add(null); // unconnected, as the pipeline validator passes it
        }
        return Collections.unmodifiableList(list);
    }

    // ---- what the sheet shows

    public NodeDescriptor descriptor() {
        return kind.descriptor();
    }

    /** The node kind's name, e.g. "Hybrid (ID + features)". */
    public String title() {
        return kind.descriptor().name();
    }

    /** The stage in words, e.g. "Train". */
    public String stage() {
        return kind.descriptor().stage().label();
    }

    /** The kind's help text. */
    public String help() {
        return kind.descriptor().help();
    }

    /** Every setting, group by group. */
    public List<SettingField> fields() {
        return Collections.unmodifiableList(fields);
    }

    /** The groups in the order they are shown. */
    public List<String> groups() {
        return groupsOf(fields);
    }

    public List<SettingField> fields(String group) {
        return fields.stream().filter(f -> f.group().equals(group)).toList();
    }

    public SettingField field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No setting '" + name + "' in " + kind.descriptor().id()));
    }

    /** A message about no setting in particular (an input to connect, the kind is unknown), or null. */
    public ReadOnlyObjectProperty<SettingMessage> sheetMessageProperty() {
        return sheetMessage.getReadOnlyProperty();
    }

    public SettingMessage sheetMessage() {
        return sheetMessage.get();
    }

    /** The last committed settings. */
    public NodeSettings settings() {
        return committed;
    }

    /** Off while a run uses the node: edits are then ignored and the view disables its editors. */
    public BooleanProperty editableProperty() {
        return editable;
    }

    public boolean hasPendingEdits() {
        return !pending.isEmpty();
    }

    // ---- changes from outside

    /** Shows settings changed elsewhere (undo, redo, another view); edits waiting in the sheet are dropped. */
    public void update(NodeSettings settings) {
        if (Objects.equals(settings, committed)) {
            return;
        }
        committed = settings;
        pending.clear();
        lastCause = Set.of();
        render();
    }

    /** The node was wired anew: checks the settings against the new input schemas. */
    public void setInputs(List<PortSpec> newInputs) {
        inputs = padded(newInputs);
        lastCause = Set.of();
        attempt();
        render();
    }

    // ---- edits, from the fields

    void editText(SettingField field, String input) {
        if (!editable.get() || !components.containsKey(field)) {
            render();
            return;
        }
        if (field.secret() == SecretPolicy.SECRET && (input == null || input.isEmpty())) {
            pending.remove(field); // an empty secret field means "keep the one that is set"
            render();
            return;
        }
        Edit edit;
        try {
            edit = new Edit(input, field.type().parse(input), null);
        } catch (InvalidInputException e) {
            edit = new Edit(input, null, field.label() + " " + e.getMessage());
        }
        record(field, edit);
    }

    void editValue(SettingField field, Object value) {
        if (!editable.get() || !components.containsKey(field)) {
            render();
            return;
        }
        record(field, new Edit(null, value, null));
    }

    void revert(SettingField field) {
        pending.remove(field);
        render();
    }

    private void record(SettingField field, Edit edit) {
        pending.remove(field);
        if (edit.error() != null || !Objects.equals(edit.value(), valueOf(committed, field))) {
            pending.put(field, edit);
        }
        attempt();
        render();
    }

    /** Commits what can be committed: all waiting edits together, else the newest that is valid alone. */
    private void attempt() {
        boolean progress = true;
        while (progress) {
            progress = false;
            Map<SettingField, Object> parsed = parsedEdits();
            if (parsed.isEmpty()) {
                return;
            }
            if (tryCommit(parsed)) {
                parsed.keySet().forEach(pending::remove);
                progress = true;
                continue;
            }
            List<SettingField> newestFirst = new ArrayList<>(parsed.keySet());
            Collections.reverse(newestFirst);
            for (SettingField f : newestFirst) {
                if (parsed.size() > 1 && tryCommit(Map.of(f, nullable(parsed.get(f))))) {
                    pending.remove(f);
                    progress = true;
                    break;
                }
            }
        }
    }

    private static Object nullable(Object v) {
        return v == null ? NULL : v;
    }

    /** Map.of takes no null values; this stands for one. */
    private static final Object NULL = new Object();

    private Map<SettingField, Object> parsedEdits() {
        Map<SettingField, Object> parsed = new LinkedHashMap<>();
        pending.forEach((f, e) -> {
            if (e.error() == null) {
                parsed.put(f, nullable(e.value()));
            }
        });
        return parsed;
    }

    private boolean tryCommit(Map<SettingField, Object> edits) {
        Candidate candidate = build(edits);
        if (candidate.error() != null) {
            return false;
        }
        SettingMessage verdict = check(candidate.settings());
        SettingMessage before = check(committed);
        if (verdict != null && verdict.isError() && !verdict.equals(before)) {
            return false;
        }
        if (!candidate.settings().equals(committed)) {
            if (verdict != null && !verdict.equals(before)) {
                lastCause = Set.copyOf(edits.keySet());
            }
            committed = candidate.settings();
            onCommit.accept(committed);
        }
        return true;
    }

    private Candidate build(Map<SettingField, Object> edits) {
        Object[] args = new Object[recordOrder.length];
        Map<String, Object> byName = new LinkedHashMap<>();
        edits.forEach((f, v) -> byName.put(f.name(), v == NULL ? null : v));
        for (int i = 0; i < recordOrder.length; i++) {
            RecordComponent c = recordOrder[i];
            Object v = byName.containsKey(c.getName()) ? byName.get(c.getName()) : read(committed, c);
            if (v == null && c.getType().isPrimitive()) {
                v = SettingType.of(c.getType()).emptyValue();
            }
            args[i] = v;
        }
        try {
            return new Candidate((NodeSettings) constructor.newInstance(args), null);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            return new Candidate(null, cause.getMessage() != null ? cause.getMessage() : cause.toString());
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            return new Candidate(null, "These values do not make settings: " + e.getMessage());
        }
    }

    /** validate() then configure(): null when fine, a hint when something is still to choose or connect. */
    private SettingMessage check(NodeSettings settings) {
        if (settings == null) {
            return null;
        }
        try {
            settings.validate();
            configure(kind, settings, inputs);
            return null;
        } catch (InvalidSettingsException e) {
            String text = scrub(e.getMessage(), settings);
            return e.isNotConfigured() ? SettingMessage.hint(text) : SettingMessage.error(text);
        } catch (RuntimeException e) {
            return SettingMessage.error(scrub("Cannot configure: " + e.getMessage(), settings));
        }
    }

    @SuppressWarnings("unchecked")
    private static <S extends NodeSettings> void configure(NodeKind<S> kind, NodeSettings settings, List<PortSpec> inputs)
            throws InvalidSettingsException {
        kind.configure((S) settings, inputs);
    }

    /** Masks in a message every hidden value of these settings or of a waiting edit. */
    private String scrub(String message, NodeSettings settings) {
        String m = message == null ? "" : message;
        for (SettingField f : fields) {
            if (f.secret() == SecretPolicy.PLAIN) {
                continue;
            }
            m = f.secret().scrub(m, (String) read(settings, components.get(f)));
            Edit e = pending.get(f);
            if (e != null && e.text() != null) {
                m = f.secret().scrub(m, e.text());
            }
        }
        return m;
    }

    private Object valueOf(NodeSettings settings, SettingField field) {
        return read(settings, components.get(field));
    }

    private static Object read(NodeSettings settings, RecordComponent c) {
        try {
            return c.getAccessor().invoke(settings);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read setting " + c.getName(), e);
        }
    }

    // ---- messages and editor contents

    private void render() {
        Map<SettingField, SettingMessage> messages = new LinkedHashMap<>();
        SettingMessage[] top = new SettingMessage[1];
        if (components.isEmpty()) {
            top[0] = committed == null && !kind.settingsClass().isRecord()
                    ? SettingMessage.hint("This node has no settings to edit here.")
                    : committed == null ? SettingMessage.hint("The saved settings of this node cannot be read, so they cannot be"
                    + " edited here.") : null;
        }
        pending.forEach((f, e) -> {
            if (e.error() != null) {
                messages.put(f, SettingMessage.error(e.error()));
            }
        });
        Map<SettingField, Object> parsed = parsedEdits();
        if (!parsed.isEmpty()) {
            Candidate candidate = build(parsed);
            SettingMessage verdict = candidate.error() != null
                    ? SettingMessage.error(scrub(candidate.error(), committed)) : check(candidate.settings());
            if (verdict != null) {
                place(verdict, parsed.keySet(), false, messages, top);
            }
        }
        SettingMessage baseline = check(committed);
        if (baseline != null) {
            place(baseline, lastCause, true, messages, top);
        }
        for (SettingField f : fields) {
            f.setMessage(messages.get(f));
            show(f);
        }
        sheetMessage.set(top[0]);
    }

    private void show(SettingField f) {
        Object committedValue = valueOf(committed, f);
        Edit edit = pending.get(f);
        Object value = edit == null || edit.error() != null ? committedValue : edit.value();
        String text = edit != null && edit.text() != null ? edit.text() : f.type().format(edit == null ? committedValue : value);
        switch (f.secret()) {
            case SECRET -> f.show("", null, edit != null, notEmpty(committedValue) || edit != null);
            case SECRET_NAME -> f.show(f.secret().display(text), f.secret().mayShow((String) value) ? value : null,
                    edit != null, false);
            default -> f.show(text, value, edit != null, false);
        }
    }

    private static boolean notEmpty(Object v) {
        return v instanceof String s && !s.isEmpty();
    }

    /**
     * Puts a message on the settings it names (of those edited, when it names some), else on the edited
     * ones (the waiting edits, or those whose commit brought the message), else on top. A message about
     * committed settings ({@code preferNamed}) stays with the settings it names even when others were edited.
     */
    private void place(SettingMessage message, Collection<SettingField> edited, boolean preferNamed,
                       Map<SettingField, SettingMessage> messages, SettingMessage[] top) {
        List<SettingField> named = fields.stream().filter(f -> names(message.text(), f)).toList();
        List<SettingField> targets = named;
        if (!edited.isEmpty() && !(preferNamed && !named.isEmpty())) {
            List<SettingField> namedEdited = named.stream().filter(edited::contains).toList();
            targets = namedEdited.isEmpty() ? List.copyOf(edited) : namedEdited;
        }
        if (targets.isEmpty()) {
            if (top[0] == null || (!top[0].isError() && message.isError())) {
                top[0] = message;
            }
            return;
        }
        for (SettingField f : targets) {
            SettingMessage before = messages.get(f);
            if (before == null || (!before.isError() && message.isError())) {
                messages.put(f, message);
            }
        }
    }

    private static boolean names(String message, SettingField f) {
        String m = message.toLowerCase(Locale.ROOT);
        for (String n : List.of(f.name(), f.label(), Humanise.words(f.name()))) {
            String word = n.toLowerCase(Locale.ROOT);
            if (Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])").matcher(m).find()) {
                return true;
            }
        }
        return false;
    }
}
