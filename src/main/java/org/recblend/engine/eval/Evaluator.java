package org.recblend.engine.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.recblend.engine.Parallel;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.Split;
import org.recblend.engine.Recommender;
import org.recblend.task.CancelledException;
import org.recblend.task.TaskMonitor;

/**
 * Full-ranking evaluation: every user with held-out items gets all items scored (no sampled
 * negatives), minus their training items when asked, and the top-K lists are compared with the
 * held-out items, each of which counts as relevant. Users are scored in parallel; the result does
 * not depend on the thread count.
 *
 * <p>Usage: {@code Evaluator.evaluate(model, split, EvalOptions.defaults().withKs(10)).value("ndcg", 10)}.
 */
public final class Evaluator {
    private static final String[] RANKING = {MetricNames.PRECISION, MetricNames.RECALL, MetricNames.NDCG,
        MetricNames.MAP, MetricNames.MRR, MetricNames.HIT_RATE};
    /**
     * NDCG and recall are also averaged at every K from 1 to this, whatever cut-offs were asked, so
     * their curves over K can be drawn from the stored result (see docs/decisions on K curves).
     */
    public static final int CURVE_MAX_K = 50;
    /** The metrics with a curve over K, in the order of {@code Worker.curveSums}. */
    public static final List<String> CURVE_METRICS = List.of(MetricNames.NDCG, MetricNames.RECALL);
    private static final String[] SEGMENTS = {MetricNames.ALL, MetricNames.USERS_LT5, MetricNames.USERS_5_20,
        MetricNames.USERS_GT20};

    private Evaluator() {
    }

    /** Evaluates with default options (K = 1, 5, 10, 20, test part, seen items excluded). */
    public static EvaluationResult evaluate(Recommender model, Split split) {
        return evaluate(model, split, EvalOptions.defaults(), TaskMonitor.none());
    }

    public static EvaluationResult evaluate(Recommender model, Split split, EvalOptions options) {
        return evaluate(model, split, options, TaskMonitor.none());
    }

    /**
     * Evaluates a model on a split.
     *
     * @throws IllegalArgumentException when the model's item space is not the split's
     * @throws CancelledException       when the monitor asks to stop
     */
    public static EvaluationResult evaluate(Recommender model, Split split, EvalOptions options, TaskMonitor monitor) {
        long t0 = System.nanoTime();
        int nItems = split.train().items().size();
        int nUsers = split.train().users().size();
        if (model.items().size() != nItems) {
            throw new IllegalArgumentException("The model scores " + model.items().size() + " items but the split has "
                    + nItems + "; evaluate a model on the split it was trained on");
        }
        if (model.users().size() != nUsers) {
            throw new IllegalArgumentException("The model knows " + model.users().size() + " users but the split has "
                    + nUsers + "; evaluate a model on the split it was trained on");
        }
        InteractionTable target = options.target() == EvalOptions.Target.TEST ? split.test() : split.validation();
        int[][] relevant = distinctItemsByUser(target, nUsers);
        int[][] seen = seenItems(split, options, nUsers);
        int[] trainUserCounts = split.train().userCounts();
        int[] trainItemCounts = split.train().itemCounts();
        boolean[] cold = new boolean[nItems];
        int coldCount = 0;
        for (int i = 0; i < nItems; i++) {
            cold[i] = trainItemCounts[i] == 0;
            coldCount += cold[i] ? 1 : 0;
        }
        int trainUsers = split.train().distinctUsers();
        double[] selfInfo = new double[nItems];
        for (int i = 0; i < nItems; i++) {
            double share = Math.max(trainItemCounts[i], 1) / (double) Math.max(trainUsers, 1);
            selfInfo[i] = -Math.log(Math.min(share, 1)) / Math.log(2);
        }
        int[] evaluated = usersWithRelevant(relevant);
        List<Integer> ks = options.ks();
        Shared shared = new Shared(model, ks, relevant, seen, cold, coldCount > 0, selfInfo, nUsers, nItems, evaluated);

        // each thread keeps its own worker (buffers, recommendation counts); the counts are summed after
        List<Worker> workers = java.util.Collections.synchronizedList(new ArrayList<>());
        Parallel.forEach(evaluated.length, options.threads(), () -> {
            Worker w = new Worker(shared);
            workers.add(w);
            return e -> w.user(evaluated[e]);
        }, monitor, "evaluating users");

        List<MetricValue> metrics = new ArrayList<>();
        for (String segment : SEGMENTS) {
            int[] segUsers = Arrays.stream(evaluated)
                    .filter(u -> segment.equals(MetricNames.ALL) || MetricNames.userSegment(trainUserCounts[u]).equals(segment))
                    .toArray();
            metrics.add(new MetricValue(MetricNames.USERS, null, segment, segUsers.length));
            if (segUsers.length == 0) {
                continue;
            }
            for (int ki = 0; ki < ks.size(); ki++) {
                for (int m = 0; m < RANKING.length; m++) {
                    metrics.add(new MetricValue(RANKING[m], ks.get(ki), segment, mean(shared.perUser[m][ki], segUsers)));
                }
            }
            metrics.add(new MetricValue(MetricNames.AUC, null, segment, mean(shared.auc, segUsers)));
        }
        addCatalogueMetrics(metrics, workers, shared);
        addColdItemMetrics(metrics, workers, shared);
        addRatingMetrics(metrics, model, target);

        Map<String, double[]> perUser = new LinkedHashMap<>();
        for (int ki = 0; ki < ks.size(); ki++) {
            for (int m = 0; m < RANKING.length; m++) {
                perUser.put(RANKING[m] + "@" + ks.get(ki), shared.perUser[m][ki]);
            }
        }
        perUser.put(MetricNames.AUC, shared.auc);
        monitor.progress(1, "evaluated " + evaluated.length + " users");
        return new EvaluationResult(metrics, perUser, split.train().users(), evaluated.length, (System.nanoTime() - t0) / 1e9,
                curves(workers, evaluated.length));
    }

    /** The workers' curve sums added up and divided by the evaluated users. */
    private static Map<String, double[]> curves(List<Worker> workers, int users) {
        Map<String, double[]> curves = new LinkedHashMap<>();
        if (users == 0) {
            return curves;
        }
        for (int m = 0; m < CURVE_METRICS.size(); m++) {
            double[] mean = new double[CURVE_MAX_K];
            for (Worker w : workers) {
                for (int k = 0; k < CURVE_MAX_K; k++) {
                    mean[k] += w.curveSums[m][k];
                }
            }
            for (int k = 0; k < CURVE_MAX_K; k++) {
                mean[k] /= users;
            }
            curves.put(CURVE_METRICS.get(m), mean);
        }
        return curves;
    }

    private static void addCatalogueMetrics(List<MetricValue> metrics, List<Worker> workers, Shared s) {
        for (int ki = 0; ki < s.ks.size(); ki++) {
            long[] counts = new long[s.nItems];
            for (Worker w : workers) {
                for (int i = 0; i < s.nItems; i++) {
                    counts[i] += w.recCounts[ki][i];
                }
            }
            int covered = 0;
            for (long c : counts) {
                covered += c > 0 ? 1 : 0;
            }
            int k = s.ks.get(ki);
            metrics.add(new MetricValue(MetricNames.COVERAGE, k, MetricNames.ALL, covered / (double) s.nItems));
            metrics.add(new MetricValue(MetricNames.NOVELTY, k, MetricNames.ALL, mean(s.novelty[ki], s.evaluated)));
            metrics.add(new MetricValue(MetricNames.GINI, k, MetricNames.ALL, gini(counts)));
        }
    }

    private static void addColdItemMetrics(List<MetricValue> metrics, List<Worker> workers, Shared s) {
        if (!s.anyCold) {
            return;
        }
        int[] coldUsers = Arrays.stream(s.evaluated).filter(u -> !Double.isNaN(s.coldNdcg[0][u])).toArray();
        int users = coldUsers.length;
        metrics.add(new MetricValue(MetricNames.USERS, null, MetricNames.COLD_ITEMS, users));
        if (users == 0) {
            return;
        }
        for (int ki = 0; ki < s.ks.size(); ki++) {
            metrics.add(new MetricValue(MetricNames.NDCG, s.ks.get(ki), MetricNames.COLD_ITEMS, mean(s.coldNdcg[ki], coldUsers)));
        }
        metrics.add(new MetricValue(MetricNames.AUC, null, MetricNames.COLD_ITEMS, mean(s.coldAuc, coldUsers)));
    }

    private static void addRatingMetrics(List<MetricValue> metrics, Recommender model, InteractionTable target) {
        if (!(model instanceof RatingPredictor predictor) || target.size() == 0) {
            return;
        }
        double se = 0;
        double ae = 0;
        for (int r = 0; r < target.size(); r++) {
            double err = predictor.predictRating(target.user(r), target.item(r)) - target.weight(r);
            se += err * err;
            ae += Math.abs(err);
        }
        metrics.add(new MetricValue(MetricNames.RMSE, null, MetricNames.ALL, Math.sqrt(se / target.size())));
        metrics.add(new MetricValue(MetricNames.MAE, null, MetricNames.ALL, ae / target.size()));
    }

    /** Mean over the given users, NaN values left out. */
    private static double mean(double[] values, int[] users) {
        double sum = 0;
        int n = 0;
        for (int u : users) {
            if (!Double.isNaN(values[u])) {
                sum += values[u];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Gini coefficient of non-negative counts; 0 when all are equal (or all zero). */
    static double gini(long[] counts) {
        long[] x = counts.clone();
        Arrays.sort(x);
        int n = x.length;
        double total = 0;
        double weighted = 0;
        for (int i = 0; i < n; i++) {
            total += x[i];
            weighted += (2.0 * (i + 1) - n - 1) * x[i];
        }
        return total == 0 || n == 0 ? 0 : weighted / (n * total);
    }

    private static int[][] distinctItemsByUser(InteractionTable t, int nUsers) {
        int[][] rows = t.rowsByUser();
        int[][] items = new int[nUsers][];
        for (int u = 0; u < nUsers; u++) {
            int[] it = new int[rows[u].length];
            for (int j = 0; j < it.length; j++) {
                it[j] = t.item(rows[u][j]);
            }
            items[u] = Arrays.stream(it).sorted().distinct().toArray();
        }
        return items;
    }

    private static int[][] seenItems(Split split, EvalOptions options, int nUsers) {
        if (!options.excludeSeen()) {
            return new int[nUsers][0];
        }
        int[][] seen = distinctItemsByUser(split.train(), nUsers);
        if (options.target() == EvalOptions.Target.TEST && split.hasValidation()) {
            int[][] valid = distinctItemsByUser(split.validation(), nUsers);
            for (int u = 0; u < nUsers; u++) {
                if (valid[u].length > 0) {
                    int[] both = Arrays.copyOf(seen[u], seen[u].length + valid[u].length);
                    System.arraycopy(valid[u], 0, both, seen[u].length, valid[u].length);
                    seen[u] = Arrays.stream(both).sorted().distinct().toArray();
                }
            }
        }
        return seen;
    }

    private static int[] usersWithRelevant(int[][] relevant) {
        int n = 0;
        for (int[] r : relevant) {
            n += r.length > 0 ? 1 : 0;
        }
        int[] users = new int[n];
        int j = 0;
        for (int u = 0; u < relevant.length; u++) {
            if (relevant[u].length > 0) {
                users[j++] = u;
            }
        }
        return users;
    }

    /** What all workers read, and the per-user arrays they fill (each user's slot by one worker only). */
    private static final class Shared {
        final Recommender model;
        final List<Integer> ks;
        final int[][] relevant;
        final int[][] seen;
        final boolean[] cold;
        final boolean anyCold;
        final double[] selfInfo;
        final int nItems;
        final double[][][] perUser;
        final double[] auc;
        final double[][] novelty;
        final double[][] coldNdcg;
        final double[] coldAuc;
        final int[] evaluated;

        Shared(Recommender model, List<Integer> ks, int[][] relevant, int[][] seen, boolean[] cold, boolean anyCold,
               double[] selfInfo, int nUsers, int nItems, int[] evaluated) {
            this.evaluated = evaluated;
            this.model = model;
            this.ks = ks;
            this.relevant = relevant;
            this.seen = seen;
            this.cold = cold;
            this.anyCold = anyCold;
            this.selfInfo = selfInfo;
            this.nItems = nItems;
            perUser = new double[RANKING.length][ks.size()][nUsers];
            for (double[][] m : perUser) {
                for (double[] v : m) {
                    Arrays.fill(v, Double.NaN);
                }
            }
            auc = nanArray(nUsers);
            coldAuc = nanArray(nUsers);
            novelty = new double[ks.size()][];
            coldNdcg = new double[ks.size()][];
            for (int ki = 0; ki < ks.size(); ki++) {
                novelty[ki] = nanArray(nUsers);
                coldNdcg[ki] = nanArray(nUsers);
            }
        }

        private static double[] nanArray(int n) {
            double[] a = new double[n];
            Arrays.fill(a, Double.NaN);
            return a;
        }
    }

    /** Scores one user at a time with its own buffers; sums catalogue figures for its users. */
    private static final class Worker {
        private final Shared s;
        private final float[] scores;
        private final int[] mark;
        private final float[] candidateScores;
        private final TopK top;
        final long[][] recCounts;
        /** Sums over this worker's users of NDCG and recall at K = 1…{@value #CURVE_MAX_K} (index K − 1). */
        final double[][] curveSums = new double[CURVE_METRICS.size()][CURVE_MAX_K];
        private int stamp;

        Worker(Shared s) {
            this.s = s;
            scores = new float[s.nItems];
            mark = new int[s.nItems];
            candidateScores = new float[s.nItems];
            top = new TopK(Math.max(s.ks.get(s.ks.size() - 1), CURVE_MAX_K));
            recCounts = new long[s.ks.size()][s.nItems];
        }

        private static final int SEEN = 1;
        private static final int RELEVANT = 2;

        void user(int u) {
            s.model.score(u, scores);
            // marks carry a per-user stamp in their high bits, so the array is never cleared
            stamp += 4;
            int seenTag = stamp | SEEN;
            int relTag = stamp | RELEVANT;
            for (int i : s.seen[u]) {
                mark[i] = seenTag;
            }
            int[] rel = s.relevant[u];
            for (int i : rel) {
                if (mark[i] != seenTag) {
                    mark[i] = relTag;
                }
            }
            rankAll(u, seenTag, relTag, rel.length);
            if (s.anyCold) {
                rankCold(u, seenTag, relTag);
            }
        }

        private void rankAll(int u, int seenTag, int relTag, int nRelevant) {
            top.clear();
            for (int i = 0; i < s.nItems; i++) {
                if (mark[i] != seenTag) {
                    top.offer(i, score(i));
                }
            }
            int[] list = top.sorted();
            for (int ki = 0; ki < s.ks.size(); ki++) {
                int k = s.ks.get(ki);
                int n = Math.min(k, list.length);
                int hits = 0;
                double dcg = 0;
                double apSum = 0;
                double rr = 0;
                double info = 0;
                for (int r = 0; r < n; r++) {
                    int item = list[r];
                    recCounts[ki][item]++;
                    info += s.selfInfo[item];
                    if (mark[item] == relTag) {
                        hits++;
                        dcg += 1 / log2(r + 2);
                        apSum += hits / (double) (r + 1);
                        if (rr == 0) {
                            rr = 1.0 / (r + 1);
                        }
                    }
                }
                s.novelty[ki][u] = n == 0 ? Double.NaN : info / n;
                double idcg = 0;
                for (int r = 0; r < Math.min(k, nRelevant); r++) {
                    idcg += 1 / log2(r + 2);
                }
                double[][][] pu = s.perUser;
                pu[0][ki][u] = hits / (double) k;
                pu[1][ki][u] = hits / (double) nRelevant;
                pu[2][ki][u] = dcg / idcg;
                pu[3][ki][u] = apSum / nRelevant;
                pu[4][ki][u] = rr;
                pu[5][ki][u] = hits > 0 ? 1 : 0;
            }
            addCurves(list, relTag, nRelevant);
            s.auc[u] = auc(relTag, seenTag, false);
        }

        /** Adds this user's NDCG and recall at every K up to the curve's end (the same formulas as above). */
        private void addCurves(int[] list, int relTag, int nRelevant) {
            int hits = 0;
            double dcg = 0;
            double idcg = 0;
            for (int r = 0; r < CURVE_MAX_K; r++) {
                if (r < list.length && mark[list[r]] == relTag) {
                    hits++;
                    dcg += 1 / log2(r + 2);
                }
                if (r < nRelevant) {
                    idcg += 1 / log2(r + 2);
                }
                curveSums[0][r] += dcg / idcg;
                curveSums[1][r] += hits / (double) nRelevant;
            }
        }

        /** Ranks the cold candidates alone: NDCG at every K and AUC over the user's cold held-out items. */
        private void rankCold(int u, int seenTag, int relTag) {
            int nRel = 0;
            for (int i : s.relevant[u]) {
                nRel += s.cold[i] && mark[i] == relTag ? 1 : 0;
            }
            if (nRel == 0) {
                return;
            }
            top.clear();
            for (int i = 0; i < s.nItems; i++) {
                if (s.cold[i] && mark[i] != seenTag) {
                    top.offer(i, score(i));
                }
            }
            int[] list = top.sorted();
            for (int ki = 0; ki < s.ks.size(); ki++) {
                int k = s.ks.get(ki);
                double dcg = 0;
                for (int r = 0; r < Math.min(k, list.length); r++) {
                    if (mark[list[r]] == relTag) {
                        dcg += 1 / log2(r + 2);
                    }
                }
                double idcg = 0;
                for (int r = 0; r < Math.min(k, nRel); r++) {
                    idcg += 1 / log2(r + 2);
                }
                s.coldNdcg[ki][u] = dcg / idcg;
            }
            s.coldAuc[u] = auc(relTag, seenTag, true);
        }

        /**
         * AUC of the relevant candidates against the others: the share of (relevant, other) pairs
         * where the relevant one scores higher, ties counting half. The few relevant scores are
         * sorted; each other candidate then finds by binary search how many relevant ones beat it,
         * which is cheaper than sorting all candidates.
         */
        private double auc(int relTag, int seenTag, boolean coldOnly) {
            int nPos = 0;
            for (int i = 0; i < s.nItems; i++) {
                if (mark[i] == relTag && (!coldOnly || s.cold[i])) {
                    candidateScores[nPos++] = score(i);
                }
            }
            if (nPos == 0) {
                return Double.NaN;
            }
            float[] pos = Arrays.copyOf(candidateScores, nPos);
            Arrays.sort(pos);
            double correct = 0;
            long nNeg = 0;
            for (int i = 0; i < s.nItems; i++) {
                int m = mark[i];
                if (m == relTag || m == seenTag || (coldOnly && !s.cold[i])) {
                    continue;
                }
                float sc = score(i);
                int lo = lowerBound(pos, sc);
                int hi = upperBound(pos, sc);
                correct += (nPos - hi) + 0.5 * (hi - lo);
                nNeg++;
            }
            return nNeg == 0 ? Double.NaN : correct / ((double) nPos * nNeg);
        }

        private float score(int i) {
            float sc = scores[i];
            return Float.isNaN(sc) ? Float.NEGATIVE_INFINITY : sc;
        }

        private static int lowerBound(float[] a, float v) {
            int lo = 0;
            int hi = a.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (a[mid] < v) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        private static int upperBound(float[] a, float v) {
            int lo = 0;
            int hi = a.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (a[mid] <= v) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
