package org.recblend.pipeline;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.recblend.domain.IdIndex;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.Split;

/** Small node kinds for testing the core: each counts how often it executed. */
final class TestKinds {
    private TestKinds() {
    }

    static NodeKindRegistry registry(Counting... kinds) {
        return NodeKindRegistry.of(kinds);
    }

    /** A kind that counts its executions. */
    abstract static class Counting<S extends NodeSettings> implements NodeKind<S> {
        final AtomicInteger executions = new AtomicInteger();

        int executions() {
            return executions.get();
        }
    }

    /** No inputs; emits {@code rows} interactions of weight {@code weight}. */
    static final class Source extends Counting<Source.Settings> {
        record Settings(Integer rows, float weight) implements NodeSettings {
            @Override
            public void validate() throws InvalidSettingsException {
                if (rows == null) {
                    throw InvalidSettingsException.notConfigured("Choose the number of rows");
                }
                if (rows < 0) {
                    throw new InvalidSettingsException("Rows must be at least 0, not " + rows);
                }
            }
        }

        static final IdIndex USERS = IdIndex.numbered("u", 10);
        static final IdIndex ITEMS = IdIndex.numbered("i", 10);

        @Override
        public NodeDescriptor descriptor() {
            return new NodeDescriptor("test.source", "Test source", Stage.COLLECT, List.of(),
                    List.of(PortSpec.of("out", PortTypes.INTERACTIONS)), "Emits generated interactions.");
        }

        @Override
        public Class<Settings> settingsClass() {
            return Settings.class;
        }

        @Override
        public Settings defaultSettings() {
            return new Settings(5, 1f);
        }

        @Override
        public List<PortData> execute(Settings s, List<PortData> inputs, ExecutionContext ctx) {
            executions.incrementAndGet();
            InteractionTable.Builder b = InteractionTable.builder(USERS, ITEMS);
            for (int r = 0; r < s.rows(); r++) {
                b.add(r % 10, (r * 7) % 10, s.weight(), r);
            }
            return List.of(PortData.of(PortTypes.INTERACTIONS, b.build()));
        }
    }

    /**
     * Multiplies weights by {@code factor}; fails with {@code failWith} when set; with
     * {@code loops} > 0 it loops that often, checking for cancel and reporting progress each time.
     */
    static final class Scale extends Counting<Scale.Settings> {
        record Settings(float factor, String failWith, int loops) implements NodeSettings {
        }

        volatile Runnable onLoop = () -> { };

        @Override
        public NodeDescriptor descriptor() {
            return new NodeDescriptor("test.scale", "Test scale", Stage.PREPROCESS,
                    List.of(PortSpec.of("in", PortTypes.INTERACTIONS)), List.of(PortSpec.of("out", PortTypes.INTERACTIONS)),
                    "Scales weights.");
        }

        @Override
        public Class<Settings> settingsClass() {
            return Settings.class;
        }

        @Override
        public Settings defaultSettings() {
            return new Settings(2f, "", 0);
        }

        @Override
        public List<PortData> execute(Settings s, List<PortData> inputs, ExecutionContext ctx) {
            executions.incrementAndGet();
            for (int i = 0; i < s.loops(); i++) {
                ctx.checkCancelled();
                ctx.progress((double) i / s.loops(), "loop " + i);
                onLoop.run();
            }
            if (!s.failWith().isEmpty()) {
                throw new IllegalStateException(s.failWith());
            }
            InteractionTable in = inputs.get(0).as(InteractionTable.class);
            float[] w = new float[in.size()];
            for (int r = 0; r < w.length; r++) {
                w[r] = in.weight(r) * s.factor();
            }
            return List.of(PortData.of(PortTypes.INTERACTIONS, in.withWeights(w)));
        }
    }

    /** Two interaction inputs (the second optional); emits a Split of them. */
    static final class ToSplit extends Counting<ToSplit.Settings> {
        record Settings(long seed) implements SeededSettings {
            @Override
            public SeededSettings withSeed(long newSeed) {
                return new Settings(newSeed);
            }
        }

        @Override
        public NodeDescriptor descriptor() {
            return new NodeDescriptor("test.split", "Test split", Stage.PREPROCESS,
                    List.of(PortSpec.of("train", PortTypes.INTERACTIONS), PortSpec.optional("test", PortTypes.INTERACTIONS)),
                    List.of(PortSpec.of("split", PortTypes.SPLIT)), "Pairs two tables.");
        }

        @Override
        public Class<Settings> settingsClass() {
            return Settings.class;
        }

        @Override
        public Settings defaultSettings() {
            return new Settings(1);
        }

        @Override
        public List<PortData> execute(Settings s, List<PortData> inputs, ExecutionContext ctx) {
            executions.incrementAndGet();
            InteractionTable train = inputs.get(0).as(InteractionTable.class);
            InteractionTable test = inputs.get(1) == null ? InteractionTable.empty(train.users(), train.items())
                    : inputs.get(1).as(InteractionTable.class);
            return List.of(PortData.of(PortTypes.SPLIT, new Split(train, InteractionTable.empty(train.users(), train.items()), test)));
        }
    }
}
