package org.recblend.task;

/**
 * What long work (import, encoding, training, evaluation) receives to report progress, to check
 * for a cancel request and to write a log line. The same object serves the GUI, the command line
 * and tests, so compute code never knows who is watching.
 */
public interface TaskMonitor {

    /** Reports overall progress as a fraction in [0, 1] (negative when unknown) with a short message. */
    void progress(double fraction, String message);

    /** Whether somebody asked this work to stop. */
    boolean isCancelled();

    /** Writes one line to the task's log. */
    void log(String message);

    /** Throws {@link CancelledException} when a cancel was requested; call it inside every loop over data. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    /** A view that only passes cancellation on: for inner steps whose progress and log would disturb the caller's. */
    static TaskMonitor cancelOnly(TaskMonitor inner) {
        return new TaskMonitor() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return inner.isCancelled();
            }

            @Override
            public void log(String message) {
            }
        };
    }

    /** A monitor that reports nothing and is never cancelled. */
    static TaskMonitor none() {
        return NoOpMonitor.INSTANCE;
    }
}
