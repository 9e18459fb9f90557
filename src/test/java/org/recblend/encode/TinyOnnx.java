package org.recblend.encode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes tiny ONNX models (protobuf by hand) that are valid for ONNX Runtime but are not sentence
 * encoders, to test the errors a user's wrong folder gets.
 */
final class TinyOnnx {
    private static final int FLOAT = 1;
    private static final int INT64 = 7;

    private TinyOnnx() {
    }

    /** y = Identity(x) over a float vector: an input that is not input_ids. */
    static byte[] identityOnFloats() {
        byte[] graph = concat(
                message(1, node("Identity", new String[] {"x"}, "y")),
                string(2, "identity"),
                message(11, valueInfo("x", FLOAT, "n")),
                message(12, valueInfo("y", FLOAT, "n")));
        return model(graph);
    }

    /** y = Shape(input_ids): takes the right inputs but outputs a 1-D vector, not token embeddings. */
    static byte[] shapeOfIds() {
        byte[] graph = concat(
                message(1, node("Shape", new String[] {"input_ids"}, "y")),
                string(2, "shape"),
                message(11, valueInfo("input_ids", INT64, "batch", "tokens")),
                message(11, valueInfo("attention_mask", INT64, "batch", "tokens")),
                message(12, valueInfo("y", INT64, "two")));
        return model(graph);
    }

    private static byte[] model(byte[] graph) {
        byte[] opset = concat(string(1, ""), varintField(2, 13));
        return concat(varintField(1, 7), string(2, "recblend-test"), message(7, graph), message(8, opset));
    }

    private static byte[] node(String op, String[] inputs, String output) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String in : inputs) {
            out.writeBytes(string(1, in));
        }
        out.writeBytes(string(2, output));
        out.writeBytes(string(3, op.toLowerCase()));
        out.writeBytes(string(4, op));
        return out.toByteArray();
    }

    private static byte[] valueInfo(String name, int elemType, String... dims) {
        ByteArrayOutputStream shape = new ByteArrayOutputStream();
        for (String d : dims) {
            shape.writeBytes(message(1, string(2, d)));
        }
        byte[] tensor = concat(varintField(1, elemType), message(2, shape.toByteArray()));
        return concat(string(1, name), message(2, message(1, tensor)));
    }

    private static byte[] string(int field, String s) {
        return message(field, s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] message(int field, byte[] body) {
        return concat(varint((field << 3) | 2), varint(body.length), body);
    }

    private static byte[] varintField(int field, long value) {
        return concat(varint(field << 3), varint(value));
    }

    private static byte[] varint(long v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
