package org.recblend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.sample.SampleProject;
import org.recblend.testutil.SmallSample;

/** The installed program names its bundled sample folders with recblend.samples; the CLI's default follows it. */
class InstalledSamplesTest {
    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty(SampleProject.SAMPLES_PROPERTY);
    }

    @Test
    void withoutThePropertyTheCheckoutsSampleIsUsed() {
        assertThat(SampleProject.retailFolder()).isEqualTo(Path.of("sample-projects", "retail"));
    }

    @Test
    void sampleProjectWithoutFromBuildsTheInstallationsSample() throws Exception {
        Path samples = dir.resolve("app/sample-projects");
        SmallSample.write(samples.resolve("retail"));
        System.setProperty(SampleProject.SAMPLES_PROPERTY, samples.toString());
        assertThat(SampleProject.retailFolder()).isEqualTo(samples.resolve("retail"));

        CliRun made = CliRun.of("sample", "project", "--out", dir.resolve("mine").toString(), "-q");
        assertThat(made.exitCode()).as(made.err()).isZero();
        CliRun info = CliRun.of("info", dir.resolve("mine").toString());
        assertThat(CliTest.cells(info.out(), "retail", "(dataset)").subList(0, 4)).containsExactly("retail", "(dataset)", "200", "100");
    }

    @Test
    void aMissingInstalledSampleIsABadInputThatNamesTheFolder() {
        System.setProperty(SampleProject.SAMPLES_PROPERTY, dir.resolve("gone").toString());
        CliRun made = CliRun.of("sample", "project", "--out", dir.resolve("mine").toString(), "-q");
        assertThat(made.exitCode()).isNotZero();
        assertThat(made.err()).contains(dir.resolve("gone").toString());
        assertThat(dir.resolve("mine.mv.db")).doesNotExist();
    }
}
