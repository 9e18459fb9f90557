package org.recblend.nodes.encode;

import org.recblend.pipeline.SettingDoc;
import java.util.Map;
import java.util.List;
import org.recblend.domain.Embeddings;
import org.recblend.encode.LazyTextEncoder;
import org.recblend.encode.OnnxSentenceEncoder;
import org.recblend.encode.TextEncoder;
import org.recblend.pipeline.ExecutionContext;
import org.recblend.pipeline.InvalidSettingsException;

/** Encodes item or user texts with the bundled all-MiniLM-L6-v2 (384 dimensions), quantized or full precision. */
public final class MiniLmEncode extends TextEncodeKind<MiniLmEncode.Settings> {
    public static final String ID = "encode.text.minilm";

    /**
     * @param side      whose texts
     * @param template  the text template
     * @param maxTexts  tags or reviews per user text
     * @param batchSize texts per encoder call and cache transaction
     * @param quantized the 23 MB int8 model (faster) instead of the 90 MB float model
     */
    public record Settings(Embeddings.Side side, String template, int maxTexts, int batchSize, boolean quantized)
            implements TextSettings {
        @Override
        public void validate() throws InvalidSettingsException {
            validateText();
        }
    }

    public MiniLmEncode() {
        super(ID, "Text encoder (MiniLM)", Settings.class,
                "Turns texts into 384-dimensional sentence vectors with all-MiniLM-L6-v2 (shipped with the workbench,"
                        + " runs offline); quantized is about twice as fast, full precision equals the reference model."
                        + " Texts longer than 128 tokens are cut (the log counts them).");
    }

    @Override
    public Map<String, SettingDoc> settingDocs() {
        return textDocs().group("Model")
                .setting("quantized", "Quantized model", "The 23 MB int8 model (about twice as fast) instead of the 90 MB float model")
                .build();
    }

    @Override
    public Settings defaultSettings() {
        return new Settings(Embeddings.Side.ITEM, TextSettings.defaultTemplate(Embeddings.Side.ITEM), 20, 256, true);
    }

    @Override
    protected TextEncoder openEncoder(Settings s, List<String> texts, ExecutionContext ctx) throws Exception {
        return new LazyTextEncoder(OnnxSentenceEncoder.miniLmKey(s.quantized()), () -> OnnxSentenceEncoder.miniLm(s.quantized()));
    }

    /** The model's key: a changed model file (or another jar version) makes cached outputs stale. */
    @Override
    public java.util.Optional<String> externalFingerprint(Settings settings, org.recblend.store.ProjectStore store) throws Exception {
        return java.util.Optional.of(OnnxSentenceEncoder.miniLmKey(settings.quantized()));
    }
}
