package org.recblend.testutil;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.SnapshotParameters;
import javafx.scene.paint.Color;
import javafx.stage.Window;
import javax.imageio.ImageIO;

/**
 * The user guide's screenshots (decision 0031). Every run of the guide test writes them to
 * target/screenshots/guide/; with {@code -Dguide.update=true} it also replaces the committed copies
 * in docs/guide/img/, which the README shows. A shot is the main window with every window that
 * is open above it (menus, the import wizard) drawn where it stands on the screen, so a menu that
 * is open is in the picture as a user sees it.
 */
public final class GuideShots {
    public static final Path TARGET = Path.of("target", "screenshots", "guide");
    public static final Path DOCS = Path.of("docs", "guide", "img");
    /** The system property that makes the test replace the committed images. */
    public static final String UPDATE = "guide.update";

    private GuideShots() {
    }

    /** Whether this run replaces docs/guide/img. */
    public static boolean updating() {
        return Boolean.getBoolean(UPDATE);
    }

    /**
     * Draws the window and every showing window that lies over it (call on the JavaFX thread) and
     * writes NAME.png; returns the file in target.
     */
    public static Path save(Window base, String name) {
        BufferedImage image = compose(base, Window.getWindows().stream().filter(Window::isShowing).filter(w -> w != base).toList());
        return write(image, name, updating());
    }

    /** Only this window, without what lies over it (call on the JavaFX thread). */
    public static Path saveAlone(Window window, String name) {
        return write(SwingFXUtils.fromFXImage(window.getScene().snapshot(null), null), name, updating());
    }

    /** A picture for finding out why a test failed: target only, never the guide's images. */
    public static Path saveForDiagnosis(Window window, String name) {
        return write(SwingFXUtils.fromFXImage(window.getScene().snapshot(null), null), name, false);
    }

    private static BufferedImage compose(Window base, List<Window> above) {
        BufferedImage image = SwingFXUtils.fromFXImage(base.getScene().snapshot(null), null);
        // drawn onto an opaque copy: the snapshot's alpha channel only makes the PNG larger
        BufferedImage opaque = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = opaque.createGraphics();
        g.drawImage(image, 0, 0, null);
        javafx.geometry.Point2D origin = base.getScene().getRoot().localToScreen(0, 0);
        for (Window w : above) {
            if (w.getScene() == null || w.getScene().getRoot() == null) {
                continue;
            }
            // the root with a transparent fill: a menu's shadow margin stays see-through
            javafx.scene.Node root = w.getScene().getRoot();
            SnapshotParameters params = new SnapshotParameters();
            params.setFill(Color.TRANSPARENT);
            BufferedImage layer = SwingFXUtils.fromFXImage(root.snapshot(params, null), null);
            javafx.geometry.Bounds at = root.localToScreen(root.getBoundsInLocal());
            g.drawImage(layer, (int) Math.round(at.getMinX() - origin.getX()), (int) Math.round(at.getMinY() - origin.getY()), null);
        }
        g.dispose();
        return opaque;
    }

    /** PNG at the strongest deflate level: the pictures are committed, every kilobyte stays in the history. */
    private static void writeSmallest(BufferedImage image, Path file) throws IOException {
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.0f);
        Files.deleteIfExists(file);
        try (javax.imageio.stream.ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private static Path write(BufferedImage image, String name, boolean toDocs) {
        Path file = TARGET.resolve(name + ".png");
        try {
            BufferedImage rgb = image;
            if (image.getType() != BufferedImage.TYPE_INT_RGB) {
                rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
                Graphics2D g = rgb.createGraphics();
                g.drawImage(image, 0, 0, null);
                g.dispose();
            }
            Files.createDirectories(TARGET);
            writeSmallest(rgb, file);
            if (toDocs) {
                Files.createDirectories(DOCS);
                Files.copy(file, DOCS.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
