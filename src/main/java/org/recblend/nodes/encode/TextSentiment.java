package org.recblend.nodes.encode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.recblend.domain.Embeddings;
import org.recblend.domain.Split;
import org.recblend.domain.TextCorpus;
import org.recblend.encode.AnchorPolarity;
import org.recblend.encode.EncoderException;
import org.recblend.encode.LazyTextEncoder;
import org.recblend.encode.LexiconPolarity;
import org.recblend.encode.OnnxSentenceEncoder;
import org.recblend.encode.TextEncoder;
import org.recblend.encode.TextPolarity;
import org.recblend.pipeline.ExecutionContext;
import org.recblend.pipeline.InvalidSettingsException;
import org.recblend.pipeline.NodeDescriptor;
import org.recblend.pipeline.BaseNodeKind;
import org.recblend.pipeline.NodeSettings;
import org.recblend.pipeline.PortData;
import org.recblend.pipeline.PortSpec;
import org.recblend.pipeline.PortTypes;
import org.recblend.pipeline.Stage;
import org.recblend.store.ProjectStore;

/**
 * Scores the polarity of every user-item text (tags, reviews) and turns it into features per user
 * and per item: mean polarity, share of positive and of negative texts, and how many texts there
 * are. With a split connected, texts about a held-out (validation or test) user-item pair are left
 * out, so the features do not leak what the evaluation asks for.
 */
public final class TextSentiment extends BaseNodeKind<TextSentiment.Settings> {
    public static final String ID = "encode.sentiment";
    static final String TEXTS = "texts";
    static final String SPLIT = "split";
    static final String USERS = "users";
    static final String ITEMS = "items";

    /** How a text's polarity is scored. */
    public enum Method {
        /** The workbench's own opinion lexicon with negation and intensity rules: fast, English only. */
        LEXICON,
        /**
         * Zero-shot with the bundled MiniLM (quantized): closeness to positive, negative and neutral
         * anchor sentences. Knows wordings the lexicon lacks, but MiniLM is no sentiment model: on the
         * ml-latest-small tags it calls most plain tags negative, and separates the taggers' ratings
         * less well than the lexicon (see docs/decisions). Vectors go through the embedding cache.
         */
        MINILM
    }

    /**
     * @param method how to score a text
     * @param kinds  the text kinds to use (e.g. "tag", "review"); empty for all
     */
    public record Settings(Method method, List<String> kinds) implements NodeSettings {
        public Settings {
            method = method == null ? Method.LEXICON : method;
            kinds = kinds == null ? List.of() : kinds.stream().map(k -> k == null ? "" : k.strip()).distinct().sorted().toList();
        }

        @Override
        public void validate() throws InvalidSettingsException {
            if (kinds.contains("")) {
                throw new InvalidSettingsException("A text kind is empty; name kinds such as tag or review, or leave the list empty for all");
            }
        }
    }

    private static final NodeDescriptor DESCRIPTOR = new NodeDescriptor(ID, "Text sentiment", Stage.ENCODE,
            List.of(PortSpec.of(TEXTS, PortTypes.TEXT_CORPUS), PortSpec.optional(SPLIT, PortTypes.SPLIT)),
            List.of(PortSpec.of(USERS, PortTypes.EMBEDDINGS), PortSpec.of(ITEMS, PortTypes.EMBEDDINGS)),
            "Scores how positive or negative each tag or review is (from -1 to 1) and gives every user and"
                    + " item four features: mean polarity, share of positive texts, share of negative texts and"
                    + " log(1 + number of texts). Connect the split to leave out texts about held-out pairs.");

    public TextSentiment() {
        super(DESCRIPTOR, Settings.class);
    }

    @Override
    public Settings defaultSettings() {
        return new Settings(Method.LEXICON, List.of());
    }

    /** The scorer's version (and the model's key): a new lexicon or model makes cached outputs stale. */
    @Override
    public Optional<String> externalFingerprint(Settings s, ProjectStore store) throws Exception {
        return Optional.of(s.method() == Method.LEXICON ? new LexiconPolarity().key()
                : AnchorPolarity.VERSION + ":" + OnnxSentenceEncoder.miniLmKey(true));
    }

    @Override
    public List<PortData> execute(Settings s, List<PortData> inputs, ExecutionContext ctx) throws Exception {
        TextCorpus corpus = inputs.get(0).as(TextCorpus.class);
        Split split = inputs.size() > 1 && inputs.get(1) != null ? inputs.get(1).as(Split.class) : null;
        boolean[] keep = PolarityFeatures.selected(corpus, Set.copyOf(s.kinds()), split, ctx);

        // score each distinct text once: tags repeat a lot ("funny" thousands of times)
        Map<String, Integer> distinct = new HashMap<>();
        List<String> texts = new ArrayList<>();
        int[] textOfRow = new int[corpus.size()];
        int used = 0;
        for (int r = 0; r < keep.length; r++) {
            if (keep[r]) {
                used++;
                String t = corpus.text(r).strip();
                textOfRow[r] = distinct.computeIfAbsent(t, k -> {
                    texts.add(k);
                    return texts.size() - 1;
                });
            }
        }
        double[] scores;
        String polarityKey;
        try (TextEncoder encoder = encoder(s.method(), ctx)) {
            TextPolarity polarity = encoder == null ? new LexiconPolarity() : new AnchorPolarity(encoder);
            polarityKey = polarity.key();
            scores = polarity.score(texts, ctx);
        }
        double[] scoreOfRow = new double[corpus.size()];
        int positive = 0;
        int negative = 0;
        for (int r = 0; r < keep.length; r++) {
            if (keep[r]) {
                scoreOfRow[r] = scores[textOfRow[r]];
                positive += scoreOfRow[r] > PolarityFeatures.THRESHOLD ? 1 : 0;
                negative += scoreOfRow[r] < -PolarityFeatures.THRESHOLD ? 1 : 0;
            }
        }
        String source = "sentiment:" + polarityKey;
        Embeddings users = PolarityFeatures.aggregate(source, Embeddings.Side.USER, corpus, keep, scoreOfRow);
        Embeddings items = PolarityFeatures.aggregate(source, Embeddings.Side.ITEM, corpus, keep, scoreOfRow);
        ctx.log(String.format(Locale.ROOT, "%s: %d of %d texts (%d distinct) scored%s: %.1f%% positive, %.1f%% negative;"
                        + " features %s for %d users and %d items", polarityKey, used, corpus.size(), texts.size(),
                split == null ? "" : " (held-out pairs left out)", 100.0 * positive / Math.max(1, used),
                100.0 * negative / Math.max(1, used), String.join(", ", PolarityFeatures.COLUMNS),
                users.presentCount(), items.presentCount()));
        return List.of(PortData.of(PortTypes.EMBEDDINGS, users), PortData.of(PortTypes.EMBEDDINGS, items));
    }

    /** The sentence encoder the method needs, behind the project's cache; null for the lexicon. */
    private static TextEncoder encoder(Method method, ExecutionContext ctx) throws EncoderException {
        return switch (method) {
            case LEXICON -> null;
            case MINILM -> new CachedTextEncoder(new LazyTextEncoder(OnnxSentenceEncoder.miniLmKey(true),
                    () -> OnnxSentenceEncoder.miniLm(true)), ctx.store());
        };
    }
}
