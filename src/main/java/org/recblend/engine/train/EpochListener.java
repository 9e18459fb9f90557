package org.recblend.engine.train;

import org.recblend.engine.EpochRecord;

/** Hears of every finished epoch (the node forwards it to the log, the live chart and the store). */
@FunctionalInterface
public interface EpochListener {
    void epochEnded(EpochRecord record);

    static EpochListener none() {
        return r -> { };
    }
}
