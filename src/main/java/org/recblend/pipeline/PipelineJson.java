package org.recblend.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The pipeline file format: JSON with a {@code formatVersion}, the nodes (id, kind, settings with
 * their version, position) and the wires by node id and port name.
 *
 * <pre>{"formatVersion":1,"name":"…","nodes":[{"id":"collect1","kind":"collect.dataset",
 *  "settingsVersion":1,"settings":{…},"x":40.0,"y":80.0}],"connections":[{"from":"collect1",
 *  "fromPort":"interactions","to":"kcore1","toPort":"interactions"}]}</pre>
 */
public final class PipelineJson {
    /** The version this code writes; files of a higher version are refused. */
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper MAPPER = SettingsCodec.MAPPER;
    // the file keeps the order it was given: formatVersion first, unknown settings as they were
    private static final ObjectMapper FILE_WRITER = SettingsCodec.MAPPER.copy()
            .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.WRITE_PROPERTIES_SORTED, false);

    private PipelineJson() {
    }

    public static String write(Pipeline pipeline) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        if (pipeline.name() != null) {
            root.put("name", pipeline.name());
        }
        ArrayNode nodes = root.putArray("nodes");
        for (Node n : pipeline.nodes()) {
            ObjectNode o = nodes.addObject();
            o.put("id", n.id());
            o.put("kind", n.kindId());
            o.put("settingsVersion", n.settingsVersion());
            o.set("settings", n.settingsJson());
            o.put("x", n.x());
            o.put("y", n.y());
        }
        ArrayNode wires = root.putArray("connections");
        for (Connection c : pipeline.connections()) {
            ObjectNode o = wires.addObject();
            o.put("from", c.fromNode());
            o.put("fromPort", c.fromPort());
            o.put("to", c.toNode());
            o.put("toPort", c.toPort());
        }
        try {
            return FILE_WRITER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write pipeline JSON", e);
        }
    }

    /**
     * Reads a pipeline. A node of an unknown kind becomes a placeholder that keeps its settings
     * JSON; a node whose settings cannot be read keeps them too and validation says why.
     */
    public static Pipeline read(String json, NodeKindRegistry registry) throws PipelineFormatException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new PipelineFormatException("The pipeline is not valid JSON"
                    + (loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")")
                    + ": " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new PipelineFormatException("The pipeline must be a JSON object");
        }
        JsonNode version = root.get("formatVersion");
        if (version == null || !version.canConvertToInt()) {
            throw new PipelineFormatException("The pipeline has no formatVersion");
        }
        if (version.asInt() > FORMAT_VERSION) {
            throw new PipelineFormatException("The pipeline was saved by a newer version (format " + version.asInt()
                    + "; this workbench reads up to " + FORMAT_VERSION + ")");
        }
        Pipeline pipeline = new Pipeline(registry, root.hasNonNull("name") ? root.get("name").asText() : null);
        List<Connection> wires = readConnections(root.path("connections"));
        JsonNode nodes = root.path("nodes");
        if (!nodes.isArray()) {
            throw new PipelineFormatException("The pipeline has no 'nodes' array");
        }
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode n = nodes.get(i);
            String id = text(n, "id", "node " + (i + 1));
            String kindId = text(n, "kind", "node '" + id + "'");
            int settingsVersion = n.path("settingsVersion").asInt(1);
            JsonNode settings = n.get("settings");
            ObjectNode raw = settings != null && settings.isObject() ? (ObjectNode) settings : MAPPER.createObjectNode();
            Node node = registry.find(kindId)
                    .map(kind -> known(id, kind, settingsVersion, settings, raw))
                    .orElseGet(() -> unknown(id, kindId, settingsVersion, raw, wires));
            node.moveTo(n.path("x").asDouble(0), n.path("y").asDouble(0));
            try {
                pipeline.addLoaded(node);
            } catch (WiringException e) {
                throw new PipelineFormatException("Node " + (i + 1) + ": " + e.getMessage());
            }
        }
        for (Connection c : wires) {
            try {
                pipeline.connectLoaded(c);
            } catch (WiringException e) {
                throw new PipelineFormatException(e.getMessage());
            }
        }
        return pipeline;
    }

    private static Node known(String id, NodeKind<?> kind, int version, JsonNode settings, ObjectNode raw) {
        try {
            return new Node(id, kind, SettingsCodec.fromJson(kind, version, settings));
        } catch (InvalidSettingsException e) {
            return new Node(id, kind, raw, version, e.getMessage());
        }
    }

    private static Node unknown(String id, String kindId, int version, ObjectNode raw, List<Connection> wires) {
        Set<String> inputs = new LinkedHashSet<>();
        Set<String> outputs = new LinkedHashSet<>();
        for (Connection c : wires) {
            if (c.toNode().equals(id)) {
                inputs.add(c.toPort());
            }
            if (c.fromNode().equals(id)) {
                outputs.add(c.fromPort());
            }
        }
        UnknownNodeKind kind = new UnknownNodeKind(kindId, List.copyOf(inputs), List.copyOf(outputs));
        return new Node(id, kind, raw, version, null);
    }

    private static List<Connection> readConnections(JsonNode array) throws PipelineFormatException {
        List<Connection> wires = new ArrayList<>();
        if (array.isMissingNode() || array.isNull()) {
            return wires;
        }
        if (!array.isArray()) {
            throw new PipelineFormatException("'connections' must be an array");
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode c = array.get(i);
            String where = "connection " + (i + 1);
            wires.add(new Connection(text(c, "from", where), text(c, "fromPort", where),
                    text(c, "to", where), text(c, "toPort", where)));
        }
        return wires;
    }

    private static String text(JsonNode o, String field, String where) throws PipelineFormatException {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new PipelineFormatException("The pipeline's " + where + " has no '" + field + "'");
        }
        return v.asText();
    }
}
