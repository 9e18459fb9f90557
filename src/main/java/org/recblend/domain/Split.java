package org.recblend.domain;

import java.io.Serializable;
import java.util.Objects;

/**
 * Interactions divided for training and evaluation. All three tables share one id space, so an
 * index means the same user or item in each; validation is empty when none was asked for.
 */
public record Split(InteractionTable train, InteractionTable validation, InteractionTable test) implements Serializable {
    public Split {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(test, "test");
        if (!train.users().equals(test.users()) || !train.users().equals(validation.users())
                || !train.items().equals(test.items()) || !train.items().equals(validation.items())) {
            throw new IllegalArgumentException("The parts of a split must share one id space");
        }
    }

    public boolean hasValidation() {
        return validation.size() > 0;
    }

    /** Rows over all three parts. */
    public int size() {
        return train.size() + validation.size() + test.size();
    }

    @Override
    public String toString() {
        return "Split[train=" + train.size() + ", validation=" + validation.size() + ", test=" + test.size() + "]";
    }
}
