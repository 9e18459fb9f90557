package org.recblend.engine;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A recommender with what is needed to explain, store and export it: its settings, the training
 * curve and timings. It is the data of the TrainedModel port.
 */
public record TrainedModel(Recommender recommender, String kind, Map<String, Object> settings,
                           List<EpochRecord> curve, double trainSeconds) implements Serializable {
    public TrainedModel {
        settings = Map.copyOf(settings);
        curve = List.copyOf(curve);
    }
}
