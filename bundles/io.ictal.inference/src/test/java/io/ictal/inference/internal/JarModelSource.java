package io.ictal.inference.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/** A model bundle jar from the test resources (made by training/modelbundle/make_test_models.py). */
final class JarModelSource implements ModelSource {

    private final Path jar;
    private final Attributes manifest;

    JarModelSource(Path jar) {
        this.jar = jar;
        try (JarFile f = new JarFile(jar.toFile())) {
            this.manifest = f.getManifest().getMainAttributes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A jar of src/test/resources/modelbundles, e.g. {@code io.ictal.model.demo-1.0.0.jar}. */
    static JarModelSource of(String name) {
        URL url = JarModelSource.class.getResource("/modelbundles/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test model bundle " + name);
        }
        try {
            return new JarModelSource(Path.of(url.toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public String name() {
        return manifest.getValue("Bundle-SymbolicName") + " " + manifest.getValue("Bundle-Version");
    }

    @Override
    public List<String> cardPaths() {
        return ModelSource.parseHeader(manifest.getValue(HEADER));
    }

    @Override
    public Optional<byte[]> read(String path) throws IOException {
        try (JarFile f = new JarFile(jar.toFile())) {
            ZipEntry entry = f.getEntry(path);
            if (entry == null) {
                return Optional.empty();
            }
            try (InputStream in = f.getInputStream(entry)) {
                return Optional.of(in.readAllBytes());
            }
        }
    }
}
