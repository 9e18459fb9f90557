package org.recblend.nodes.encode;

import org.recblend.pipeline.SettingDoc;
import java.util.Map;
import java.nio.file.Path;
import java.util.List;
import org.recblend.domain.Embeddings;
import org.recblend.encode.LazyTextEncoder;
import org.recblend.encode.OnnxSentenceEncoder;
import org.recblend.encode.TextEncoder;
import org.recblend.pipeline.ExecutionContext;
import org.recblend.pipeline.InvalidSettingsException;

/** Encodes texts with a sentence-transformer ONNX export the user has on disk ({@code model.onnx} + {@code tokenizer.json}). */
public final class OnnxFolderEncode extends TextEncodeKind<OnnxFolderEncode.Settings> {
    public static final String ID = "encode.text.onnx";

    /**
     * @param side      whose texts
     * @param template  the text template
     * @param maxTexts  tags or reviews per user text
     * @param batchSize texts per encoder call and cache transaction
     * @param folder    the folder holding model.onnx and tokenizer.json
     */
    public record Settings(Embeddings.Side side, String template, int maxTexts, int batchSize, String folder)
            implements TextSettings {
        @Override
        public void validate() throws InvalidSettingsException {
            validateText();
            if (folder == null || folder.isBlank()) {
                throw InvalidSettingsException.notConfigured("Choose the folder of the ONNX model (model.onnx + tokenizer.json)");
            }
        }
    }

    public OnnxFolderEncode() {
        super(ID, "Text encoder (local ONNX model)", Settings.class,
                "Turns texts into sentence vectors with a sentence-transformer exported to ONNX that you have on disk:"
                        + " a folder with model.onnx and tokenizer.json (mean pooling and L2 normalisation, texts cut at"
                        + " 128 tokens).");
    }

    @Override
    public Map<String, SettingDoc> settingDocs() {
        return textDocs().group("Model")
                .setting("folder", "Model folder", "The folder holding model.onnx and tokenizer.json")
                .build();
    }

    @Override
    public Settings defaultSettings() {
        return new Settings(Embeddings.Side.ITEM, TextSettings.defaultTemplate(Embeddings.Side.ITEM), 20, 256, "");
    }

    @Override
    protected TextEncoder openEncoder(Settings s, List<String> texts, ExecutionContext ctx) throws Exception {
        Path folder = Path.of(s.folder());
        return new LazyTextEncoder(OnnxSentenceEncoder.folderKey(folder),
                () -> OnnxSentenceEncoder.fromFolder(folder, OnnxSentenceEncoder.Options.defaults()));
    }

    /** The model's key: a changed model file (or another jar version) makes cached outputs stale. */
    @Override
    public java.util.Optional<String> externalFingerprint(Settings settings, org.recblend.store.ProjectStore store) throws Exception {
        return java.util.Optional.of(OnnxSentenceEncoder.folderKey(Path.of(settings.folder())));
    }
}
