package io.ictal.spectrogram.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.api.spectrogram.ImageParameters;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The PNG of a generated chirp against the golden chirp.png made by the Python reference (PIL):
 * every pixel within one 8-bit level (rounding of values that differ by float error).
 */
class GoldenPngTest extends ServiceTest {

    @Test
    void chirpPngMatchesTheGoldenImage() throws IOException {
        Fixtures f = Fixtures.load("chirp-image.json");
        ImageParameters p = f.parameters(ImageParameters.class);
        byte[] png = service.png(service.image(f.samples(), f.rateHz(), p));

        BufferedImage actual = ImageIO.read(new ByteArrayInputStream(png));
        BufferedImage golden;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/chirp.png")) {
            golden = ImageIO.read(in);
        }
        assertEquals(golden.getWidth(), actual.getWidth());
        assertEquals(golden.getHeight(), actual.getHeight());
        int worst = 0;
        for (int y = 0; y < golden.getHeight(); y++) {
            for (int x = 0; x < golden.getWidth(); x++) {
                int a = actual.getRGB(x, y);
                int g = golden.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    worst = Math.max(worst, Math.abs(((a >> shift) & 0xff) - ((g >> shift) & 0xff)));
                }
            }
        }
        assertTrue(worst <= 1, "largest channel difference " + worst + " levels");
    }

    @Test
    void chirpRisesAcrossTheImage() {
        Fixtures f = Fixtures.load("chirp-image.json");
        ImageParameters p = f.parameters(ImageParameters.class);
        float[][][] rgb = service.image(f.samples(), f.rateHz(), p);
        // Jet: the chirp is red (r high, b low). Row 0 is the top frequency (64 Hz), the chirp goes 1 -> 60 Hz.
        int earlyRow = hottestRow(rgb, 5);
        int lateRow = hottestRow(rgb, p.width() - 6);
        assertTrue(earlyRow > lateRow + p.height() / 2, "chirp rows " + earlyRow + " -> " + lateRow);
    }

    private static int hottestRow(float[][][] rgb, int column) {
        int best = 0;
        for (int r = 1; r < rgb[0].length; r++) {
            if (rgb[0][r][column] - rgb[2][r][column] > rgb[0][best][column] - rgb[2][best][column]) {
                best = r;
            }
        }
        return best;
    }
}
