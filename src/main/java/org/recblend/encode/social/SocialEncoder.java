package org.recblend.encode.social;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.recblend.domain.Embeddings;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.SocialGraph;
import org.recblend.encode.EncodedFeatures;
import org.recblend.task.TaskMonitor;

/**
 * Turns a friend or trust graph into one block of per-user features, as the {@code encode.social}
 * node and the fuse stage ask for it. See {@link Signal} for what can be aggregated.
 *
 * @param signal    what to aggregate over the graph
 * @param direction which edges make a neighbour (OUT: whom a user trusts; BOTH for friendships)
 * @param weighted  whether edge weights (trust values) weight the mean
 * @param hops      propagation steps (1: the neighbours' mean)
 * @param restart   share of the user's own vector kept at every hop (0: neighbours only)
 * @param dim       the width of the friends' items reduction (FRIENDS_ITEMS)
 * @param weighting how an interaction's weight counts in a behaviour profile
 * @param withDegree whether the degree columns are appended
 * @param seed      seed of the randomised SVD
 * @param shrink    EMBEDDINGS with user vectors and training interactions: when above 0, each user's
 *                  own vector is shrunk towards the neighbours' mean with share
 *                  {@code shrink / (shrink + the user's training interactions)} instead of being
 *                  propagated (see {@link SocialEncoders#shrinkTowardsNeighbours}); 0: off
 */
public record SocialEncoder(Signal signal, SocialAdjacency.Direction direction, boolean weighted, int hops, double restart,
                            int dim, UserProfiles.Weighting weighting, boolean withDegree, long seed, double shrink) {
    /** What a user's features are made of. */
    public enum Signal {
        /** Degree counts only. */
        DEGREE,
        /**
         * Given vectors aggregated over neighbours: user vectors (e.g. user text embeddings) as they
         * are, item vectors first averaged over each user's training items.
         */
        EMBEDDINGS,
        /** The friends' mean item profile (items the friends played, weighted), reduced by a truncated SVD to dim columns. */
        FRIENDS_ITEMS
    }

    public SocialEncoder {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(weighting, "weighting");
        if (hops < 1 || hops > 10) {
            throw new IllegalArgumentException("hops must be 1..10, not " + hops);
        }
        if (!(restart >= 0 && restart < 1)) {
            throw new IllegalArgumentException("restart must be in [0, 1), not " + restart);
        }
        if (dim < 1 || dim > 1024) {
            throw new IllegalArgumentException("dim must be 1..1024, not " + dim);
        }
        if (!(shrink >= 0) || Double.isInfinite(shrink)) {
            throw new IllegalArgumentException("shrink must be a number >= 0, not " + shrink);
        }
    }

    /** An encoder without shrinkage. */
    public SocialEncoder(Signal signal, SocialAdjacency.Direction direction, boolean weighted, int hops, double restart, int dim,
                         UserProfiles.Weighting weighting, boolean withDegree, long seed) {
        this(signal, direction, weighted, hops, restart, dim, weighting, withDegree, seed, 0);
    }

    /** Friends' items reduced to 32 columns, friendships undirected, one hop, with degrees. */
    public static SocialEncoder defaults() {
        return new SocialEncoder(Signal.FRIENDS_ITEMS, SocialAdjacency.Direction.BOTH, false, 1, 0, 32,
                UserProfiles.Weighting.LOG, true, 42);
    }

    /**
     * The features of every user of the graph.
     *
     * @param vectors user or item vectors (EMBEDDINGS), else may be null
     * @param train   training interactions over the graph's users (FRIENDS_ITEMS, or EMBEDDINGS with
     *                item vectors), else may be null; only these rows are read
     * @throws IllegalArgumentException an input the signal needs is missing or of the wrong side
     */
    public EncodedFeatures encode(SocialGraph graph, Embeddings vectors, InteractionTable train, TaskMonitor monitor) {
        SocialAdjacency adjacency = SocialAdjacency.of(graph, direction, weighted);
        if (adjacency.dropped() > 0) {
            monitor.log("social: left out " + adjacency.dropped() + " edges whose weight is not positive");
        }
        List<EncodedFeatures> parts = new ArrayList<>();
        switch (signal) {
            case DEGREE -> {
            }
            case EMBEDDINGS -> parts.add(embeddings(adjacency, vectors, train, monitor));
            case FRIENDS_ITEMS -> parts.add(friendsItems(adjacency, train, monitor));
        }
        if (withDegree || signal == Signal.DEGREE) {
            parts.add(SocialEncoders.degrees(graph));
        }
        String source = "social:" + signal.name().toLowerCase().replace('_', '-')
                + (signal == Signal.FRIENDS_ITEMS ? "-svd" + dim : "") + (hops > 1 ? "-" + hops + "hop" : "")
                + (withDegree && signal != Signal.DEGREE ? "+degree" : "");
        return EncodedFeatures.concat(source, parts);
    }

    private EncodedFeatures embeddings(SocialAdjacency adjacency, Embeddings vectors, InteractionTable train, TaskMonitor monitor) {
        if (vectors == null) {
            throw new IllegalArgumentException("The EMBEDDINGS signal needs user or item vectors");
        }
        Embeddings users = vectors;
        if (vectors.side() == Embeddings.Side.ITEM) {
            if (train == null) {
                throw new IllegalArgumentException("Item vectors (" + vectors.source() + ") need the training interactions"
                        + " to become user vectors");
            }
            requireSameUsers(adjacency, train);
            users = UserProfiles.meanOfItems(UserProfiles.of(train, weighting, monitor), train.users(), train.items(), vectors, monitor);
        }
        Embeddings out;
        if (shrink > 0 && vectors.side() == Embeddings.Side.USER) {
            if (train == null) {
                throw new IllegalArgumentException("Shrinking user vectors by evidence needs the training interactions");
            }
            requireSameUsers(adjacency, train);
            out = SocialEncoders.shrinkTowardsNeighbours(adjacency, users, train.userCounts(), shrink, monitor);
        } else {
            out = SocialEncoders.propagate(adjacency, users, hops, restart, monitor);
        }
        return new EncodedFeatures(out, EncodedFeatures.numbered("nbr", out.dim()));
    }

    private EncodedFeatures friendsItems(SocialAdjacency adjacency, InteractionTable train, TaskMonitor monitor) {
        if (train == null) {
            throw new IllegalArgumentException("The FRIENDS_ITEMS signal needs the training interactions");
        }
        requireSameUsers(adjacency, train);
        FriendItems friends = FriendItems.of(adjacency, train, weighting, monitor);
        TruncatedSvd.Result svd = TruncatedSvd.rowCoordinates(friends.matrix(), dim, seed, monitor);
        int n = adjacency.size();
        int k = svd.k();
        // scale so the leading column has unit mean square (sigma_1^2 / n), whatever the number of users
        double norm = svd.singularValues()[0] / Math.sqrt(Math.max(1, n));
        float[] values = svd.rows();
        boolean[] present = new boolean[n];
        for (int u = 0; u < n; u++) {
            present[u] = friends.has(u);
            for (int c = 0; c < k; c++) {
                values[u * k + c] = norm > 0 ? (float) (values[u * k + c] / norm) : 0f;
            }
        }
        Embeddings reduced = new Embeddings("social:friends-items-svd" + k, Embeddings.Side.USER, train.users(), k, values, present);
        monitor.log(String.format("social: friends' items %s, top singular values %.3f .. %.3f", friends,
                svd.singularValues()[0], svd.singularValues()[k - 1]));
        if (hops > 1) {
            reduced = SocialEncoders.propagate(adjacency, reduced, hops - 1, restart, monitor);
        }
        return new EncodedFeatures(reduced, EncodedFeatures.numbered("friends_svd", k));
    }

    private static void requireSameUsers(SocialAdjacency adjacency, InteractionTable train) {
        if (!adjacency.users().equals(train.users())) {
            throw new IllegalArgumentException("The social graph and the interactions come from different datasets"
                    + " (their user id spaces differ)");
        }
    }
}
