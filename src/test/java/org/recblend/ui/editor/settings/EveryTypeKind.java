package org.recblend.ui.editor.settings;

import java.util.List;
import java.util.Map;
import org.recblend.pipeline.ExecutionContext;
import org.recblend.pipeline.InvalidSettingsException;
import org.recblend.pipeline.NodeDescriptor;
import org.recblend.pipeline.NodeKind;
import org.recblend.pipeline.NodeSettings;
import org.recblend.pipeline.PortData;
import org.recblend.pipeline.PortSpec;
import org.recblend.pipeline.Stage;

/**
 * A test kind whose settings hold every sort of component a settings record may have, a secret
 * among them, and whose validation quotes the values it rejects (as careless validators do).
 */
final class EveryTypeKind implements NodeKind<EveryTypeKind.Settings> {
    enum Colour { DARK_RED, LIGHT_BLUE }

    record Window(int from, int to) {
    }

    record Settings(int count, long big, double share, boolean on, String name, Colour colour, List<String> tags,
                    List<Integer> sizes, List<Colour> colours, Map<String, Double> weights, Window window, Integer limit,
                    String apiToken, Map<String, String> labels) implements NodeSettings {
        Settings {
            tags = tags == null ? List.of() : List.copyOf(tags);
            sizes = sizes == null ? List.of() : List.copyOf(sizes);
            colours = colours == null ? List.of() : List.copyOf(colours);
            weights = weights == null ? Map.of() : Map.copyOf(weights);
            labels = labels == null ? Map.of() : Map.copyOf(labels);
        }

        @Override
        public void validate() throws InvalidSettingsException {
            if (apiToken != null && apiToken.contains(" ")) {
                throw new InvalidSettingsException("The token '" + apiToken + "' has a space");
            }
            if (window != null && window.from() > window.to()) {
                throw new InvalidSettingsException("The window starts after it ends: " + window);
            }
        }
    }

    static final Settings DEFAULTS = new Settings(3, 10_000_000_000L, 0.25, true, "x", Colour.DARK_RED, List.of("a", "b"),
            List.of(5, 10), List.of(Colour.LIGHT_BLUE), Map.of("text", 2.0), new Window(1, 4), null, "s3cret-Token",
            Map.of("k", "v"));

    @Override
    public NodeDescriptor descriptor() {
        return new NodeDescriptor("test.every", "Every type", Stage.PREPROCESS, List.of(), List.of(), "All types.");
    }

    @Override
    public Class<Settings> settingsClass() {
        return Settings.class;
    }

    @Override
    public Settings defaultSettings() {
        return DEFAULTS;
    }

    @Override
    public List<PortData> execute(Settings settings, List<PortData> inputs, ExecutionContext ctx) {
        return List.of();
    }

    @Override
    public List<PortSpec> configure(Settings settings, List<PortSpec> inputs) {
        return List.of();
    }
}
