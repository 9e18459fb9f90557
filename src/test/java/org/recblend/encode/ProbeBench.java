package org.recblend.encode;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.nio.file.Path;
import java.util.List;
import org.recblend.task.TaskMonitor;

public final class ProbeBench {
    public static void main(String[] args) throws Exception {
        ai.djl.engine.Engine.getEngine("OnnxRuntime");
        boolean q = Boolean.parseBoolean(args[0]);
        List<String> texts = Ml100kTexts.load();
        List<TextSegment> segs = texts.stream().map(TextSegment::from).toList();
        EmbeddingModel l4j = q ? new AllMiniLmL6V2QuantizedEmbeddingModel() : new AllMiniLmL6V2EmbeddingModel();
        l4j.embedAll(segs.subList(0, 50));
        Path home = Path.of("target/bench-home");
        for (int i = 1; i < args.length; i++) {
            String[] p = args[i].split(",");
            var o = OnnxSentenceEncoder.Options.defaults().withBatchTokens(Integer.parseInt(p[0])).withMaxRows(Integer.parseInt(p[1])).withThreads(Integer.parseInt(p[2]));
            try (OnnxSentenceEncoder enc = OnnxSentenceEncoder.miniLm(q, home, o)) {
                enc.encode(texts.subList(0, 50), TaskMonitor.none());
                long t0 = System.nanoTime();
                l4j.embedAll(segs);
                long t1 = System.nanoTime();
                enc.encode(texts, TaskMonitor.none());
                long t2 = System.nanoTime();
                double a = texts.size() / ((t1 - t0) / 1e9), b = texts.size() / ((t2 - t1) / 1e9);
                System.out.printf("q=%s %s: l4j %.0f/s ours %.0f/s ratio %.2f%n", q, args[i], a, b, b / a);
            }
        }
    }
}
