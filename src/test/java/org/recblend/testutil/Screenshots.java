package org.recblend.testutil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Saves what a scene shows to target/screenshots, to be looked at as a user would. */
public final class Screenshots {
    public static final Path DIR = Path.of("target", "screenshots");

    private Screenshots() {
    }

    /** Snapshots the scene (call on the JavaFX thread) and writes NAME.png; returns the file. */
    public static Path save(Scene scene, String name) {
        WritableImage image = scene.snapshot(null);
        Path file = DIR.resolve(name + ".png");
        try {
            Files.createDirectories(DIR);
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
