package org.recblend.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.recblend.domain.IdIndex;
import org.recblend.engine.Recommender;

/**
 * Neural matrix factorisation (He et al. 2017): a GMF tower (element-wise product of embeddings)
 * and an MLP tower over concatenated embeddings, joined by a linear output layer.
 */
public final class NeuMF implements DeepModel {
    public static final String KIND = "neumf";

    private final IdIndex users;
    private final IdIndex items;
    private final int gmfDim;
    private final int mlpDim;
    private final int[] layers;
    private final float offset;

    /**
     * @param layers widths of the MLP's hidden layers, e.g. {64, 32, 16}
     * @param offset added to every score (the mean rating under the rating objective, else 0)
     */
    public NeuMF(IdIndex users, IdIndex items, int gmfDim, int mlpDim, List<Integer> layers, float offset) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("NeuMF needs at least one hidden layer");
        }
        this.users = users;
        this.items = items;
        this.gmfDim = gmfDim;
        this.mlpDim = mlpDim;
        this.layers = layers.stream().mapToInt(Integer::intValue).toArray();
        this.offset = offset;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public LinkedHashMap<String, NDArray> initParameters(NDManager m, SplittableRandom r) {
        LinkedHashMap<String, NDArray> p = new LinkedHashMap<>();
        p.put("gmfUser", Inits.normal(m, r, users.size(), gmfDim, 0.01));
        p.put("gmfItem", Inits.normal(m, r, items.size(), gmfDim, 0.01));
        p.put("mlpUser", Inits.normal(m, r, users.size(), mlpDim, 0.01));
        p.put("mlpItem", Inits.normal(m, r, items.size(), mlpDim, 0.01));
        int in = 2 * mlpDim;
        for (int l = 0; l < layers.length; l++) {
            p.put("w" + l, Inits.glorot(m, r, in, layers[l]));
            p.put("b" + l, Inits.zeros(m, 1, layers[l]));
            in = layers[l];
        }
        p.put("out", Inits.glorot(m, r, gmfDim + in, 1));
        p.put("outBias", Inits.zeros(m, 1, 1));
        return p;
    }

    @Override
    public Scores score(Map<String, NDArray> p, NDArray u, NDArray i, NDArray itemMask) {
        NDArray gu = Gather.rows(p.get("gmfUser"), u);
        NDArray gi = Gather.rows(p.get("gmfItem"), i);
        NDArray mu = Gather.rows(p.get("mlpUser"), u);
        NDArray mi = Gather.rows(p.get("mlpItem"), i);
        NDArray x = NDArrays.concat(new NDList(mu, mi), 1);
        for (int l = 0; l < layers.length; l++) {
            x = Activation.relu(x.matMul(p.get("w" + l)).add(p.get("b" + l)));
        }
        NDArray h = NDArrays.concat(new NDList(gu.mul(gi), x), 1);
        NDArray s = h.matMul(p.get("out")).reshape(-1).add(p.get("outBias").reshape(1));
        if (offset != 0) {
            s = s.add(offset);
        }
        NDArray norm = gu.square().sum().add(gi.square().sum()).add(mu.square().sum()).add(mi.square().sum());
        return new Scores(s, norm);
    }

    @Override
    public Recommender recommender(Map<String, FloatMatrix> w) {
        FloatMatrix[] ws = new FloatMatrix[layers.length];
        float[][] bs = new float[layers.length][];
        for (int l = 0; l < layers.length; l++) {
            ws[l] = w.get("w" + l);
            bs[l] = w.get("b" + l).data();
        }
        return new NeuMfRecommender(users, items, w.get("gmfUser"), w.get("gmfItem"), w.get("mlpUser"), w.get("mlpItem"),
                ws, bs, w.get("out").data(), w.get("outBias").data()[0] + offset);
    }
}
