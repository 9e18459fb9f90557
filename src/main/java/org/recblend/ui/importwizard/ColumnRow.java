package org.recblend.ui.importwizard;

import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.recblend.domain.ColumnRole;
import org.recblend.ingest.ColumnMapping;
import org.recblend.ingest.ValueLookup;
import org.recblend.ingest.infer.ColumnProfile;

/** One column of the file in the mapping table: what the sample shows and the role the user gives it. */
public final class ColumnRow {
    private final ColumnProfile profile;
    private final ObjectProperty<ColumnRole> role = new SimpleObjectProperty<>(ColumnRole.IGNORE);
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty format = new SimpleStringProperty("");
    private ValueLookup lookup;

    ColumnRow(ColumnProfile profile) {
        this.profile = profile;
    }

    /** The properties whose change changes the spec (for an observable list's extractor). */
    Observable[] observables() {
        return new Observable[] {role, name, format};
    }

    public int index() {
        return profile.index();
    }

    /** The header or field name, or "Column N" for a file without header. */
    public String label() {
        return hasHeaderName() ? profile.name() : "Column " + (profile.index() + 1);
    }

    boolean hasHeaderName() {
        return profile.name() != null && !profile.name().isBlank();
    }

    public String examples() {
        return String.join(", ", profile.examples());
    }

    public String type() {
        String type = profile.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return profile.format() == null ? type : type + " (" + profile.format() + ")";
    }

    ColumnRole suggestedRole() {
        return profile.suggestedRole();
    }

    ColumnProfile profile() {
        return profile;
    }

    public ObjectProperty<ColumnRole> roleProperty() {
        return role;
    }

    /** The attribute, text field, context or category name; blank means the header's. */
    public StringProperty nameProperty() {
        return name;
    }

    /** A time pattern, a category separator or "text"; blank means the default. */
    public StringProperty formatProperty() {
        return format;
    }

    /** Takes role, name, format and lookup from a spec's mapping (a preset or a stored source). */
    void apply(ColumnMapping m) {
        role.set(m.role());
        name.set(m.name() == null ? "" : m.name());
        format.set(m.format() == null ? "" : m.format());
        lookup = m.lookup();
    }

    /** Sets the suggested role and the format inference found (a date pattern, a separator). */
    void suggest(ColumnRole newRole) {
        role.set(newRole);
        name.set("");
        lookup = null;
        String inferred = profile.format() == null ? "" : profile.format();
        format.set(switch (newRole) {
            case TIMESTAMP -> profile.type() == org.recblend.ingest.infer.ValueType.EPOCH_MILLIS ? ColumnMapping.EPOCH_MILLIS : inferred;
            case ITEM_CATEGORY -> inferred;
            default -> "";
        });
    }

    /** The mapping for the spec, by header name when the file has one, else by position. */
    ColumnMapping toMapping(boolean byName) {
        ColumnMapping m = byName && hasHeaderName() ? ColumnMapping.named(profile.name(), role.get())
                : ColumnMapping.at(profile.index(), role.get());
        if (!name.get().isBlank()) {
            m = m.withName(name.get().strip());
        }
        if (!format.get().isBlank()) {
            m = m.withFormat(format.get().strip());
        }
        return lookup == null ? m : m.withLookup(lookup);
    }

    static boolean matches(ColumnRow row, ColumnMapping m, List<ColumnRow> all) {
        if (m.column() != null) {
            return row.hasHeaderName() && row.profile.name().equalsIgnoreCase(m.column());
        }
        return m.index() != null && m.index() == row.index();
    }
}
