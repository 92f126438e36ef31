package io.ictal.inference.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/** A model bundle jar not installed in a framework: for tests, benchmarks and offline checks. */
final class JarModelSource implements ModelSource {

    private final Path jar;
    private final Attributes manifest;

    JarModelSource(Path jar) {
        this.jar = jar;
        try (JarFile f = new JarFile(jar.toFile())) {
            this.manifest = f.getManifest() == null ? new Attributes() : f.getManifest().getMainAttributes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
