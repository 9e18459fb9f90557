package org.recblend.engine.eval;

/**
 * The names under which metrics and segments are reported and stored. Ranking metrics use binary
 * relevance (every held-out item counts), as the Microsoft Recommenders benchmark does.
 */
public final class MetricNames {
    /** Hits in the top K divided by K. */
    public static final String PRECISION = "precision";
    /** Hits in the top K divided by the user's relevant items. */
    public static final String RECALL = "recall";
    /** Binary-relevance DCG of the top K over the ideal DCG of min(K, relevant) hits. */
    public static final String NDCG = "ndcg";
    /**
     * Sum of precision at each hit in the top K, divided by the user's relevant items (the
     * Microsoft Recommenders {@code map_at_k} definition, so figures compare with its table).
     */
    public static final String MAP = "map";
    /** One over the rank of the first hit in the top K, 0 when none. */
    public static final String MRR = "mrr";
    /** 1 when the top K holds a hit, else 0. */
    public static final String HIT_RATE = "hit_rate";
    /** Share of (relevant, non-relevant) candidate pairs ranked in the right order, ties half. */
    public static final String AUC = "auc";
    /** Share of the catalogue that appears in at least one top-K list. */
    public static final String COVERAGE = "coverage";
    /** Mean over users of the mean self-information −log2(share of training users who have the item) of their top K. */
    public static final String NOVELTY = "novelty";
    /** Gini coefficient of how often each catalogue item is recommended (0 even, 1 one item only). */
    public static final String GINI = "gini";
    /** Root mean squared error of predicted ratings on the held-out rows. */
    public static final String RMSE = "rmse";
    /** Mean absolute error of predicted ratings on the held-out rows. */
    public static final String MAE = "mae";
    /** How many users were evaluated in a segment. */
    public static final String USERS = "users";

    /** All evaluated users. */
    public static final String ALL = "all";
    /** Users with fewer than 5 training interactions. */
    public static final String USERS_LT5 = "users:<5";
    /** Users with 5 to 20 training interactions. */
    public static final String USERS_5_20 = "users:5-20";
    /** Users with more than 20 training interactions. */
    public static final String USERS_GT20 = "users:>20";
    /** Ranking among cold items only (items without training interactions). */
    public static final String COLD_ITEMS = "items:cold";

    private MetricNames() {
    }

    /** The activity segment of a user with this many training interactions. */
    public static String userSegment(int trainCount) {
        return trainCount < 5 ? USERS_LT5 : trainCount <= 20 ? USERS_5_20 : USERS_GT20;
    }
}
