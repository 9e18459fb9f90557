package org.recblend.pipeline;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a node kind is, for the palette, the editor and validation: a stable id (saved in pipeline
 * files, so never renamed), a display name, its stage, its ports and a help text.
 */
public record NodeDescriptor(String id, String name, Stage stage, List<PortSpec> inputs, List<PortSpec> outputs, String help) {
    public NodeDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stage, "stage");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        help = help == null ? "" : help;
        requireDistinct(id, "input", inputs);
        requireDistinct(id, "output", outputs);
    }

    private static void requireDistinct(String id, String what, List<PortSpec> ports) {
        Set<String> names = new HashSet<>();
        for (PortSpec p : ports) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("Node kind " + id + " has two " + what + " ports named " + p.name());
            }
        }
    }

    public Optional<PortSpec> input(String name) {
        return inputs.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<PortSpec> output(String name) {
        return outputs.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
