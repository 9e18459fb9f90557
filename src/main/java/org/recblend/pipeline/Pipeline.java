package org.recblend.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A pipeline graph: nodes and the wires between their ports. It refuses, with a reason, a wire
 * between incompatible ports, a second wire into one input and any wire that would close a cycle,
 * so a graph built through these methods is always a well-typed DAG. (A graph read from a file may
 * still hold a wire whose types no longer match; validation reports it.)
 *
 * <p>Not thread safe: the editor changes it on one thread, and a run works on a copy
 * ({@link #copy()}).
 */
public final class Pipeline {
    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

    private final NodeKindRegistry registry;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Connection> connections = new ArrayList<>();
    private String name;

    public Pipeline(NodeKindRegistry registry) {
        this(registry, null);
    }

    public Pipeline(NodeKindRegistry registry, String name) {
        this.registry = registry;
        this.name = name;
    }

    public NodeKindRegistry registry() {
        return registry;
    }

    /** The name it is saved under, or null when it has none yet. */
    public String name() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** Adds a node of this kind with its default settings and a generated id. */
    public Node addNode(String kindId) throws WiringException {
        return addNode(freshId(kindId), kindId);
    }

    /** Adds a node of this kind with its default settings. */
    public Node addNode(String id, String kindId) throws WiringException {
        NodeKind<?> kind = kind(kindId);
        return add(new Node(checkNewId(id), kind, kind.defaultSettings()));
    }

    /** Adds a node with the given settings. */
    public Node addNode(String id, String kindId, NodeSettings settings) throws WiringException {
        NodeKind<?> kind = kind(kindId);
        checkSettingsClass(kind, settings);
        return add(new Node(checkNewId(id), kind, settings));
    }

    /** Adds a node read from a file (any kind, settings possibly unreadable). */
    Node addLoaded(Node node) throws WiringException {
        checkNewId(node.id());
        return add(node);
    }

    private Node add(Node node) {
        nodes.put(node.id(), node);
        return node;
    }

    private NodeKind<?> kind(String kindId) throws WiringException {
        return registry.find(kindId).orElseThrow(() -> new WiringException("There is no node kind '" + kindId + "'"));
    }

    private String checkNewId(String id) throws WiringException {
        if (id == null || !NODE_ID.matcher(id).matches()) {
            throw new WiringException("A node id is 1 to 100 letters, digits, '_', '.' or '-', not '" + id + "'");
        }
        if (nodes.containsKey(id)) {
            throw new WiringException("There is already a node with id '" + id + "'");
        }
        return id;
    }

    private String freshId(String kindId) {
        String base = kindId.substring(kindId.lastIndexOf('.') + 1).replaceAll("[^A-Za-z0-9_-]", "");
        if (base.isEmpty()) {
            base = "node";
        }
        for (int i = 1; ; i++) {
            if (!nodes.containsKey(base + i)) {
                return base + i;
            }
        }
    }

    private static void checkSettingsClass(NodeKind<?> kind, NodeSettings settings) throws WiringException {
        if (!kind.settingsClass().isInstance(settings)) {
            throw new WiringException("Node kind " + kind.descriptor().id() + " takes "
                    + kind.settingsClass().getSimpleName() + ", not " + settings.getClass().getSimpleName());
        }
    }

    /**
     * Puts back nodes removed from this pipeline, with wires among them and to the nodes still
     * here, exactly as they were (the editor's undo). Like a loaded file, the wires are not
     * type-checked again, so a wire kept from a file survives a delete and its undo.
     */
    public void restore(List<Node> removed, List<Connection> wires) throws WiringException {
        Set<String> ids = new LinkedHashSet<>();
        for (Node n : removed) {
            if (nodes.containsKey(n.id()) || !ids.add(n.id())) {
                throw new WiringException("There is already a node with id '" + n.id() + "'");
            }
        }
        removed.forEach(this::add);
        List<Connection> added = new ArrayList<>();
        try {
            for (Connection c : wires) {
                connectLoaded(c);
                added.add(c);
            }
        } catch (WiringException e) {
            added.forEach(connections::remove);
            ids.forEach(this::removeNode);
            throw e;
        }
    }

    /** Removes a node and every wire touching it. */
    public boolean removeNode(String id) {
        if (nodes.remove(id) == null) {
            return false;
        }
        connections.removeIf(c -> c.fromNode().equals(id) || c.toNode().equals(id));
        return true;
    }

    /** Replaces a node's settings (validity is checked by validation, not here). */
    public void setSettings(String nodeId, NodeSettings settings) throws WiringException {
        Node node = node(nodeId);
        if (node.isUnknownKind()) {
            throw new WiringException("Node " + nodeId + " is of an unknown kind; its settings cannot be edited");
        }
        checkSettingsClass(node.kind(), settings);
        node.applySettings(settings);
    }

    public void move(String nodeId, double x, double y) {
        node(nodeId).moveTo(x, y);
    }

    public Node node(String id) {
        Node node = nodes.get(id);
        if (node == null) {
            throw new IllegalArgumentException("No node '" + id + "' in the pipeline");
        }
        return node;
    }

    public Optional<Node> findNode(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    /** The nodes in the order they were added. */
    public List<Node> nodes() {
        return List.copyOf(nodes.values());
    }

    public List<Connection> connections() {
        return List.copyOf(connections);
    }

    /** The wire into an input port, if any. */
    public Optional<Connection> incoming(String nodeId, String inputPort) {
        return connections.stream().filter(c -> c.toNode().equals(nodeId) && c.toPort().equals(inputPort)).findFirst();
    }

    /** The wires out of a node. */
    public List<Connection> outgoing(String nodeId) {
        return connections.stream().filter(c -> c.fromNode().equals(nodeId)).toList();
    }

    /**
     * Why a wire from {@code fromNode.fromPort} to {@code toNode.toPort} cannot be made, or empty
     * when it can. The editor calls this while the user drags a wire.
     */
    public Optional<String> whyNotConnect(String fromNode, String fromPort, String toNode, String toPort) {
        Node from = nodes.get(fromNode);
        Node to = nodes.get(toNode);
        if (from == null || to == null) {
            return Optional.of("No node '" + (from == null ? fromNode : toNode) + "' in the pipeline");
        }
        Optional<PortSpec> out = from.descriptor().output(fromPort);
        if (out.isEmpty()) {
            return Optional.of(from.descriptor().name() + " (" + fromNode + ") has no output '" + fromPort + "'");
        }
        Optional<PortSpec> in = to.descriptor().input(toPort);
        if (in.isEmpty()) {
            return Optional.of(to.descriptor().name() + " (" + toNode + ") has no input '" + toPort + "'");
        }
        if (!out.get().type().canFeed(in.get().type())) {
            return Optional.of(out.get().type().displayName() + " output '" + fromPort + "' of " + fromNode
                    + " cannot feed the " + in.get().type().displayName() + " input '" + toPort + "' of " + toNode);
        }
        Optional<Connection> existing = incoming(toNode, toPort);
        if (existing.isPresent()) {
            return Optional.of("Input '" + toPort + "' of " + toNode + " is already fed by "
                    + existing.get().fromNode() + "." + existing.get().fromPort() + "; remove that wire first");
        }
        if (fromNode.equals(toNode)) {
            return Optional.of("A node cannot feed itself (" + fromNode + ")");
        }
        List<String> path = path(toNode, fromNode);
        if (!path.isEmpty()) {
            return Optional.of("This wire would make a cycle: " + String.join(" -> ", path) + " -> " + toNode);
        }
        return Optional.empty();
    }

    /** Wires an output port to an input port, or says why not. */
    public Connection connect(String fromNode, String fromPort, String toNode, String toPort) throws WiringException {
        Optional<String> reason = whyNotConnect(fromNode, fromPort, toNode, toPort);
        if (reason.isPresent()) {
            throw new WiringException(reason.get());
        }
        Connection c = new Connection(fromNode, fromPort, toNode, toPort);
        connections.add(c);
        return c;
    }

    /**
     * Wires the one output of {@code fromNode} that fits a free input of {@code toNode}; refuses when
     * no pair or more than one pair of ports fits.
     */
    public Connection connect(String fromNode, String toNode) throws WiringException {
        Node from = node(fromNode);
        Node to = node(toNode);
        List<String[]> fits = new ArrayList<>();
        for (PortSpec in : to.descriptor().inputs()) {
            if (incoming(toNode, in.name()).isPresent()) {
                continue;
            }
            for (PortSpec out : from.descriptor().outputs()) {
                if (out.type().id().equals(in.type().id())) {
                    fits.add(new String[] {out.name(), in.name()});
                }
            }
        }
        if (fits.size() != 1) {
            throw new WiringException(fits.isEmpty()
                    ? "No output of " + fromNode + " fits a free input of " + toNode
                    : "More than one output of " + fromNode + " fits an input of " + toNode + "; name the ports");
        }
        return connect(fromNode, fits.get(0)[0], toNode, fits.get(0)[1]);
    }

    /** Adds a wire read from a file without the type check (validation reports a mismatch). */
    void connectLoaded(Connection c) throws WiringException {
        Node from = nodes.get(c.fromNode());
        Node to = nodes.get(c.toNode());
        if (from == null || to == null) {
            throw new WiringException("Wire " + c + " names a node that is not in the pipeline");
        }
        if (from.descriptor().output(c.fromPort()).isEmpty() || to.descriptor().input(c.toPort()).isEmpty()) {
            throw new WiringException("Wire " + c + " names a port that " + (from.descriptor().output(c.fromPort()).isEmpty()
                    ? c.fromNode() + " (" + from.kindId() + ") does not have" : c.toNode() + " (" + to.kindId() + ") does not have"));
        }
        if (incoming(c.toNode(), c.toPort()).isPresent()) {
            throw new WiringException("Input " + c.toNode() + "." + c.toPort() + " has two wires");
        }
        connections.add(c);
    }

    public boolean disconnect(Connection c) {
        return connections.remove(c);
    }

    /** A path of node ids from {@code start} to {@code goal} along wires, or empty when there is none. */
    private List<String> path(String start, String goal) {
        Map<String, String> parent = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        parent.put(start, null);
        while (!queue.isEmpty()) {
            String n = queue.poll();
            if (n.equals(goal)) {
                List<String> path = new ArrayList<>();
                for (String p = n; p != null; p = parent.get(p)) {
                    path.add(0, p);
                }
                return path;
            }
            for (Connection c : connections) {
                if (c.fromNode().equals(n) && !parent.containsKey(c.toNode())) {
                    parent.put(c.toNode(), n);
                    queue.add(c.toNode());
                }
            }
        }
        return List.of();
    }

    /** The ids of this node and every node it depends on. */
    public Set<String> upstreamOf(String nodeId) {
        return closure(nodeId, true);
    }

    /** The ids of this node and every node that depends on it. */
    public Set<String> downstreamOf(String nodeId) {
        return closure(nodeId, false);
    }

    private Set<String> closure(String nodeId, boolean up) {
        node(nodeId);
        Set<String> seen = new LinkedHashSet<>(List.of(nodeId));
        Deque<String> queue = new ArrayDeque<>(seen);
        while (!queue.isEmpty()) {
            String n = queue.poll();
            for (Connection c : connections) {
                String next = up ? (c.toNode().equals(n) ? c.fromNode() : null) : (c.fromNode().equals(n) ? c.toNode() : null);
                if (next != null && seen.add(next)) {
                    queue.add(next);
                }
            }
        }
        return seen;
    }

    /**
     * The given nodes ordered so that every node comes after the nodes feeding it; ties keep the
     * order in which nodes were added, so a run is repeatable.
     *
     * @throws WiringException when the wires among them form a cycle (only a loaded file can)
     */
    public List<Node> topologicalOrder(Collection<String> nodeIds) throws WiringException {
        Set<String> wanted = new LinkedHashSet<>();
        for (String id : nodes.keySet()) {
            if (nodeIds.contains(id)) {
                wanted.add(id);
            }
        }
        Map<String, Integer> indegree = new HashMap<>();
        for (String id : wanted) {
            indegree.put(id, 0);
        }
        for (Connection c : connections) {
            if (wanted.contains(c.fromNode()) && wanted.contains(c.toNode())) {
                indegree.merge(c.toNode(), 1, Integer::sum);
            }
        }
        List<Node> order = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        while (order.size() < wanted.size()) {
            String next = null;
            for (String id : wanted) {
                if (!done.contains(id) && indegree.get(id) == 0) {
                    next = id;
                    break;
                }
            }
            if (next == null) {
                Set<String> rest = new LinkedHashSet<>(wanted);
                rest.removeAll(done);
                throw new WiringException("The pipeline has a cycle among " + String.join(", ", rest));
            }
            done.add(next);
            order.add(nodes.get(next));
            for (Connection c : connections) {
                if (c.fromNode().equals(next) && wanted.contains(c.toNode())) {
                    indegree.merge(c.toNode(), -1, Integer::sum);
                }
            }
        }
        return order;
    }

    /** All nodes in topological order. */
    public List<Node> topologicalOrder() throws WiringException {
        return topologicalOrder(nodes.keySet());
    }

    /** An independent copy (same kinds and settings objects, which are immutable). */
    public Pipeline copy() {
        Pipeline p = new Pipeline(registry, name);
        for (Node n : nodes.values()) {
            Node c = n.settings().isPresent() && n.settingsError().isEmpty()
                    ? new Node(n.id(), n.kind(), n.settings().get())
                    : new Node(n.id(), n.kind(), n.settingsJson(), n.settingsVersion(), n.settingsError().orElse(null));
            c.moveTo(n.x(), n.y());
            p.nodes.put(c.id(), c);
        }
        p.connections.addAll(connections);
        return p;
    }
}
