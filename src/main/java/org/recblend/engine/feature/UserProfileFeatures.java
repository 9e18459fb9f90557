package org.recblend.engine.feature;

import java.util.ArrayList;
import java.util.List;
import org.recblend.domain.InteractionTable;
import org.recblend.engine.model.FloatMatrix;

/**
 * A user described by what they chose: for every item source, the mean of that source's rows over
 * the user's distinct training items ("profile:text:…", "profile:year"…). A user with five
 * purchases has a weak ID embedding but a clear text profile, so this is where item text reaches
 * sparse users. Only the training part is read, so held-out rows never leak into the profile.
 */
public final class UserProfileFeatures {
    public static final String PREFIX = "profile:";

    private UserProfileFeatures() {
    }

    /**
     * @param items item features whose ids include the training items
     * @param train the training part; its user index is the result's
     */
    public static FeatureSet of(FeatureSet items, InteractionTable train) {
        FeatureSet aligned = items.alignedTo(train.items());
        int[][] rows = train.rowsByUser();
        int users = train.users().size();
        List<FeatureBlock> out = new ArrayList<>();
        for (FeatureBlock b : aligned.blocks()) {
            int w = b.values().cols();
            float[] v = new float[users * w];
            float[] x = b.values().data();
            boolean[] seen = new boolean[train.items().size()];
            for (int u = 0; u < users; u++) {
                int count = 0;
                for (int r : rows[u]) {
                    int i = train.item(r);
                    if (seen[i]) {
                        continue;
                    }
                    seen[i] = true;
                    count++;
                    for (int c = 0; c < w; c++) {
                        v[u * w + c] += x[i * w + c];
                    }
                }
                for (int r : rows[u]) {
                    seen[train.item(r)] = false;
                }
                for (int c = 0; count > 0 && c < w; c++) {
                    v[u * w + c] /= count;
                }
            }
            List<String> columns = b.columns().stream().map(c -> PREFIX + c).toList();
            out.add(new FeatureBlock(PREFIX + b.name(), columns, new FloatMatrix(users, w, v)));
        }
        return new FeatureSet(FeatureSet.Side.USER, train.users(), out, items.fusion());
    }
}
