package org.recblend.engine.classic;

import org.recblend.domain.IdIndex;
import org.recblend.domain.InteractionTable;
import org.recblend.engine.BaseRecommender;

/** Scores every item by its training popularity, the same for every user: the baseline to beat. */
public final class PopularityRecommender extends BaseRecommender {
    private static final long serialVersionUID = 1L;
    public static final String KIND = "popularity";

    /** What "popular" counts. */
    public enum Measure {
        /** Distinct users who interacted with the item. */
        USERS,
        /** Sum of interaction weights (ratings, play counts). */
        WEIGHT_SUM
    }

    private final float[] scores;

    private PopularityRecommender(IdIndex users, IdIndex items, float[] scores) {
        super(KIND, users, items);
        this.scores = scores;
    }

    /** Counts the training rows. */
    public static PopularityRecommender train(InteractionTable train, Measure measure) {
        float[] scores = new float[train.items().size()];
        if (measure == Measure.USERS) {
            UserItems ui = UserItems.of(train);
            for (int u = 0; u < ui.users(); u++) {
                for (int j = 0; j < ui.count(u); j++) {
                    scores[ui.item(u, j)]++;
                }
            }
        } else {
            for (int r = 0; r < train.size(); r++) {
                scores[train.item(r)] += train.weight(r);
            }
        }
        return new PopularityRecommender(train.users(), train.items(), scores);
    }




    @Override
    public void score(int user, float[] out) {
        System.arraycopy(scores, 0, out, 0, scores.length);
    }
}
