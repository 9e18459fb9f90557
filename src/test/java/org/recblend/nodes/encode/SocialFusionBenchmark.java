package org.recblend.nodes.encode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.recblend.domain.Embeddings;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.SocialGraph;
import org.recblend.domain.Split;
import org.recblend.encode.social.FriendItems;
import org.recblend.encode.social.SocialAdjacency;
import org.recblend.encode.social.SocialEncoder;
import org.recblend.encode.social.SocialEncoders;
import org.recblend.encode.social.UserProfiles;
import org.recblend.engine.Recommender;
import org.recblend.engine.model.DeepRecommender;
import org.recblend.engine.model.FactorRecommender;
import org.recblend.engine.model.FloatMatrix;
import org.recblend.engine.model.HybridTowers;
import org.recblend.engine.model.MatrixFactorization;
import org.recblend.engine.train.Objective;
import org.recblend.engine.train.SamplerKind;
import org.recblend.engine.train.TrainingLoop;
import org.recblend.engine.train.TrainingSettings;
import org.recblend.store.ProjectStore;
import org.recblend.store.StoredDataset;
import org.recblend.task.TaskMonitor;
import org.recblend.testutil.SharedData;

/**
 * The quick experiment behind the Last.fm acceptance point: for a seeded half of the users keep
 * only 5 training interactions, then compare NDCG@10 over those sparse users for BPR, the friends'
 * items alone, BPR plus a share of the friends' items, and the Hybrid with social user features.
 * Not a test; run it with
 * {@code mvn -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.recblend.nodes.encode.SocialFusionBenchmark}
 * (arguments: epochs, seeds).
 */
public final class SocialFusionBenchmark {
    private static final int SPARSE_KEEP = 5;
    private static final int K = 10;

    private SocialFusionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Path folder = SharedData.dir("hetrec2011-lastfm-2k");
        Path tmp = Files.createTempDirectory("social-bench");
        InteractionTable all;
        SocialGraph graph;
        try (ProjectStore store = ProjectStore.create(tmp.resolve("lastfm"))) {
            RealSocialDataTest.importParts(store, "lastfm-hetrec", folder, "lastfm", Set.of("listens", "friends"));
            StoredDataset data = StoredDataset.open(store, "lastfm", List.of());
            all = data.interactions(TaskMonitor.none());
            graph = data.social(TaskMonitor.none());
        }
        System.out.printf("Last.fm: %,d listens, %,d users, %,d items, %,d directed friend rows%n", all.size(),
                all.users().size(), all.items().size(), graph.size());
        List<double[]> rows = new ArrayList<>();
        List<String> names = null;
        for (int s = 0; s < seeds; s++) {
            Experiment e = new Experiment(all, graph, 42 + s, epochs);
            e.run();
            names = e.names;
            rows.add(e.sparse.stream().mapToDouble(Double::doubleValue).toArray());
            rows.add(e.dense.stream().mapToDouble(Double::doubleValue).toArray());
        }
        System.out.println();
        System.out.printf("%-48s %12s %12s%n", "NDCG@10 (mean over " + seeds + " seeds)", "sparse users", "other users");
        for (int k = 0; k < names.size(); k++) {
            double sp = 0;
            double de = 0;
            for (int s = 0; s < seeds; s++) {
                sp += rows.get(2 * s)[k];
                de += rows.get(2 * s + 1)[k];
            }
            System.out.printf("%-48s %12.4f %12.4f%n", names.get(k), sp / seeds, de / seeds);
        }
    }

    private static final class Experiment {
        final InteractionTable all;
        final SocialGraph graph;
        final long seed;
        final int epochs;
        final List<String> names = new ArrayList<>();
        final List<Double> sparse = new ArrayList<>();
        final List<Double> dense = new ArrayList<>();
        Split split;
        boolean[] isSparse;
        boolean[][] seen;
        int[][] testItems;

        Experiment(InteractionTable all, SocialGraph graph, long seed, int epochs) {
            this.all = all;
            this.graph = graph;
            this.seed = seed;
            this.epochs = epochs;
        }

        void run() {
            split();
            int users = all.users().size();
            int items = all.items().size();
            InteractionTable train = split.train();
            int[] pop = train.itemCounts();
            float[] popularity = new float[items];
            for (int i = 0; i < items; i++) {
                popularity[i] = pop[i];
            }
            report("popularity", (u, out) -> System.arraycopy(popularity, 0, out, 0, items));

            long t0 = System.nanoTime();
            TrainingSettings ts = new TrainingSettings(epochs, 1024, 0.005, 0.005, SamplerKind.UNIFORM, seed, 0, Objective.RANKING, K);
            Recommender bpr = new TrainingLoop(new MatrixFactorization("bpr", train.users(), train.items(), 64, 0), ts)
                    .fit(train, null, TaskMonitor.none()).recommender();
            System.out.printf("seed %d: BPR trained in %.1f s%n", seed, (System.nanoTime() - t0) / 1e9);
            report("BPR (dim 64)", bpr::score);

            SocialAdjacency adj = SocialAdjacency.of(graph, SocialAdjacency.Direction.BOTH, false);
            smoothedFactors((DeepRecommender) bpr, adj, train);
            FriendItems friends = FriendItems.of(adj, train, UserProfiles.Weighting.LOG, TaskMonitor.none());
            float maxPop = 0;
            for (float p : popularity) {
                maxPop = Math.max(maxPop, p);
            }
            float tie = 1e-6f / maxPop;
            report("friends' items (ties by popularity)", (u, out) -> {
                friends.scores(u, out);
                for (int i = 0; i < items; i++) {
                    out[i] += tie * popularity[i];
                }
            });
            float[] a = new float[items];
            float[] b = new float[items];
            for (double lambda : new double[] {0.05, 0.1, 0.25}) {
                report(String.format("z(BPR) + %.2f z(friends' items)", lambda), (u, out) -> {
                    bpr.score(u, a);
                    friends.scores(u, b);
                    zscore(a);
                    zscore(b);
                    for (int i = 0; i < items; i++) {
                        out[i] = a[i] + (float) lambda * b[i];
                    }
                });
            }

            for (String variant : System.getProperty("bench.hybrid", "none,svd").split(",")) {
                if (variant.isBlank()) {
                    continue;
                }
                FloatMatrix userFeatures = null;
                String label = "no user features";
                if (!variant.equals("none")) {
                    SocialEncoder enc = new SocialEncoder(SocialEncoder.Signal.FRIENDS_ITEMS, SocialAdjacency.Direction.BOTH, false, 1,
                            0, 32, UserProfiles.Weighting.LOG, false, seed);
                    Embeddings f = enc.encode(graph, null, train, TaskMonitor.none()).embeddings();
                    float[] v = f.values().clone();
                    if (variant.equals("svdnorm")) {
                        unitRows(v, f.dim(), 0.5f);
                    } else if (variant.equals("svdcentre")) {
                        standardise(v, f.dim(), 0.1f);
                    }
                    userFeatures = new FloatMatrix(users, f.dim(), v);
                    label = f.source() + (variant.equals("svdnorm") ? " rows scaled to length 0.5"
                            : variant.equals("svdcentre") ? " columns centred, sd 0.1" : "");
                }
                t0 = System.nanoTime();
                Recommender hybrid = new TrainingLoop(new HybridTowers(train.users(), train.items(), 64, userFeatures, null,
                        warm(train.userCounts()), warm(train.itemCounts()), 0, 0), ts).fit(train, null, TaskMonitor.none()).recommender();
                System.out.printf("seed %d: Hybrid trained in %.1f s%n", seed, (System.nanoTime() - t0) / 1e9);
                report("Hybrid, " + label, hybrid::score);
            }
        }

        private static void standardise(float[] v, int d, float sd) {
            int n = v.length / d;
            for (int k = 0; k < d; k++) {
                double s = 0;
                double q = 0;
                for (int r = 0; r < n; r++) {
                    s += v[r * d + k];
                    q += v[r * d + k] * v[r * d + k];
                }
                double mean = s / n;
                double dev = Math.sqrt(Math.max(q / n - mean * mean, 1e-24));
                for (int r = 0; r < n; r++) {
                    v[r * d + k] = (float) ((v[r * d + k] - mean) / dev * sd);
                }
            }
        }

        private static void unitRows(float[] v, int d, float length) {
            for (int r = 0; r < v.length / d; r++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += v[r * d + k] * v[r * d + k];
                }
                double f = s > 0 ? length / Math.sqrt(s) : 0;
                for (int k = 0; k < d; k++) {
                    v[r * d + k] *= (float) f;
                }
            }
        }

        /** BPR's user factors mixed with the mean of the friends' factors: globally, and shrunk by the user's own evidence. */
        void smoothedFactors(DeepRecommender bpr, SocialAdjacency adj, InteractionTable train) {
            Map<String, FloatMatrix> w = bpr.weights();
            FloatMatrix user = w.get("user");
            int n = user.rows();
            int d = user.cols();
            boolean[] present = warm(train.userCounts());
            Embeddings factors = new Embeddings("bpr-users", Embeddings.Side.USER, train.users(), d, user.data().clone(), present);
            for (double beta : new double[] {0.25, 0.5, 0.75}) {
                Embeddings mixed = SocialEncoders.propagate(adj, factors, 1, 1 - beta, TaskMonitor.none());
                report(String.format("BPR, user factor %.2f own + %.2f friends' mean", 1 - beta, beta),
                        factorScorer(mixed.values(), n, d, w));
            }
            int[] counts = train.userCounts();
            for (double c : new double[] {5, 10}) {
                Embeddings shrunk = SocialEncoders.shrinkTowardsNeighbours(adj, factors, counts, c, TaskMonitor.none());
                report(String.format("BPR, user factors shrunk to friends' mean, c = %.0f", c), factorScorer(shrunk.values(), n, d, w));
            }
        }

        private Scorer factorScorer(float[] userFactors, int n, int d, Map<String, FloatMatrix> w) {
            Recommender r = new FactorRecommender("bpr-social", all.users(), all.items(), new FloatMatrix(n, d, userFactors),
                    w.get("item"), null, w.get("itemBias").data(), 0);
            return r::score;
        }

        private static boolean[] warm(int[] counts) {
            boolean[] w = new boolean[counts.length];
            for (int k = 0; k < counts.length; k++) {
                w[k] = counts[k] > 0;
            }
            return w;
        }

        private static void zscore(float[] v) {
            double s = 0;
            double q = 0;
            for (float x : v) {
                s += x;
                q += x * x;
            }
            double mean = s / v.length;
            double sd = Math.sqrt(Math.max(q / v.length - mean * mean, 1e-24));
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) ((v[i] - mean) / sd);
            }
        }

        /** 80/20 per user at random; then a seeded half of the users keeps 5 training rows. */
        void split() {
            SplittableRandom r = new SplittableRandom(seed);
            int users = all.users().size();
            int[][] byUser = all.rowsByUser();
            Integer[] order = new Integer[users];
            for (int u = 0; u < users; u++) {
                order[u] = u;
            }
            shuffle(order, r);
            isSparse = new boolean[users];
            for (int k = 0; k < users / 2; k++) {
                isSparse[order[k]] = true;
            }
            List<Integer> trainRows = new ArrayList<>();
            List<Integer> testRows = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                int[] rows = byUser[u].clone();
                Integer[] boxed = Arrays.stream(rows).boxed().toArray(Integer[]::new);
                shuffle(boxed, r);
                int n = boxed.length;
                int test = (int) Math.round(n * 0.2);
                if (n - test < 1) {
                    test = Math.max(0, n - 1);
                }
                for (int k = 0; k < n; k++) {
                    if (k < test) {
                        testRows.add(boxed[k]);
                    } else if (!isSparse[u] || k - test < SPARSE_KEEP) {
                        trainRows.add(boxed[k]);
                    }
                }
            }
            InteractionTable train = all.select(trainRows.stream().mapToInt(Integer::intValue).toArray());
            InteractionTable test = all.select(testRows.stream().mapToInt(Integer::intValue).toArray());
            split = new Split(train, InteractionTable.empty(all.users(), all.items()), test);
            seen = new boolean[users][];
            testItems = new int[users][];
            int[][] trainBy = train.rowsByUser();
            int[][] testBy = test.rowsByUser();
            for (int u = 0; u < users; u++) {
                seen[u] = new boolean[all.items().size()];
                for (int row : trainBy[u]) {
                    seen[u][train.item(row)] = true;
                }
                testItems[u] = Arrays.stream(testBy[u]).map(test::item).distinct().toArray();
            }
            System.out.printf("seed %d: %,d training rows, %,d test rows, %d sparse users%n", seed, train.size(), test.size(),
                    users / 2);
        }

        private static <T> void shuffle(T[] a, SplittableRandom r) {
            for (int i = a.length - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                T t = a[i];
                a[i] = a[j];
                a[j] = t;
            }
        }

        interface Scorer {
            void score(int user, float[] out);
        }

        void report(String name, Scorer scorer) {
            int items = all.items().size();
            float[] s = new float[items];
            double[] sum = new double[2];
            int[] count = new int[2];
            for (int u = 0; u < all.users().size(); u++) {
                if (testItems[u].length == 0) {
                    continue;
                }
                scorer.score(u, s);
                for (int i = 0; i < items; i++) {
                    if (seen[u][i]) {
                        s[i] = Float.NEGATIVE_INFINITY;
                    }
                }
                int[] top = topK(s, K);
                boolean[] relevant = new boolean[items];
                for (int i : testItems[u]) {
                    relevant[i] = true;
                }
                double dcg = 0;
                for (int k = 0; k < top.length; k++) {
                    dcg += relevant[top[k]] ? 1 / log2(k + 2) : 0;
                }
                double idcg = 0;
                for (int k = 0; k < Math.min(K, testItems[u].length); k++) {
                    idcg += 1 / log2(k + 2);
                }
                int g = isSparse[u] ? 0 : 1;
                sum[g] += dcg / idcg;
                count[g]++;
            }
            names.add(name);
            sparse.add(sum[0] / count[0]);
            dense.add(sum[1] / count[1]);
            System.out.printf("seed %d: %-48s sparse users %.4f (%d)   other users %.4f (%d)%n", seed, name, sum[0] / count[0], count[0],
                    sum[1] / count[1], count[1]);
        }

        private static double log2(double x) {
            return Math.log(x) / Math.log(2);
        }

        private static int[] topK(float[] s, int k) {
            int[] best = new int[k];
            Arrays.fill(best, -1);
            for (int i = 0; i < s.length; i++) {
                if (s[i] == Float.NEGATIVE_INFINITY) {
                    continue;
                }
                int pos = k;
                while (pos > 0 && (best[pos - 1] < 0 || s[best[pos - 1]] < s[i])) {
                    pos--;
                }
                if (pos < k) {
                    System.arraycopy(best, pos, best, pos + 1, k - pos - 1);
                    best[pos] = i;
                }
            }
            return Arrays.stream(best).filter(i -> i >= 0).toArray();
        }
    }

}
