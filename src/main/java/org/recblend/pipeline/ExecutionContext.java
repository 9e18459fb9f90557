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

    /**
     * One point of a live series the node reports while it runs, such as the training loss or the
     * validation metric per epoch: the run console draws these as they arrive. Does nothing
     * outside a run.
     *
     * @param series the name of the series, e.g. {@link #LOSS} or "ndcg@10"
     * @param step   the x value, e.g. the epoch (1, 2, …)
     */
    default void metric(String series, int step, double value) {
    }

    /** The series name of the training loss. */
    String LOSS = "loss";
}
