package org.recblend.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.recblend.store.ProjectStore;

/**
 * One kind of node: its descriptor, its settings and the code that runs it. Implementations are
 * stateless and found with {@link java.util.ServiceLoader} (listed in
 * {@code META-INF/services/org.recblend.pipeline.NodeKind}), so adding a node needs no edit in the
 * core.
 *
 * @param <S> the settings record
 */
public interface NodeKind<S extends NodeSettings> {

    /** The id, name, stage, ports and help text. */
    NodeDescriptor descriptor();

    /** The settings record class, used to read settings from JSON. */
    Class<S> settingsClass();

    /** The settings of a freshly placed node. */
    S defaultSettings();

    /**
     * Labels, groups and descriptions of the settings for the editor, by record component name. Optional:
     * a setting without an entry is shown under its humanised name, in the default group, without help.
     */
    default Map<String, SettingDoc> settingDocs() {
        return Map.of();
    }

    /** The version of the settings format; raise it when fields change meaning and upgrade old JSON. */
    default int settingsVersion() {
        return 1;
    }

    /** Turns settings JSON of an older version into the current one (called before defaults are merged). */
    default ObjectNode upgradeSettings(int fromVersion, ObjectNode json) throws InvalidSettingsException {
        return json;
    }

    /**
     * Checks settings and input schemas and tells what the outputs will be, without touching data.
     * An unconnected optional input arrives as {@code null}. The default returns the declared outputs.
     */
    default List<PortSpec> configure(S settings, List<PortSpec> inputs) throws InvalidSettingsException {
        return descriptor().outputs();
    }

    /**
     * Computes the outputs, one per declared output port in order. Inputs arrive in the order of
     * the declared input ports ({@code null} for an unconnected optional one).
     */
    List<PortData> execute(S settings, List<PortData> inputs, ExecutionContext ctx) throws Exception;

    /**
     * For nodes that read the project: a summary of the data they would read (ids, row counts,
     * import times), part of the cache key, so a re-import makes their cached outputs stale.
     */
    default Optional<String> externalFingerprint(S settings, ProjectStore store) throws Exception {
        return Optional.empty();
    }
}
