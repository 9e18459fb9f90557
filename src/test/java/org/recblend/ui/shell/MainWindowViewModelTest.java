package org.recblend.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.nodes.templates.PipelineTemplates;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.PipelineRepository;
import org.recblend.store.ProjectStore;
import org.recblend.ui.prefs.WorkbenchSettings;
import org.recblend.ui.task.BackgroundTasks;
import org.recblend.ui.task.CurrentThreadTaskExecutor;

/** The main window's state without a screen: recent projects and save-as on the calling thread. */
class MainWindowViewModelTest {
    @TempDir
    Path dir;

    private MainWindowViewModel viewModel() {
        return new MainWindowViewModel(new CurrentThreadTaskExecutor(), new BackgroundTasks(), WorkbenchSettings.in(dir));
    }

    @Test
    void theRecentListKeepsAtMostEightProjectsNewestFirstAcrossRestarts() throws Exception {
        MainWindowViewModel vm = viewModel();
        for (int i = 0; i < RecentProjects.MAX + 2; i++) {
            Path p = dir.resolve("p" + i);
            ProjectStore.create(p).close();
            vm.openProject(p);
        }
        vm.closeProject();

        MainWindowViewModel restarted = viewModel();
        assertThat(restarted.recentProjects()).hasSize(RecentProjects.MAX)
                .first().isEqualTo(dir.resolve("p" + (RecentProjects.MAX + 1) + ".mv.db").toAbsolutePath());
        assertThat(restarted.recentProjects()).doesNotContain(dir.resolve("p0.mv.db").toAbsolutePath());
    }

    @Test
    void aNewProjectStartsWithTheLlmHybridPipeline() throws Exception {
        MainWindowViewModel vm = viewModel();
        vm.newProject(dir.resolve("fresh"));
        assertThat(vm.errorProperty().get()).isNull();
        assertThat(vm.contentsProperty().get().pipelines()).containsExactly(PipelineTemplates.LLM_HYBRID);
        Pipeline stored = new PipelineRepository(vm.projectProperty().get(), OpenPipelineAction.registry())
                .load(PipelineTemplates.LLM_HYBRID);
        assertThat(stored.nodes()).extracting(n -> n.id())
                .containsExactly("collect", "kcore", "split", "text", "fuse", "hybrid", "recommend", "evaluate");
        vm.closeProject();
    }

    @Test
    void saveAsWithoutAnOpenProjectDoesNothing() {
        MainWindowViewModel vm = viewModel();
        vm.saveProjectAs(dir.resolve("copy"));
        assertThat(vm.projectProperty().get()).isNull();
        assertThat(vm.errorProperty().get()).isNull();
        assertThat(dir.resolve("copy.mv.db")).doesNotExist();
    }

    @Test
    void anUnreadableSettingsFileIsReportedAndTheWorkbenchStillStarts() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("settings.json"), "[1, 2");
        MainWindowViewModel vm = viewModel();
        assertThat(vm.errorTitleProperty().get()).isEqualTo("Cannot read your settings");
        assertThat(vm.errorProperty().get()).contains("settings.json").contains("not valid JSON");
        assertThat(vm.recentProjects()).isEmpty();
    }
}
