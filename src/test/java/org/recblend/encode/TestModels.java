package org.recblend.encode;

import ai.djl.engine.Engine;
import java.nio.file.Path;

/** Shared set-up of the encoder tests: one extraction folder, and DJL's ONNX Runtime engine started first. */
final class TestModels {
    /** Survives between test runs, so the 113 MB of model files are copied once. */
    static final Path HOME = Path.of("target", "test-home").toAbsolutePath();

    private TestModels() {
    }

    /**
     * Starts DJL's OnnxRuntime engine. It creates the process-wide OrtEnvironment with thread options and
     * fails when langchain4j (the test reference) created it first, so every test touches DJL first.
     */
    static void ortFirst() {
        Engine.getEngine("OnnxRuntime");
    }

    static OnnxSentenceEncoder miniLm(boolean quantized) throws EncoderException {
        ortFirst();
        return OnnxSentenceEncoder.miniLm(quantized, HOME, OnnxSentenceEncoder.Options.defaults());
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
