package org.recblend.nodes.encode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.domain.Embeddings;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.SocialGraph;
import org.recblend.encode.EncodedFeatures;
import org.recblend.encode.social.SocialAdjacency;
import org.recblend.encode.social.SocialEncoders;
import org.recblend.ingest.ImportJob;
import org.recblend.ingest.Importer;
import org.recblend.ingest.preset.Presets;
import org.recblend.store.ProjectStore;
import org.recblend.store.StoredDataset;
import org.recblend.task.TaskMonitor;
import org.recblend.testutil.SharedData;

/** Degree features on the real friend and trust graphs of ../shared/data, with figures counted from the files. */
class RealSocialDataTest {
    @TempDir
    Path dir;

    private static SocialGraph graph(ProjectStore store, String preset, Path folder, String dataset, Set<String> parts)
            throws Exception {
        importParts(store, preset, folder, dataset, parts);
        return StoredDataset.open(store, dataset, List.of()).social(TaskMonitor.none());
    }

    /** Imports only the named parts of a preset (Last.fm's 186,479 tags take most of a full import). */
    static void importParts(ProjectStore store, String preset, Path folder, String dataset, Set<String> parts) throws Exception {
        List<ImportJob> jobs = Presets.require(preset).parts(folder, dataset).stream()
                .filter(j -> parts.contains(j.spec().sourceName())).toList();
        assertThat(jobs).hasSize(parts.size());
        new Importer(store).runAll(jobs, TaskMonitor.none());
    }

    @Test
    void lastFmFriendshipsAreSymmetricWithTheFilesDegrees() throws Exception {
        Path folder = SharedData.dir("hetrec2011-lastfm-2k");
        try (ProjectStore store = ProjectStore.create(dir.resolve("lastfm"))) {
            SocialGraph g = graph(store, "lastfm-hetrec", folder, "lastfm", Set.of("friends"));
            assertThat(g.size()).isEqualTo(25_434);
            EncodedFeatures f = SocialEncoders.degrees(g);
            Embeddings e = f.embeddings();
            assertThat(e.size()).isEqualTo(1_892);
            double sum = 0;
            int min = Integer.MAX_VALUE;
            for (int u = 0; u < e.size(); u++) {
                float[] row = e.row(u);
                assertThat(row[0]).as("out = in = undirected degree").isEqualTo(row[1]).isEqualTo(row[2]);
                assertThat(row[5]).isEqualTo((float) Math.log1p(row[2]));
                sum += row[2];
                min = Math.min(min, (int) row[2]);
            }
            assertThat(sum).as("12,717 friendships, two ends each").isEqualTo(25_434);
            assertThat(min).as("every user has a friend").isEqualTo(1);
            assertThat(e.row(g.users().indexOf("2"))[2]).isEqualTo(13f);
            assertThat(e.row(g.users().indexOf("1543"))[2]).as("the most connected user").isEqualTo(119f);
            assertThat(SocialAdjacency.of(g, SocialAdjacency.Direction.BOTH, false).edges()).isEqualTo(25_434);
        }
    }

    @Test
    void filmTrustIsDirected() throws Exception {
        Path folder = SharedData.dir("filmtrust");
        try (ProjectStore store = ProjectStore.create(dir.resolve("filmtrust"))) {
            SocialGraph g = graph(store, "filmtrust", folder, "filmtrust", Set.of("ratings", "trust"));
            assertThat(g.size()).isEqualTo(1_853);
            Embeddings e = SocialEncoders.degrees(g).embeddings();
            double out = 0;
            double in = 0;
            double both = 0;
            int trusters = 0;
            int trusted = 0;
            for (int u = 0; u < e.size(); u++) {
                float[] row = e.row(u);
                out += row[0];
                in += row[1];
                both += row[2];
                trusters += row[0] > 0 ? 1 : 0;
                trusted += row[1] > 0 ? 1 : 0;
            }
            assertThat(out).isEqualTo(1_853);
            assertThat(in).isEqualTo(1_853);
            assertThat(trusters).isEqualTo(609);
            assertThat(trusted).isEqualTo(732);
            // 544 pairs trust each other: 1,853 - 544 = 1,309 undirected ties
            assertThat(both).isEqualTo(2 * 1_309);
            assertThat(e.row(g.users().indexOf("509"))).startsWith(59f, 59f, 67f);
            // trust weights are all 1 in this file, so weighted and unweighted adjacency agree
            assertThat(SocialAdjacency.of(g, SocialAdjacency.Direction.OUT, true).dropped()).isZero();
            InteractionTable ratings = StoredDataset.open(store, "filmtrust", List.of()).interactions(TaskMonitor.none());
            assertThat(ratings.users()).isEqualTo(g.users());
        }
    }
}
