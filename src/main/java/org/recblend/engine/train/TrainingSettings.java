package org.recblend.engine.train;

/**
 * What the training loop needs to know, whatever the model.
 *
 * @param epochs         the most epochs to run
 * @param batchSize      rows per batch
 * @param learningRate   Adam's step size
 * @param regularisation L2 weight on the embedding rows a batch touches (per row, averaged over the batch)
 * @param sampler        how negatives are drawn (ranking objective)
 * @param seed           seed of initialisation, shuffling and sampling
 * @param patience       epochs without a better validation metric before stopping (0: never stop early)
 * @param objective      ranking (BPR) or rating (MSE)
 * @param validK         the cut-off of the validation NDCG
 */
public record TrainingSettings(int epochs, int batchSize, double learningRate, double regularisation,
                               SamplerKind sampler, long seed, int patience, Objective objective, int validK) {
    public TrainingSettings {
        if (epochs < 1 || batchSize < 1 || !(learningRate > 0) || regularisation < 0 || patience < 0 || validK < 1) {
            throw new IllegalArgumentException("Invalid training settings: " + epochs + " epochs, batch " + batchSize
                    + ", learning rate " + learningRate + ", regularisation " + regularisation + ", patience " + patience);
        }
    }
}
