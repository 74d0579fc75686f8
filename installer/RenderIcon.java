import com.github.weisj.jsvg.SVGDocument;
import com.github.weisj.jsvg.parser.SVGLoader;
import com.github.weisj.jsvg.view.ViewBox;

import javax.imageio.ImageIO;
import java.awt.Component;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build-time tool: renders an SVG to square PNGs, one per size, named {@code <svg name>-<size>.png}. It runs as a
 * single source file on the application jar's class path, so it draws with the same SVG renderer (jsvg, shipped
 * with FlatLaf) as the window icon and needs nothing installed:
 *
 * <pre>java -Djava.awt.headless=true -cp app/target/mqscope.jar installer/RenderIcon.java SVG OUT_DIR SIZE...</pre>
 */
public final class RenderIcon {
    private RenderIcon() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: RenderIcon SVG OUT_DIR SIZE...");
            System.exit(2);
        }
        Path svg = Path.of(args[0]);
        Path outDir = Path.of(args[1]);
        SVGDocument document = new SVGLoader().load(svg.toUri().toURL());
        if (document == null) {
            throw new IOException("not a readable SVG: " + svg);
        }
        Files.createDirectories(outDir);
        String base = svg.getFileName().toString().replaceFirst("\\.svg$", "");
        for (int i = 2; i < args.length; i++) {
            int size = Integer.parseInt(args[i]);
            Path png = outDir.resolve(base + "-" + size + ".png");
            if (!ImageIO.write(render(document, size), "png", png.toFile())) {
                throw new IOException("no PNG writer");
            }
        }
    }

    private static BufferedImage render(SVGDocument document, int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            document.render((Component) null, g, new ViewBox(0, 0, size, size));
        } finally {
            g.dispose();
        }
        return image;
    }
}
