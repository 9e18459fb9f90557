package org.recblend.pipeline;

import java.io.Serializable;
import java.util.Objects;

/** One value on a port, with its type; values are immutable and serialisable (they are cached). */
public record PortData(PortType type, Serializable value) implements Serializable {
    public PortData {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        if (!type.dataClass().isInstance(value)) {
            throw new IllegalArgumentException("A " + type.displayName() + " port needs a "
                    + type.dataClass().getSimpleName() + ", not a " + value.getClass().getSimpleName());
        }
    }

    public static PortData of(PortType type, Serializable value) {
        return new PortData(type, value);
    }

    /** The value as the given class. */
    public <T> T as(Class<T> cls) {
        if (!cls.isInstance(value)) {
            throw new IllegalStateException("Port holds " + type.displayName() + ", not " + cls.getSimpleName());
        }
        return cls.cast(value);
    }
}
