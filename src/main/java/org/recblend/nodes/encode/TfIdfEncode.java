package org.recblend.nodes.encode;

import org.recblend.pipeline.SettingDoc;
import java.util.Map;
import java.util.List;
import org.recblend.domain.Embeddings;
import org.recblend.encode.TextEncoder;
import org.recblend.encode.TfIdfEncoder;
import org.recblend.pipeline.ExecutionContext;
import org.recblend.pipeline.InvalidSettingsException;
import org.recblend.pipeline.SeededSettings;

/**
 * TF-IDF reduced by truncated SVD: the non-LLM baseline beside the sentence encoders. It is fitted on
 * the texts it encodes, so its vectors are not cached (the fit is the cost, and they belong to this
 * corpus); the pipeline's own output cache still skips a re-run with unchanged inputs.
 */
public final class TfIdfEncode extends TextEncodeKind<TfIdfEncode.Settings> {
    /** The most terms the vocabulary keeps (the demo fits again with the same number). */
    public static final int MAX_FEATURES = 50_000;
    public static final String ID = "encode.text.tfidf";

    /**
     * @param side      whose texts
     * @param template  the text template
     * @param maxTexts  tags or reviews per user text
     * @param batchSize texts per encoder call
     * @param dim       vector length (SVD components)
     * @param seed      seed of the randomized SVD
     * @param stopWords drop common English words
     */
    public record Settings(Embeddings.Side side, String template, int maxTexts, int batchSize, int dim, long seed,
                           boolean stopWords) implements TextSettings, SeededSettings {
        @Override
        public void validate() throws InvalidSettingsException {
            validateText();
            if (dim < 1 || dim > 4096) {
                throw new InvalidSettingsException("dim must be in [1, 4096], not " + dim);
            }
        }

        @Override
        public Settings withSeed(long newSeed) {
            return new Settings(side, template, maxTexts, batchSize, dim, newSeed, stopWords);
        }
    }

    public TfIdfEncode() {
        super(ID, "Text encoder (TF-IDF + SVD)", Settings.class,
                "The classic baseline: TF-IDF word weights (sublinear tf, optional English stop words) reduced to a"
                        + " dense vector of the chosen length by a seeded truncated SVD fitted on these texts.");
    }

    @Override
    public Map<String, SettingDoc> settingDocs() {
        return textDocs().group("Model")
                .setting("dim", "Dimensions", "Vector length (SVD components), 1 to 4096")
                .setting("stopWords", "Drop stop words", "Drop common English words before weighting")
                .setting("seed", "Seed of the randomized SVD")
                .build();
    }

    @Override
    public Settings defaultSettings() {
        return new Settings(Embeddings.Side.ITEM, TextSettings.defaultTemplate(Embeddings.Side.ITEM), 20, 4096, 128, 42, true);
    }

    @Override
    protected boolean cached(Settings settings) {
        return false;
    }

    @Override
    protected TextEncoder openEncoder(Settings s, List<String> texts, ExecutionContext ctx) {
        TfIdfEncoder encoder = TfIdfEncoder.fit(texts, new TfIdfEncoder.Settings(s.dim(), s.seed(), s.stopWords(), MAX_FEATURES), ctx);
        ctx.log(String.format("TF-IDF fitted on %,d texts: %,d terms, %d SVD components (seed %d)",
                texts.stream().filter(t -> !t.isBlank()).count(), encoder.vocabularySize(), s.dim(), s.seed()));
        return encoder;
    }
}
