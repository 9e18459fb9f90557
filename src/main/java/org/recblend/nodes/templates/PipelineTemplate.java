package org.recblend.nodes.templates;

import java.util.Objects;
import org.recblend.pipeline.NodeKindRegistry;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.WiringException;

/**
 * A ready-made pipeline the analyst starts from: a name (also the name it is saved under), a
 * one-line description for the template list, and how to build it over a dataset.
 */
public record PipelineTemplate(String name, String description, Builder builder) {
    public PipelineTemplate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(builder, "builder");
    }

    /** Builds the template's nodes and wires into an empty pipeline over the named dataset. */
    @FunctionalInterface
    public interface Builder {
        void build(Pipeline pipeline, String dataset) throws WiringException;
    }

    /** A new, unsaved pipeline of this template reading the named dataset (blank: the collect node asks for one). */
    public Pipeline build(NodeKindRegistry registry, String dataset) {
        Pipeline p = new Pipeline(registry, name);
        try {
            builder.build(p, dataset == null ? "" : dataset);
        } catch (WiringException e) {
            // the templates use only built-in kinds and ports; a failure here is a bug in a template
            throw new IllegalStateException("Template '" + name + "' cannot be built: " + e.getMessage(), e);
        }
        return p;
    }
}
