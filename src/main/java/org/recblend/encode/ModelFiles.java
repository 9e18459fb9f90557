package org.recblend.encode;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The two files a sentence-transformer ONNX export needs: the network and the HuggingFace tokenizer.
 *
 * @param onnx      the model, e.g. {@code model.onnx}
 * @param tokenizer the {@code tokenizer.json}
 */
public record ModelFiles(Path onnx, Path tokenizer) {
    /** The standard file names of a sentence-transformer folder. */
    public static final String MODEL_FILE = "model.onnx";
    public static final String TOKENIZER_FILE = "tokenizer.json";

    /**
     * The files of a local sentence-transformer folder ({@code model.onnx} + {@code tokenizer.json}, or the
     * {@code onnx/model.onnx} layout of HuggingFace exports); throws naming what is missing.
     */
    public static ModelFiles inFolder(Path folder) throws EncoderException {
        if (folder == null || !Files.isDirectory(folder)) {
            throw new EncoderException("The model folder " + folder + " does not exist or is not a folder."
                    + " Choose a folder holding " + MODEL_FILE + " and " + TOKENIZER_FILE + ".");
        }
        Path onnx = folder.resolve(MODEL_FILE);
        if (!Files.isRegularFile(onnx) && Files.isRegularFile(folder.resolve("onnx").resolve(MODEL_FILE))) {
            onnx = folder.resolve("onnx").resolve(MODEL_FILE);
        }
        Path tokenizer = folder.resolve(TOKENIZER_FILE);
        boolean noModel = !Files.isRegularFile(onnx);
        boolean noTokenizer = !Files.isRegularFile(tokenizer);
        if (noModel || noTokenizer) {
            String missing = noModel && noTokenizer ? MODEL_FILE + " and " + TOKENIZER_FILE
                    : noModel ? MODEL_FILE : TOKENIZER_FILE;
            throw new EncoderException("The model folder " + folder + " has no " + missing
                    + ". A sentence-transformer ONNX export holds " + MODEL_FILE + " and " + TOKENIZER_FILE + ".");
        }
        return new ModelFiles(onnx, tokenizer);
    }
}
