package org.recblend.pipeline;

import java.util.OptionalInt;
import org.recblend.store.ProjectStore;
import org.recblend.task.TaskMonitor;

/**
 * What a node receives while it executes: progress for this node alone (the scheduler turns it
 * into overall progress), the run's cancel flag, a log and the project it reads from. Nodes call
 * {@link #checkCancelled()} inside every loop over data.
 */
public interface ExecutionContext extends TaskMonitor {
    /** The id of the node being executed. */
    String nodeId();

    /** The open project. */
    ProjectStore store();

    /**
     * The id of the run this node executes in (the key of rows in {@code metrics},
     * {@code training_curves} and {@code recommendations}); empty when a node runs outside a run.
     */
    default OptionalInt runId() {
        return OptionalInt.empty();
    }
}
