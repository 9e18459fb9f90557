package org.recblend.ui.editor.preview;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.recblend.engine.feature.FeatureBlock;
import org.recblend.engine.feature.FeatureSet;
import org.recblend.engine.recommend.Recommendations;

/** Fused features and recommendation lists as tables, the way the data stages' outputs are shown. */
final class ResultTables {
    /** Feature columns shown at most; taken in turn from each block so every source is seen. */
    private static final int MAX_FEATURES = 8;

    private ResultTables() {
    }

    static PortPreview.Table features(FeatureSet f) {
        List<int[]> picked = pickColumns(f.blocks());
        List<String> columns = new ArrayList<>(List.of(f.side() == FeatureSet.Side.ITEM ? "item" : "user"));
        List<String> groups = new ArrayList<>(List.of(""));
        for (int[] bc : picked) {
            FeatureBlock b = f.blocks().get(bc[0]);
            columns.add(b.columns().get(bc[1]));
            groups.add(Cells.source(b.name()));
        }
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < Math.min(DataTables.MAX_ROWS, f.ids().size()); r++) {
            List<String> row = new ArrayList<>(List.of(f.ids().id(r)));
            for (int[] bc : picked) {
                row.add(String.format(Locale.ROOT, "%.3f", f.blocks().get(bc[0]).values().get(r, bc[1])));
            }
            rows.add(row);
        }
        List<String> blocks = f.blocks().stream().map(b -> b.values().cols() + " " + Cells.source(b.name())).toList();
        String summary = Cells.count(f.ids().size(), f.side() == FeatureSet.Side.ITEM ? "item" : "user") + " × "
                + Cells.count(f.width(), "feature") + (blocks.isEmpty() ? "" : " (" + String.join(", ", blocks) + ")")
                + " · fusion " + f.fusion().mode().name().toLowerCase(Locale.ROOT);
        return new PortPreview.Table(summary, columns, groups, rows, f.ids().size());
    }

    /** Block and column indices: the first column of each block, then the second of each, and so on. */
    private static List<int[]> pickColumns(List<FeatureBlock> blocks) {
        List<int[]> picked = new ArrayList<>();
        for (int c = 0; picked.size() < MAX_FEATURES; c++) {
            boolean any = false;
            for (int b = 0; b < blocks.size() && picked.size() < MAX_FEATURES; b++) {
                if (c < blocks.get(b).values().cols()) {
                    picked.add(new int[] {b, c});
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        picked.sort((x, y) -> x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]));
        return picked;
    }

    /** Whole lists, best first, until the row limit: one user's top K reads better than K users' first item. */
    static PortPreview.Table recommendations(Recommendations r, ItemLabels labels) {
        List<List<String>> rows = new ArrayList<>();
        for (int p = 0; p < r.userCount() && rows.size() < DataTables.MAX_ROWS; p++) {
            for (Recommendations.Entry e : r.list(p)) {
                if (rows.size() == DataTables.MAX_ROWS) {
                    break;
                }
                rows.add(List.of(e.rank() == 1 ? r.users().id(e.user()) : "", Integer.toString(e.rank()),
                        labels.label(r.items(), e.item()), String.format(Locale.ROOT, "%.4f", e.score())));
            }
        }
        String summary = "Top " + r.k() + " for " + Cells.count(r.userCount(), "user") + " · "
                + Cells.count(r.size(), "entry", "entries");
        return new PortPreview.Table(summary, List.of("user", "rank", "item", "score"), rows, r.size());
    }
}
