package org.recblend.nodes.train;

import org.recblend.engine.train.Objective;
import org.recblend.engine.train.SamplerKind;
import org.recblend.engine.train.TrainingSettings;
import org.recblend.pipeline.InvalidSettingsException;
import org.recblend.pipeline.SeededSettings;

/** The settings every model trained by the DJL loop has, whatever its architecture. */
public interface DeepSettings extends SeededSettings {
    int epochs();

    int batchSize();

    double learningRate();

    double regularisation();

    SamplerKind sampler();

    int patience();

    Objective objective();

    /** The loop's view of these settings. */
    default TrainingSettings training() {
        return new TrainingSettings(epochs(), batchSize(), learningRate(), regularisation(),
                sampler() == null ? SamplerKind.UNIFORM : sampler(), seed(), patience(),
                objective() == null ? Objective.RANKING : objective(), 10);
    }

    /** Checks the common fields; models call it from their own {@code validate}. */
    default void validateCommon() throws InvalidSettingsException {
        if (epochs() < 1 || epochs() > 10_000) {
            throw new InvalidSettingsException("epochs must be between 1 and 10000, not " + epochs());
        }
        if (batchSize() < 1 || batchSize() > 1 << 20) {
            throw new InvalidSettingsException("batchSize must be between 1 and 1048576, not " + batchSize());
        }
        if (!(learningRate() > 0) || learningRate() > 10) {
            throw new InvalidSettingsException("learningRate must be above 0 and at most 10, not " + learningRate());
        }
        if (!(regularisation() >= 0)) {
            throw new InvalidSettingsException("regularisation must be 0 or more, not " + regularisation());
        }
        if (patience() < 0) {
            throw new InvalidSettingsException("patience must be 0 (off) or more, not " + patience());
        }
    }

    static void checkDim(String name, int dim) throws InvalidSettingsException {
        if (dim < 1 || dim > 4096) {
            throw new InvalidSettingsException(name + " must be between 1 and 4096, not " + dim);
        }
    }
}
