package org.recblend.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How long the user inspector and the item explorer take to read what they show, on the two runs of
 * the retail sample (2,000 users, 1,000 items, 50,000 purchases): reading a model's outputs once,
 * then one user (profile, history, top-10 with contributions and reasons), and one item map (PCA).
 * All of it runs off the JavaFX thread; the figures say how long a user waits. Prints, never asserts.
 * Run: mvn -o -q test -Dtest.excludedGroups=none -Dtest=InspectorBenchmark
 */
@Tag("benchmark")
class InspectorBenchmark {

    @Test
    void readingAUserAndAMap() throws Exception {
        InspectorFixture f = InspectorFixture.get();
        UserInspectionRuns runs = new UserInspectionRuns(f.store, InspectorFixture.REGISTRY, f.runner.cache());
        UserInspection inspection = new UserInspection(f.store, UserInspectionCatalogue.load(f.store, "retail"));
        List<String> lines = new ArrayList<>();
        for (UserInspectionRuns.ModelChoice m : runs.models()) {
            long t0 = System.nanoTime();
            UserInspectionModel model = UserInspectionModel.load(runs, m);
            double load = ms(t0);
            List<UserInspection.UserMatch> users = inspection.findUsers("", 50);
            // first pass warms the JIT and H2's caches
            for (UserInspection.UserMatch u : users.subList(0, 10)) {
                read(inspection, model, u.id());
            }
            long t1 = System.nanoTime();
            for (UserInspection.UserMatch u : users) {
                read(inspection, model, u.id());
            }
            lines.add(String.format(Locale.ROOT, "%-50s outputs %6.0f ms, per user %5.1f ms", m.label(), load, ms(t1) / users.size()));
        }
        for (ItemMapData.VectorChoice c : ItemMapData.choices(runs)) {
            UserInspectionCatalogue cat = UserInspectionCatalogue.load(f.store, "retail");
            ItemMapData.load(runs, c, cat);
            long t0 = System.nanoTime();
            ItemMapData.ItemMap map = ItemMapData.load(runs, c, cat);
            double load = ms(t0);
            long t1 = System.nanoTime();
            for (int k = 0; k < 20; k++) {
                map.neighbours(map.points().get(k), 10);
            }
            lines.add(String.format(Locale.ROOT, "%-50s map of %d × %d %6.0f ms, neighbours %4.2f ms", c.label(), map.points().size(),
                    map.vectors().dim(), load, ms(t1) / 20));
        }
        lines.forEach(System.out::println);
    }

    private static void read(UserInspection inspection, UserInspectionModel model, String user) {
        inspection.profile(user);
        inspection.history(user, model.split());
        inspection.recommendations(model, user, 10);
    }

    private static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }
}
