package org.recblend.results;

import java.util.ArrayList;
import java.util.List;
import org.recblend.encode.EncoderException;
import org.recblend.encode.LazyTextEncoder;
import org.recblend.task.TaskMonitor;

/**
 * Places an item nobody has bought yet: its description goes through the run's own text encoder,
 * and the vector is compared with the catalogue's item vectors (what it resembles) and with each
 * customer's taste profile, the mean text vector of what they bought (who would want it). See
 * docs/decisions/0027-demo-cold-start-by-taste-profiles.md for why profiles and not the model.
 * Calls are serialised: one ONNX session, and a newer question simply waits for the older one.
 */
public final class DemoNewItem {
    /** Items and customers an answer lists. */
    public static final int TOP = 6;
    /** Texts shorter than this are not worth a guess (a letter or two is noise). */
    public static final int MIN_CHARS = 3;

    /** An existing item and the cosine of its text vector with the new item's. */
    public record Similar(DemoRun.Item item, double similarity) {
    }

    /**
     * A customer who would likely want the new item.
     *
     * @param closest the purchase of theirs closest to the new item, or null
     */
    public record Buyer(String userId, String description, double similarity, DemoRun.Item closest) {
    }

    /** The answer to one description, with how long the encoder and the whole answer took. */
    public record Answer(String text, List<Similar> items, List<Buyer> buyers, long encodeMillis, long totalMillis) {
    }

    private final DemoRun run;

    public DemoNewItem(DemoRun run) throws DemoException {
        if (run.encoder() == null || !run.hasTextVectors()) {
            throw new DemoException(run.noEncoderReason() != null ? run.noEncoderReason()
                    : "Run " + run.choice().runId() + " has no item text vectors to compare a new item with");
        }
        this.run = run;
    }

    /** Loads the encoder now (seconds the first time), so the first answer is as quick as the rest. */
    public synchronized void warmUp() throws DemoException {
        try {
            run.encoder().open();
        } catch (EncoderException e) {
            throw new DemoException("Cannot load the text encoder: " + e.getMessage(), e);
        }
    }

    /** Whether the encoder is loaded. */
    public boolean isWarm() {
        return run.encoder().isOpen();
    }

    /**
     * Encodes the description and ranks items and customers by cosine.
     *
     * @throws DemoException when the text is too short or the encoder fails
     */
    public synchronized Answer answer(String text) throws DemoException {
        long start = System.nanoTime();
        String t = text == null ? "" : text.strip();
        if (t.length() < MIN_CHARS) {
            throw new DemoException("Describe the new item in a few words, e.g. \"a waterproof jacket for hiking\"");
        }
        LazyTextEncoder encoder = run.encoder();
        float[][] encoded;
        try {
            encoded = encoder.encode(List.of(t), TaskMonitor.none());
        } catch (EncoderException e) {
            throw new DemoException("The text encoder failed: " + e.getMessage(), e);
        }
        long encoded_at = System.nanoTime();
        DemoVectors items = run.itemVectors();
        if (encoded.length != 1 || encoded[0] == null || encoded[0].length != items.dim()) {
            throw new DemoException("The encoder made a vector of " + (encoded.length == 1 && encoded[0] != null
                    ? encoded[0].length : 0) + " values; the run's item vectors have " + items.dim());
        }
        float[] v = DemoVectors.unit(encoded[0]);
        if (v == null) {
            throw new DemoException("The encoder made an empty vector for this text; add a few more words");
        }
        List<Similar> similar = new ArrayList<>();
        for (int i : items.nearest(v, TOP)) {
            similar.add(new Similar(run.item(i), items.cosine(i, v)));
        }
        DemoVectors profiles = run.profiles();
        List<Buyer> buyers = new ArrayList<>();
        for (int u : profiles.nearest(v, TOP)) {
            buyers.add(new Buyer(run.userId(u), run.userLine(u), profiles.cosine(u, v), closestPurchase(u, v)));
        }
        long end = System.nanoTime();
        return new Answer(t, similar, buyers, (encoded_at - start) / 1_000_000, (end - start) / 1_000_000);
    }

    private DemoRun.Item closestPurchase(int user, float[] v) {
        DemoVectors items = run.itemVectors();
        int best = -1;
        double bestSim = -2;
        for (int h : run.history(user)) {
            double s = items.cosine(h, v);
            if (items.present(h) && s > bestSim) {
                bestSim = s;
                best = h;
            }
        }
        return best < 0 ? null : run.item(best);
    }
}
