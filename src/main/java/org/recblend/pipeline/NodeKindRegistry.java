package org.recblend.pipeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** The node kinds this workbench knows, by id. */
public final class NodeKindRegistry {
    private final Map<String, NodeKind<?>> kinds = new LinkedHashMap<>();

    private NodeKindRegistry(Collection<? extends NodeKind<?>> kinds) {
        for (NodeKind<?> kind : kinds) {
            String id = kind.descriptor().id();
            NodeKind<?> before = this.kinds.putIfAbsent(id, kind);
            if (before != null) {
                throw new IllegalStateException("Two node kinds share the id " + id + ": "
                        + before.getClass().getName() + " and " + kind.getClass().getName());
            }
        }
    }

    /** Every node kind listed in {@code META-INF/services/org.recblend.pipeline.NodeKind} on the class path. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static NodeKindRegistry load() {
        List<NodeKind<?>> found = new ArrayList<>();
        for (NodeKind kind : ServiceLoader.load(NodeKind.class, NodeKindRegistry.class.getClassLoader())) {
            found.add(kind);
        }
        return new NodeKindRegistry(found);
    }

    /** Exactly these kinds (tests, or a host that filters the palette). */
    public static NodeKindRegistry of(NodeKind<?>... kinds) {
        return new NodeKindRegistry(List.of(kinds));
    }

    /** A registry with this one's kinds and more (a test kind beside the shipped ones). */
    public NodeKindRegistry with(NodeKind<?>... more) {
        List<NodeKind<?>> all = new ArrayList<>(kinds.values());
        all.addAll(List.of(more));
        return new NodeKindRegistry(all);
    }

    public Optional<NodeKind<?>> find(String id) {
        return Optional.ofNullable(kinds.get(id));
    }

    /** All kinds, by stage then name: the palette order. */
    public List<NodeKind<?>> all() {
        List<NodeKind<?>> list = new ArrayList<>(kinds.values());
        list.sort(Comparator.<NodeKind<?>, Stage>comparing(k -> k.descriptor().stage())
                .thenComparing(k -> k.descriptor().name()));
        return list;
    }
}
