package io.ictal.inference.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.Bundle;

/** A model bundle installed in the framework; read through entries, so it needs no class loader. */
final class BundleModelSource implements ModelSource {

    private final Bundle bundle;

    BundleModelSource(Bundle bundle) {
        this.bundle = bundle;
    }

    @Override
    public String name() {
        return bundle.getSymbolicName() + " " + bundle.getVersion();
    }

    @Override
    public List<String> cardPaths() {
        return ModelSource.parseHeader(bundle.getHeaders("").get(HEADER));
    }

    @Override
    public Optional<byte[]> read(String path) throws IOException {
        URL entry = bundle.getEntry(path);
        if (entry == null) {
            return Optional.empty();
        }
        try (InputStream in = entry.openStream()) {
            return Optional.of(in.readAllBytes());
        }
    }
}
