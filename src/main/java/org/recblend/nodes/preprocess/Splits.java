package org.recblend.nodes.preprocess;

import java.util.SplittableRandom;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.Split;
import org.recblend.pipeline.InvalidSettingsException;
import org.recblend.task.TaskMonitor;

/** Shared pieces of the split nodes: the part each row goes to, shuffles and share checks. */
final class Splits {
    static final byte TRAIN = 0;
    static final byte VALIDATION = 1;
    static final byte TEST = 2;

    private Splits() {
    }

    /** The split whose parts hold the rows marked for them, each in table order. */
    static Split build(InteractionTable table, byte[] part, TaskMonitor monitor) {
        monitor.checkCancelled();
        return new Split(table.filter(r -> part[r] == TRAIN), table.filter(r -> part[r] == VALIDATION),
                table.filter(r -> part[r] == TEST));
    }

    static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Test share in (0, 1), validation share in [0, 1), together below 1. */
    static void checkShares(double testShare, double validationShare) throws InvalidSettingsException {
        if (!(testShare > 0 && testShare < 1)) {
            throw new InvalidSettingsException("Test share must be above 0 and below 1, not " + testShare);
        }
        if (!(validationShare >= 0 && validationShare < 1)) {
            throw new InvalidSettingsException("Validation share must be at least 0 and below 1, not " + validationShare);
        }
        if (testShare + validationShare >= 1) {
            throw new InvalidSettingsException("Test share plus validation share must stay below 1 (training needs rows), not "
                    + (testShare + validationShare));
        }
    }

    /** Fails with a clear message when the table has rows without a time. */
    static void requireTimestamps(InteractionTable table, String nodeName) {
        if (table.size() > 0 && !table.hasTimestamps()) {
            throw new IllegalArgumentException(nodeName + " needs a timestamp on every interaction, but the input has rows"
                    + " without one; use the random split, or import the time column");
        }
    }
}
