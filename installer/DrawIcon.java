import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Draws the workbench icon (installer/recblend.png): three overlapping circles, the sources a
 * recommender blends, on a rounded square. Committed together with its output so that the icon is
 * reproducible and nothing is downloaded; redraw with {@code java installer/DrawIcon.java installer/recblend.png}.
 */
public final class DrawIcon {
    private DrawIcon() {
    }

    public static void main(String[] args) throws IOException {
        int size = 256;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x1F2A44));
        g.fill(new RoundRectangle2D.Double(8, 8, size - 16, size - 16, 56, 56));
        Color[] colors = {new Color(0xE4572E), new Color(0x29B6F6), new Color(0xFFC914)};
        double[][] centres = {{100, 104}, {156, 104}, {128, 152}};
        double r = 58;
        for (int i = 0; i < colors.length; i++) {
            Color c = colors[i];
            g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 170));
            g.fill(new Ellipse2D.Double(centres[i][0] - r, centres[i][1] - r, 2 * r, 2 * r));
        }
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Double(128 - 16, 120 - 16, 32, 32));
        g.dispose();
        ImageIO.write(image, "png", new File(args.length > 0 ? args[0] : "recblend.png"));
    }
}
