package org.recblend.engine.bundle;

import java.util.List;
import java.util.Map;

/**
 * What a bundle says about its model, as {@code card.json}: enough to know what it is, what data
 * it was trained on, how good it was and which software made it, without loading it.
 *
 * @param formatVersion        the bundle format ({@link ModelBundle#FORMAT_VERSION})
 * @param kind                 the model kind, e.g. "bpr"
 * @param settings             the train node's settings
 * @param userIds              external user ids in index order (the model's id map)
 * @param itemIds              external item ids in index order
 * @param dataSchema           the shape of the training data (counts, weight kind)
 * @param trainingFingerprint  a digest of the training rows
 * @param metrics              metrics known at export, e.g. "ndcg@10" (may be empty)
 * @param versions             RecBlend, DJL and PyTorch versions
 * @param createdAt            ISO-8601 time of export
 * @param entries              SHA-256 of every other entry of the zip, by entry name
 */
public record ModelCard(int formatVersion, String kind, Map<String, Object> settings, List<String> userIds,
                        List<String> itemIds, Map<String, Object> dataSchema, String trainingFingerprint,
                        Map<String, Double> metrics, Map<String, String> versions, String createdAt,
                        Map<String, String> entries) {
}
