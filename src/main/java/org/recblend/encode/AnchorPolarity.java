package org.recblend.encode;

import java.util.List;
import java.util.Objects;
import org.recblend.task.TaskMonitor;

/**
 * Zero-shot polarity with any sentence encoder: a text is as positive as it is closer to a few
 * positive anchor sentences than to a few negative ones. Score = tanh((mean cosine to the positive
 * anchors - mean cosine to the negative ones) / temperature). Works for every language and wording
 * the encoder knows, at the price of one encoding per text (which the embedding cache keeps).
 */
public final class AnchorPolarity implements TextPolarity {
    /** Default anchors: plain opinions that avoid the commonest test words, so a test cannot just match them. */
    public static final List<String> POSITIVE = List.of(
            "I really enjoyed this, it was wonderful.",
            "A fantastic, delightful experience that I recommend to everyone.",
            "Superb quality, I am very happy with it.");
    public static final List<String> NEGATIVE = List.of(
            "I disliked this, it was awful.",
            "A dreadful, disappointing experience that I regret.",
            "Poor quality, I am very unhappy with it.");
    /** A cosine difference of 0.05 gives tanh(1) ≈ 0.76: MiniLM's differences are mostly within ±0.15. */
    public static final double DEFAULT_TEMPERATURE = 0.05;

    private final TextEncoder encoder;
    private final List<String> positive;
    private final List<String> negative;
    private final double temperature;
    private float[][] anchors;

    public AnchorPolarity(TextEncoder encoder) {
        this(encoder, POSITIVE, NEGATIVE, DEFAULT_TEMPERATURE);
    }

    public AnchorPolarity(TextEncoder encoder, List<String> positive, List<String> negative, double temperature) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        if (positive.isEmpty() || negative.isEmpty()) {
            throw new IllegalArgumentException("Give at least one positive and one negative anchor sentence");
        }
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("The temperature must be positive, not " + temperature);
        }
        this.positive = List.copyOf(positive);
        this.negative = List.copyOf(negative);
        this.temperature = temperature;
    }

    @Override
    public String key() {
        return "anchors@1:" + encoder.key();
    }

    @Override
    public double[] score(List<String> texts, TaskMonitor monitor) throws EncoderException {
        float[][] a = anchors(monitor);
        float[][] v = encoder.encode(texts, monitor);
        double[] out = new double[texts.size()];
        for (int i = 0; i < out.length; i++) {
            if ((i & 0x3FF) == 0) {
                monitor.checkCancelled();
            }
            out[i] = score(v[i], a);
        }
        return out;
    }

    /** The score of one already encoded text. */
    double score(float[] v, float[][] a) {
        double pos = 0;
        for (int k = 0; k < positive.size(); k++) {
            pos += cosine(v, a[k]);
        }
        double neg = 0;
        for (int k = 0; k < negative.size(); k++) {
            neg += cosine(v, a[positive.size() + k]);
        }
        return Math.tanh((pos / positive.size() - neg / negative.size()) / temperature);
    }

    private synchronized float[][] anchors(TaskMonitor monitor) throws EncoderException {
        if (anchors == null) {
            List<String> all = new java.util.ArrayList<>(positive);
            all.addAll(negative);
            anchors = encoder.encode(all, monitor);
        }
        return anchors;
    }

    private static double cosine(float[] x, float[] y) {
        double dot = 0;
        double nx = 0;
        double ny = 0;
        for (int c = 0; c < x.length; c++) {
            dot += x[c] * y[c];
            nx += x[c] * x[c];
            ny += y[c] * y[c];
        }
        return nx == 0 || ny == 0 ? 0 : dot / Math.sqrt(nx * ny);
    }
}
