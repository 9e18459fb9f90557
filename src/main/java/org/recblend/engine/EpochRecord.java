package org.recblend.engine;

import java.io.Serializable;

/**
 * What one training epoch produced: the mean training loss and, when a validation set exists, a
 * validation metric (NaN when none was computed).
 */
public record EpochRecord(int epoch, double trainLoss, String validMetricName, double validMetric, double seconds)
        implements Serializable { }
