package org.recblend.encode;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import org.recblend.task.TaskMonitor;

/** langchain4j's quantized all-MiniLM-L6-v2 as a {@link TextEncoder}: a real sentence encoder for tests. */
final class LangchainMiniLm implements TextEncoder {
    private final AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();

    @Override
    public String key() {
        return "langchain4j-minilm-l6-v2-q";
    }

    @Override
    public int dimension() {
        return 384;
    }

    @Override
    public float[][] encode(List<String> texts, TaskMonitor monitor) {
        List<Embedding> e = model.embedAll(texts.stream().map(TextSegment::from).toList()).content();
        return e.stream().map(Embedding::vector).toArray(float[][]::new);
    }
}
