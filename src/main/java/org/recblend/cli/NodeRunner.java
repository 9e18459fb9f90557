package org.recblend.cli;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.recblend.pipeline.ExecutionContext;
import org.recblend.pipeline.NodeKind;
import org.recblend.pipeline.NodeSettings;
import org.recblend.pipeline.PortData;
import org.recblend.pipeline.SeededSettings;

/** Runs a node kind outside a pipeline, as a benchmark does: its default settings, reseeded, epochs optionally overridden. */
final class NodeRunner {
    private NodeRunner() {
    }

    /** The kind's defaults with this seed (when seeded) and, when {@code epochs > 0}, this many epochs. */
    static <S extends NodeSettings> S defaults(NodeKind<S> kind, long seed, int epochs) {
        S s = kind.defaultSettings();
        if (s instanceof SeededSettings seeded) {
            s = kind.settingsClass().cast(seeded.withSeed(seed));
        }
        return epochs > 0 ? withComponent(s, "epochs", epochs) : s;
    }

    /** A copy of a settings record with one component replaced (no-op when the record has none by that name). */
    static <S> S withComponent(S settings, String name, Object value) {
        Class<?> cls = settings.getClass();
        if (!cls.isRecord()) {
            return settings;
        }
        RecordComponent[] parts = cls.getRecordComponents();
        if (Arrays.stream(parts).noneMatch(p -> p.getName().equals(name))) {
            return settings;
        }
        try {
            Object[] args = new Object[parts.length];
            for (int k = 0; k < parts.length; k++) {
                args[k] = parts[k].getName().equals(name) ? value : parts[k].getAccessor().invoke(settings);
            }
            Constructor<?> canonical = cls.getDeclaredConstructor(Arrays.stream(parts).map(RecordComponent::getType).toArray(Class[]::new));
            @SuppressWarnings("unchecked")
            S copy = (S) canonical.newInstance(args);
            return copy;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot set " + name + " of " + cls.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Validates and executes; {@code inputs} in the order of the kind's input ports, null for an unconnected one. */
    static <S extends NodeSettings> List<PortData> run(NodeKind<S> kind, S settings, ExecutionContext ctx, PortData... inputs)
            throws Exception {
        settings.validate();
        List<PortData> in = Arrays.asList(inputs.clone());
        List<org.recblend.pipeline.PortSpec> connected = new java.util.ArrayList<>();
        for (int k = 0; k < in.size(); k++) {
            connected.add(in.get(k) == null ? null : kind.descriptor().inputs().get(k));
        }
        kind.configure(settings, connected);
        return kind.execute(settings, java.util.Collections.unmodifiableList(in), ctx);
    }
}
