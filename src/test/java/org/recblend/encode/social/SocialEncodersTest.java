package org.recblend.encode.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.recblend.domain.Embeddings;
import org.recblend.domain.IdIndex;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.SocialGraph;
import org.recblend.encode.EncodedFeatures;
import org.recblend.task.TaskMonitor;

class SocialEncodersTest {
    private static final TaskMonitor NONE = TaskMonitor.none();

    /** a → b twice (weights 1 and 3), b → c, c → a, a → a (self loop), d isolated. */
    private static SocialGraph small() {
        IdIndex users = IdIndex.of("a", "b", "c", "d");
        return new SocialGraph(users, new int[] {0, 0, 1, 2, 0}, new int[] {1, 1, 2, 0, 0}, new float[] {1, 3, 2, 0.5f, 1},
                new String[] {"trust", "trust", "trust", "trust", "trust"});
    }

    @Test
    void adjacencyMergesRepeatedEdgesDropsSelfLoopsAndFollowsTheDirection() {
        SocialAdjacency out = SocialAdjacency.of(small(), SocialAdjacency.Direction.OUT, true);
        assertThat(out.degree(0)).isEqualTo(1);
        assertThat(out.neighbour(0, 0)).isEqualTo(1);
        assertThat(out.weight(0, 0)).isEqualTo(3f);
        assertThat(out.degree(3)).isZero();
        SocialAdjacency in = SocialAdjacency.of(small(), SocialAdjacency.Direction.IN, false);
        assertThat(in.degree(0)).isEqualTo(1);
        assertThat(in.neighbour(0, 0)).isEqualTo(2);
        assertThat(in.weight(0, 0)).isEqualTo(1f);
        SocialAdjacency both = SocialAdjacency.of(small(), SocialAdjacency.Direction.BOTH, false);
        assertThat(both.degree(0)).isEqualTo(2);
        assertThat(both.edges()).isEqualTo(6);
    }

    @Test
    void weightedAdjacencyDropsEdgesWithoutAPositiveWeight() {
        IdIndex users = IdIndex.of("a", "b", "c");
        SocialGraph g = new SocialGraph(users, new int[] {0, 0}, new int[] {1, 2}, new float[] {-1, Float.NaN},
                new String[] {"distrust", "trust"});
        SocialAdjacency weighted = SocialAdjacency.of(g, SocialAdjacency.Direction.OUT, true);
        assertThat(weighted.degree(0)).isZero();
        assertThat(weighted.dropped()).isEqualTo(2);
        assertThat(SocialAdjacency.of(g, SocialAdjacency.Direction.OUT, false).degree(0)).isEqualTo(2);
    }

    @Test
    void degreesCountOutInAndUndirectedNeighbours() {
        EncodedFeatures f = SocialEncoders.degrees(small());
        Embeddings e = f.embeddings();
        assertThat(f.columns()).containsExactlyElementsOf(SocialEncoders.DEGREE_COLUMNS);
        assertThat(e.row(0)).containsExactly(1, 1, 2, (float) Math.log(2), (float) Math.log(2), (float) Math.log(3));
        assertThat(e.row(3)).containsOnly(0f);
        assertThat(e.presentCount()).isEqualTo(4);
    }

    @Test
    void neighbourMeanAndPropagationComputeTheDocumentedValues() {
        // path a - b - c, d isolated; vectors: a=(1,0), b=(0,1), c=(1,1), d absent
        IdIndex users = IdIndex.of("a", "b", "c", "d");
        SocialGraph path = new SocialGraph(users, new int[] {0, 1}, new int[] {1, 2}, new float[] {1, 1}, new String[] {"f", "f"});
        Embeddings x = new Embeddings("x", Embeddings.Side.USER, users, 2, new float[] {1, 0, 0, 1, 1, 1, 0, 0},
                new boolean[] {true, true, true, false});
        SocialAdjacency adj = SocialAdjacency.of(path, SocialAdjacency.Direction.BOTH, false);
        Embeddings mean = SocialEncoders.neighbourMean(adj, x, NONE);
        assertThat(mean.row(0)).containsExactly(0, 1);
        assertThat(mean.row(1)).containsExactly(1, 0.5f);
        assertThat(mean.row(2)).containsExactly(0, 1);
        assertThat(mean.present(3)).isFalse();
        Embeddings two = SocialEncoders.propagate(adj, x, 2, 0, NONE);
        assertThat(two.row(0)).containsExactly(1, 0.5f);  // b's one-hop mean
        Embeddings restart = SocialEncoders.propagate(adj, x, 1, 0.25, NONE);
        assertThat(restart.row(0)[0]).isCloseTo(0.25f, within(1e-6f));
        assertThat(restart.row(0)[1]).isCloseTo(0.75f, within(1e-6f));
        assertThat(restart.present(3)).isFalse();
    }

    @Test
    void shrinkingMovesUsersWithLittleEvidenceTowardsTheirFriends() {
        IdIndex users = IdIndex.of("a", "b", "c", "d");
        SocialGraph path = new SocialGraph(users, new int[] {0, 1}, new int[] {1, 2}, new float[] {1, 1}, new String[] {"f", "f"});
        Embeddings x = new Embeddings("x", Embeddings.Side.USER, users, 2, new float[] {1, 0, 0, 1, 1, 1, 0, 0},
                new boolean[] {true, true, true, false});
        SocialAdjacency adj = SocialAdjacency.of(path, SocialAdjacency.Direction.BOTH, false);
        Embeddings shrunk = SocialEncoders.shrinkTowardsNeighbours(adj, x, new int[] {5, 45, 0, 3}, 5, NONE);
        // a: half own (1, 0), half b (0, 1)
        assertThat(shrunk.row(0)).containsExactly(0.5f, 0.5f);
        // b: 0.9 own (0, 1) + 0.1 mean of a and c (1, 0.5)
        assertThat(shrunk.row(1)[0]).isCloseTo(0.1f, within(1e-6f));
        assertThat(shrunk.row(1)[1]).isCloseTo(0.95f, within(1e-6f));
        // c has no evidence: all friends
        assertThat(shrunk.row(2)).containsExactly(0, 1);
        assertThat(shrunk.present(3)).isFalse();
        assertThat(SocialEncoders.shrinkTowardsNeighbours(adj, x, new int[4], 0, NONE).values()).containsExactly(x.values());
        assertThatThrownBy(() -> SocialEncoders.shrinkTowardsNeighbours(adj, x, new int[3], 5, NONE))
                .hasMessageContaining("evidence for 4 users");
    }

    @Test
    void trustWeightsWeightTheNeighbourMean() {
        // BOTH, weighted: a's neighbours are b (weight 3, the larger of a → b's two statements) and c (0.5)
        SocialGraph g = small();
        Embeddings x = new Embeddings("x", Embeddings.Side.USER, g.users(), 1, new float[] {0, 1, 8, 5},
                new boolean[] {true, true, true, true});
        Embeddings weighted = SocialEncoders.neighbourMean(SocialAdjacency.of(g, SocialAdjacency.Direction.BOTH, true), x, NONE);
        assertThat(weighted.row(0)[0]).isCloseTo((3 * 1 + 0.5f * 8) / 3.5f, within(1e-6f));
        Embeddings plain = SocialEncoders.neighbourMean(SocialAdjacency.of(g, SocialAdjacency.Direction.BOTH, false), x, NONE);
        assertThat(plain.row(0)[0]).isCloseTo(4.5f, within(1e-6f));
        // OUT: whom a trusts (b); IN: who trusts a (c)
        assertThat(SocialEncoders.neighbourMean(SocialAdjacency.of(g, SocialAdjacency.Direction.OUT, true), x, NONE).row(0))
                .containsExactly(1f);
        assertThat(SocialEncoders.neighbourMean(SocialAdjacency.of(g, SocialAdjacency.Direction.IN, true), x, NONE).row(0))
                .containsExactly(8f);
    }

    @Test
    void propagationRefusesItemVectors() {
        IdIndex users = IdIndex.of("a");
        Embeddings items = new Embeddings("t", Embeddings.Side.ITEM, IdIndex.of("x"), 1, new float[] {1}, new boolean[] {true});
        SocialAdjacency adj = SocialAdjacency.of(SocialGraph.empty(users), SocialAdjacency.Direction.BOTH, false);
        assertThatThrownBy(() -> SocialEncoders.propagate(adj, items, 1, 0, NONE)).hasMessageContaining("needs user vectors");
    }

    @Test
    void truncatedSvdRecoversKnownSingularValuesAndALowRankMatrix() {
        // rank-3 matrix 60 × 40 with singular values 9, 4, 1 (orthonormal factors from Gram-Schmidt)
        SplittableRandom r = new SplittableRandom(3);
        double[][] u = TruncatedSvd.orthonormalise(randomColumns(r, 3, 60));
        double[][] v = TruncatedSvd.orthonormalise(randomColumns(r, 3, 40));
        double[] s = {9, 4, 1};
        float[][] dense = new float[60][40];
        for (int i = 0; i < 60; i++) {
            for (int j = 0; j < 40; j++) {
                double x = 0;
                for (int k = 0; k < 3; k++) {
                    x += u[k][i] * s[k] * v[k][j];
                }
                dense[i][j] = (float) x;
            }
        }
        SparseRows a = sparse(dense);
        TruncatedSvd.Result svd = TruncatedSvd.rowCoordinates(a, 3, 7, NONE);
        assertThat(svd.singularValues()).containsExactly(new double[] {9, 4, 1}, within(1e-3));
        // row coordinates reproduce the Gram matrix A A^T
        for (int i = 0; i < 60; i += 7) {
            for (int j = 0; j < 60; j += 5) {
                double want = 0;
                for (int c = 0; c < 40; c++) {
                    want += dense[i][c] * dense[j][c];
                }
                double got = 0;
                for (int k = 0; k < 3; k++) {
                    got += svd.rows()[i * 3 + k] * svd.rows()[j * 3 + k];
                }
                assertThat(got).isCloseTo(want, within(1e-3));
            }
        }
    }

    private static double[][] randomColumns(SplittableRandom r, int k, int n) {
        double[][] c = new double[k][n];
        for (double[] col : c) {
            for (int i = 0; i < n; i++) {
                col[i] = r.nextDouble() - 0.5;
            }
        }
        return c;
    }

    private static SparseRows sparse(float[][] dense) {
        int m = dense[0].length;
        SparseRows.Builder b = new SparseRows.Builder(dense.length, m);
        int[] touched = new int[m];
        for (float[] row : dense) {
            for (int j = 0; j < m; j++) {
                touched[j] = j;
            }
            b.row(row.clone(), touched, m);
        }
        return b.build();
    }

    @Test
    void profilesAreDistributionsOverTheTrainingItems() {
        IdIndex users = IdIndex.of("a", "b");
        IdIndex items = IdIndex.of("x", "y", "z");
        InteractionTable t = InteractionTable.of(users, items, new int[] {0, 0, 0, 1}, new int[] {0, 1, 0, 2},
                new float[] {3, 4, 4, 0}, null);
        SparseRows log = UserProfiles.of(t, UserProfiles.Weighting.LOG, NONE);
        assertThat(log.rowSize(0)).isEqualTo(2);
        assertThat(log.value(0, 0)).isCloseTo((float) (Math.log1p(7) / (Math.log1p(7) + Math.log1p(4))), within(1e-6f));
        assertThat(log.rowSize(1)).isZero();  // weight 0 is no evidence under LOG
        SparseRows binary = UserProfiles.of(t, UserProfiles.Weighting.BINARY, NONE);
        assertThat(binary.value(0, 0)).isEqualTo(0.5f);
        assertThat(binary.rowSize(1)).isEqualTo(1);
    }

    @Test
    void friendsItemsOfPlantedCommunitiesRankHeldOutItemsFarAboveChance() {
        PlantedSocial data = PlantedSocial.generate(400, 8, 30, 20, 5, 6, 0.8, 11);
        SocialAdjacency adj = SocialAdjacency.of(data.graph, SocialAdjacency.Direction.BOTH, false);
        FriendItems friends = FriendItems.of(adj, data.split.train(), UserProfiles.Weighting.LOG, NONE);
        double auc = heldOutAuc(data, (u, i) -> friends.score(u, i), 5);
        double random = heldOutAuc(data, (u, i) -> (float) new SplittableRandom(u * 7919L + i).nextDouble(), 5);
        assertThat(auc).as("friends' items AUC").isGreaterThan(0.75);
        assertThat(random).as("chance").isBetween(0.4, 0.6);
    }

    @Test
    void socialFeaturesOfPlantedCommunitiesPredictHeldOutItems() {
        PlantedSocial data = PlantedSocial.generate(400, 8, 30, 20, 5, 6, 0.8, 12);
        InteractionTable train = data.split.train();
        // item vectors that know nothing of communities: random Gaussian directions
        int items = train.items().size();
        int d = 64;
        SplittableRandom r = new SplittableRandom(5);
        float[] iv = new float[items * d];
        for (int k = 0; k < iv.length; k++) {
            iv[k] = (float) (r.nextDouble() - 0.5);
        }
        boolean[] all = new boolean[items];
        java.util.Arrays.fill(all, true);
        Embeddings itemVectors = new Embeddings("random", Embeddings.Side.ITEM, train.items(), d, iv, all);
        SocialEncoder viaItems = new SocialEncoder(SocialEncoder.Signal.EMBEDDINGS, SocialAdjacency.Direction.BOTH, false, 1, 0,
                8, UserProfiles.Weighting.LOG, false, 1);
        Embeddings social = viaItems.encode(data.graph, itemVectors, train, NONE).embeddings();
        double auc = heldOutAuc(data, (u, i) -> {
            float s = 0;
            for (int c = 0; c < d; c++) {
                s += social.values()[u * d + c] * iv[i * d + c];
            }
            return s;
        }, 5);
        assertThat(auc).as("friends' mean item vector · item vector AUC (chance 0.5 ± 0.005)").isGreaterThan(0.62);

        // the dense friends' items reduction separates communities: same-community users are closer
        SocialEncoder svd = new SocialEncoder(SocialEncoder.Signal.FRIENDS_ITEMS, SocialAdjacency.Direction.BOTH, false, 1, 0,
                8, UserProfiles.Weighting.LOG, true, 1);
        EncodedFeatures f = svd.encode(data.graph, null, train, NONE);
        assertThat(f.embeddings().dim()).isEqualTo(8 + SocialEncoders.DEGREE_COLUMNS.size());
        Embeddings reduced = new SocialEncoder(SocialEncoder.Signal.FRIENDS_ITEMS, SocialAdjacency.Direction.BOTH, false, 1, 0,
                8, UserProfiles.Weighting.LOG, false, 1).encode(data.graph, null, train, NONE).embeddings();
        double same = 0;
        double other = 0;
        int ns = 0;
        int no = 0;
        for (int a = 0; a < 400; a += 3) {
            for (int b = a + 1; b < 400; b += 5) {
                if (data.community[a] == data.community[b]) {
                    same += reduced.cosine(a, b);
                    ns++;
                } else {
                    other += reduced.cosine(a, b);
                    no++;
                }
            }
        }
        assertThat(same / ns - other / no).as("mean cosine inside minus across communities").isGreaterThan(0.5);
    }

    @Test
    void encodingTwiceWithOneSeedGivesTheSameFeatures() {
        PlantedSocial data = PlantedSocial.generate(120, 4, 10, 12, 3, 4, 0.8, 2);
        SocialEncoder e = SocialEncoder.defaults();
        Embeddings a = e.encode(data.graph, null, data.split.train(), NONE).embeddings();
        Embeddings b = e.encode(data.graph, null, data.split.train(), NONE).embeddings();
        assertThat(a.values()).containsExactly(b.values());
        assertThat(a.source()).isEqualTo("social:friends-items-svd32+degree");
    }

    @Test
    void missingInputsAreNamed() {
        PlantedSocial data = PlantedSocial.generate(40, 4, 10, 12, 3, 4, 0.8, 2);
        assertThatThrownBy(() -> SocialEncoder.defaults().encode(data.graph, null, null, NONE))
                .hasMessageContaining("FRIENDS_ITEMS signal needs the training interactions");
        SocialEncoder emb = new SocialEncoder(SocialEncoder.Signal.EMBEDDINGS, SocialAdjacency.Direction.BOTH, false, 1, 0, 8,
                UserProfiles.Weighting.LOG, false, 1);
        assertThatThrownBy(() -> emb.encode(data.graph, null, null, NONE)).hasMessageContaining("needs user or item vectors");
        IdIndex other = IdIndex.numbered("x", 40);
        InteractionTable foreign = InteractionTable.empty(other, data.split.train().items());
        assertThatThrownBy(() -> SocialEncoder.defaults().encode(data.graph, null, foreign, NONE))
                .hasMessageContaining("different");
    }

    /** AUC of a scorer: each user's held-out items against items the user never touched. */
    static double heldOutAuc(PlantedSocial data, Scorer scorer, int negativesPerPositive) {
        InteractionTable train = data.split.train();
        InteractionTable test = data.split.test();
        int items = train.items().size();
        boolean[][] touched = new boolean[train.users().size()][items];
        for (InteractionTable t : java.util.List.of(train, test)) {
            for (int r = 0; r < t.size(); r++) {
                touched[t.user(r)][t.item(r)] = true;
            }
        }
        SplittableRandom r = new SplittableRandom(99);
        double wins = 0;
        long pairs = 0;
        for (int row = 0; row < test.size(); row++) {
            int u = test.user(row);
            float pos = scorer.score(u, test.item(row));
            for (int k = 0; k < negativesPerPositive; k++) {
                int j;
                do {
                    j = r.nextInt(items);
                } while (touched[u][j]);
                float neg = scorer.score(u, j);
                wins += pos > neg ? 1 : pos == neg ? 0.5 : 0;
                pairs++;
            }
        }
        return wins / pairs;
    }

    interface Scorer {
        float score(int user, int item);
    }
}
