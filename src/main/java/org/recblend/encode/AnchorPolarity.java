package org.recblend.encode;

import java.util.List;
import java.util.Objects;
import org.recblend.task.TaskMonitor;

/**
 * Zero-shot polarity with any sentence encoder: the mean cosine of a text to a few positive, a few
 * negative and a few neutral (merely descriptive) anchor sentences, turned into class shares by a
 * softmax at a temperature; the score is share(positive) - share(negative). The neutral class keeps
 * plain topics ("World War II", "violence") near zero, where a bare positive-minus-negative
 * difference calls them opinions. Works for every wording the encoder knows, at the price of one
 * encoding per distinct text.
 */
public final class AnchorPolarity implements TextPolarity {
    /** The method's version, the start of {@link #key()}. */
    public static final String VERSION = "anchors@2";
    /** Default anchors: plain opinions that avoid the commonest test words, so a test cannot just match them. */
    public static final List<String> POSITIVE = List.of(
            "I really enjoyed this, it was wonderful.",
            "A fantastic, delightful experience that I recommend to everyone.",
            "Superb quality, I am very happy with it.");
    public static final List<String> NEGATIVE = List.of(
            "I disliked this, it was awful.",
            "A dreadful, disappointing experience that I regret.",
            "Poor quality, I am very unhappy with it.");
    public static final List<String> NEUTRAL = List.of(
            "A factual description of the subject.",
            "It is about a place, a time and some people.",
            "A label naming the genre or topic.",
            "A title or a name.");
    /** MiniLM's mean cosines to the anchors differ by 0.05 to 0.25 between classes. */
    public static final double DEFAULT_TEMPERATURE = 0.05;

    private final TextEncoder encoder;
    private final List<String> positive;
    private final List<String> negative;
    private final List<String> neutral;
    private final double temperature;
    private float[][] anchors;

    public AnchorPolarity(TextEncoder encoder) {
        this(encoder, POSITIVE, NEGATIVE, NEUTRAL, DEFAULT_TEMPERATURE);
    }

    /** Anchors of one's own; {@code neutral} may be empty (then the score is tanh of half the difference over the temperature). */
    public AnchorPolarity(TextEncoder encoder, List<String> positive, List<String> negative, List<String> neutral,
            double temperature) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        if (positive.isEmpty() || negative.isEmpty()) {
            throw new IllegalArgumentException("Give at least one positive and one negative anchor sentence");
        }
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("The temperature must be positive, not " + temperature);
        }
        this.positive = List.copyOf(positive);
        this.negative = List.copyOf(negative);
        this.neutral = List.copyOf(neutral);
        this.temperature = temperature;
    }

    @Override
    public String key() {
        return VERSION + ":" + encoder.key();
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
        int p = positive.size();
        int n = negative.size();
        double pos = meanCosine(v, a, 0, p);
        double neg = meanCosine(v, a, p, p + n);
        double top = Math.max(pos, neg);
        double neu = Double.NEGATIVE_INFINITY;
        if (!neutral.isEmpty()) {
            neu = meanCosine(v, a, p + n, a.length);
            top = Math.max(top, neu);
        }
        double ep = Math.exp((pos - top) / temperature);
        double en = Math.exp((neg - top) / temperature);
        double eu = neutral.isEmpty() ? 0 : Math.exp((neu - top) / temperature);
        return (ep - en) / (ep + en + eu);
    }

    private static double meanCosine(float[] v, float[][] a, int from, int to) {
        double s = 0;
        for (int k = from; k < to; k++) {
            s += cosine(v, a[k]);
        }
        return s / (to - from);
    }

    private synchronized float[][] anchors(TaskMonitor monitor) throws EncoderException {
        if (anchors == null) {
            List<String> all = new java.util.ArrayList<>(positive);
            all.addAll(negative);
            all.addAll(neutral);
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
