package org.recblend.engine.eval;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * How to evaluate: the cut-offs, which part of the split holds the relevant items, whether the
 * user's training items are removed from the ranking, and how many threads score users.
 *
 * @param ks               the cut-offs K (distinct, positive), e.g. 1, 5, 10, 20
 * @param target           which part of the split holds the held-out items
 * @param excludeSeen      whether items the user has in training (and, when the target is the
 *                         test part, in validation) are removed from the ranking
 * @param threads          how many threads score users (at least 1)
 */
public record EvalOptions(List<Integer> ks, Target target, boolean excludeSeen, int threads) implements Serializable {

    /** The part of a split whose rows are the relevant items. */
    public enum Target { TEST, VALIDATION }

    /** The cut-offs used when none are given. */
    public static final List<Integer> DEFAULT_KS = List.of(1, 5, 10, 20);

    public EvalOptions {
        if (ks == null || ks.isEmpty()) {
            throw new IllegalArgumentException("Give at least one cut-off K");
        }
        ks = ks.stream().distinct().sorted().toList();
        if (ks.get(0) < 1) {
            throw new IllegalArgumentException("A cut-off K must be at least 1, got " + ks.get(0));
        }
        if (target == null) {
            target = Target.TEST;
        }
        if (threads < 1) {
            throw new IllegalArgumentException("Threads must be at least 1, got " + threads);
        }
    }

    /** K = 1, 5, 10, 20 on the test part, seen items excluded, one thread per core. */
    public static EvalOptions defaults() {
        return new EvalOptions(DEFAULT_KS, Target.TEST, true, Runtime.getRuntime().availableProcessors());
    }

    public EvalOptions withKs(int... newKs) {
        return new EvalOptions(Arrays.stream(newKs).boxed().toList(), target, excludeSeen, threads);
    }

    public EvalOptions withTarget(Target newTarget) {
        return new EvalOptions(ks, newTarget, excludeSeen, threads);
    }

    public EvalOptions withExcludeSeen(boolean exclude) {
        return new EvalOptions(ks, target, exclude, threads);
    }

    public EvalOptions withThreads(int n) {
        return new EvalOptions(ks, target, excludeSeen, n);
    }

    /** The largest cut-off. */
    public int maxK() {
        return ks.get(ks.size() - 1);
    }
}
