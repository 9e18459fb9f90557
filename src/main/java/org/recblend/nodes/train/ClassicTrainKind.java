package org.recblend.nodes.train;

import java.util.List;
import java.util.Map;
import org.recblend.domain.Split;
import org.recblend.engine.Recommender;
import org.recblend.engine.TrainedModel;
import org.recblend.pipeline.BaseNodeKind;
import org.recblend.pipeline.ExecutionContext;
import org.recblend.pipeline.NodeDescriptor;
import org.recblend.pipeline.NodeSettings;
import org.recblend.pipeline.PortData;
import org.recblend.pipeline.PortSpec;
import org.recblend.pipeline.PortTypes;
import org.recblend.pipeline.SettingsCodec;
import org.recblend.pipeline.Stage;

/**
 * A train node of a model without epochs (popularity, ItemKNN, EASE): one Split input, one
 * TrainedModel output, trained on the split's training part only.
 */
abstract class ClassicTrainKind<S extends NodeSettings> extends BaseNodeKind<S> {
    static final String INPUT = "split";
    static final String OUTPUT = "model";


    ClassicTrainKind(String id, String name, Class<S> settingsClass, String help) {
        super(new NodeDescriptor(id, name, Stage.TRAIN, List.of(PortSpec.of(INPUT, PortTypes.SPLIT)),
                List.of(PortSpec.of(OUTPUT, TrainPorts.TRAINED_MODEL)), help), settingsClass);
    }

    @Override
    public List<PortData> execute(S settings, List<PortData> inputs, ExecutionContext ctx) throws Exception {
        Split split = inputs.get(0).as(Split.class);
        long t0 = System.nanoTime();
        Recommender model = train(settings, split, ctx);
        double seconds = (System.nanoTime() - t0) / 1e9;
        ctx.log(String.format(java.util.Locale.ROOT, "%s trained on %,d rows (%,d users x %,d items) in %.2f s",
                model.kind(), split.train().size(), split.train().users().size(), split.train().items().size(), seconds));
        @SuppressWarnings("unchecked")
        Map<String, Object> map = SettingsCodec.mapper().convertValue(settings, Map.class);
        return List.of(PortData.of(TrainPorts.TRAINED_MODEL, new TrainedModel(model, model.kind(), map, List.of(), seconds)));
    }

    abstract Recommender train(S settings, Split split, ExecutionContext ctx) throws Exception;
}
