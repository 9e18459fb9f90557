package org.recblend.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.recblend.testutil.GuideShots;

/**
 * The guide's pictures stay the test's pictures (decision 0031): every image the README shows is
 * in docs/guide/img, is one that GuideScreenshotsFxTest takes, and every committed image is shown.
 * A picture drawn by hand, renamed, or left behind by a removed section fails here.
 */
class ReadmeImagesTest {
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*\\]\\(([^)\\s]+)\\)");

    private static List<String> readmeImages() throws IOException {
        Matcher m = IMAGE.matcher(Files.readString(Path.of("README.md")));
        List<String> images = new ArrayList<>();
        while (m.find()) {
            images.add(m.group(1));
        }
        return images;
    }

    @Test
    void everyImageTheReadmeShowsIsATestScreenshotThatIsCommitted() throws IOException {
        List<String> images = readmeImages();
        assertThat(images).as("the README shows the guide's screenshots").isNotEmpty();
        for (String image : images) {
            assertThat(image).as("README images live in docs/guide/img").startsWith(GuideShots.DOCS.toString().replace('\\', '/') + "/");
            assertThat(Path.of(image)).as(image + " is committed").isRegularFile();
            String name = Path.of(image).getFileName().toString().replaceFirst("\\.png$", "");
            assertThat(GuideScreenshotsFxTest.SHOTS).as(image + " is taken by GuideScreenshotsFxTest").contains(name);
        }
    }

    @Test
    void everyCommittedScreenshotIsShownAndTakenByTheTest() throws IOException {
        List<String> shown = readmeImages().stream().map(i -> Path.of(i).getFileName().toString()).toList();
        try (Stream<Path> files = Files.list(GuideShots.DOCS)) {
            List<String> committed = files.map(f -> f.getFileName().toString()).sorted().toList();
            assertThat(committed).as("one PNG per screenshot the test takes")
                    .containsExactlyInAnyOrderElementsOf(GuideScreenshotsFxTest.SHOTS.stream().map(s -> s + ".png").toList());
            assertThat(shown).as("every committed screenshot is in the README").containsAll(committed);
        }
    }
}
