package org.recblend.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.domain.SourceKind;
import org.recblend.ingest.ImportException;
import org.recblend.pipeline.NodeKindRegistry;
import org.recblend.pipeline.PipelineRepository;
import org.recblend.store.ProjectStore;
import org.recblend.store.ProjectSummary;
import org.recblend.task.CancellableMonitor;
import org.recblend.task.CancelledException;
import org.recblend.task.TaskMonitor;
import org.recblend.testutil.SmallSample;

class SampleProjectTest {
    @TempDir
    static Path shared;
    static Path sample;

    @TempDir
    Path dir;

    @BeforeAll
    static void smallSample() throws Exception {
        sample = SmallSample.write(shared.resolve("sample"));
    }

    @Test
    void holdsOneSourceOfEveryKindAndThePreparePipeline() throws Exception {
        SampleProject.Result result = SampleProject.build(sample, dir.resolve("retail"), TaskMonitor.none());
        assertThat(result.project()).isEqualTo(dir.resolve("retail.mv.db"));
        assertThat(result.imports()).allSatisfy(r -> assertThat(r.rowsRejected()).isZero());
        try (ProjectStore store = ProjectStore.open(dir.resolve("retail"))) {
            ProjectSummary.DatasetSummary retail = ProjectSummary.of(store).dataset("retail").orElseThrow();
            assertThat(retail.sources()).extracting(ProjectSummary.SourceSummary::kind)
                    .containsExactlyInAnyOrderElementsOf(Arrays.stream(SourceKind.values()).map(Enum::name).toList());
            assertThat(retail.users()).isEqualTo(SmallSample.SPEC.users());
            assertThat(retail.total(ProjectSummary.SourceSummary::interactions)).isEqualTo(SmallSample.SPEC.interactions());
            var prepare = new PipelineRepository(store, NodeKindRegistry.load()).load(SampleProject.PREPARE_PIPELINE);
            assertThat(prepare.nodes()).extracting(n -> n.kindId())
                    .containsExactly("collect.dataset", "preprocess.kcore", "preprocess.split.random");
        }
    }

    @Test
    void aCancelRemovesTheHalfBuiltProject() {
        CancellableMonitor[] self = new CancellableMonitor[1];
        self[0] = new CancellableMonitor((fraction, message) -> {
            if (fraction > 0.3) {
                self[0].cancel();
            }
        }, line -> { });
        assertThatThrownBy(() -> SampleProject.build(sample, dir.resolve("half"), self[0]))
                .isInstanceOf(CancelledException.class);
        assertThat(dir.resolve("half.mv.db")).doesNotExist();
        assertThat(dir.resolve("half.artifacts")).doesNotExist();
    }

    @Test
    void aBrokenMappingFileStopsBeforeAnyProjectIsCreated() throws Exception {
        Path broken = SmallSample.write(dir.resolve("broken"));
        Files.writeString(broken.resolve("import/friends.json"), "{ \"kind\" : \"FRIENDS\" }");
        assertThatThrownBy(() -> SampleProject.build(broken, dir.resolve("p"), TaskMonitor.none()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("friends.json");
        assertThat(dir.resolve("p.mv.db")).doesNotExist();
    }
}
