package org.recblend.nodes;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.recblend.domain.InteractionTable;
import org.recblend.pipeline.ExecutionContext;
import org.recblend.pipeline.NodeKind;
import org.recblend.pipeline.NodeSettings;
import org.recblend.pipeline.PortData;
import org.recblend.pipeline.PortTypes;
import org.recblend.store.ProjectStore;

/** Runs one node kind directly, outside a pipeline, and keeps its log. */
public final class TestContext implements ExecutionContext {
    public final List<String> log = new ArrayList<>();
    private final ProjectStore store;
    public volatile boolean cancelled;

    public TestContext() {
        this(null);
    }

    public TestContext(ProjectStore store) {
        this.store = store;
    }

    /** Executes a one-input node on a table and returns its single output value. */
    public static <S extends NodeSettings> Serializable run(NodeKind<S> kind, S settings, InteractionTable in) throws Exception {
        settings.validate();
        List<PortData> out = kind.execute(settings, List.of(PortData.of(PortTypes.INTERACTIONS, in)), new TestContext());
        return out.get(0).value();
    }

    @Override
    public String nodeId() {
        return "test";
    }

    @Override
    public ProjectStore store() {
        return store;
    }

    @Override
    public void progress(double fraction, String message) {
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void log(String message) {
        log.add(message);
    }
}
