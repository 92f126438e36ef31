package io.ictal.spectrogram.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/** JTransforms and JLargeArrays are inside the bundle and private (bnd writes the manifest before tests run). */
class BundleManifestTest {

    @Test
    void jtransformsIsEmbeddedPrivately() throws IOException {
        Path file = Path.of("target/classes/META-INF/MANIFEST.MF");
        Manifest manifest;
        try (InputStream in = Files.newInputStream(file)) {
            manifest = new Manifest(in);
        }
        String privatePackages = manifest.getMainAttributes().getValue("Private-Package");
        String imports = manifest.getMainAttributes().getValue("Import-Package");
        assertNull(manifest.getMainAttributes().getValue("Export-Package"), "exports nothing");
        assertTrue(privatePackages.contains("org.jtransforms.fft") && privatePackages.contains("org.visnow.jlargearrays"),
                privatePackages);
        assertFalse(imports.contains("org.jtransforms") || imports.contains("org.visnow") || imports.contains("junit"),
                imports);
        assertTrue(imports.contains("sun.misc;resolution:=optional"), imports);
        assertTrue(Files.exists(Path.of("target/classes/org/jtransforms/fft/DoubleFFT_1D.class")));
    }
}
