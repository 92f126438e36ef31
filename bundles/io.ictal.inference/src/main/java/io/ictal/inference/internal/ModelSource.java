package io.ictal.inference.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Read access to a model bundle's files: an installed bundle at run time, a jar in tests. */
interface ModelSource {

    /** Manifest header that marks a model bundle; its value lists the card paths, comma-separated. */
    String HEADER = "Ictal-Model";

    /** Symbolic name and version, e.g. {@code io.ictal.model.demo 1.1.0}: how logs name the bundle. */
    String name();

    /** The card paths the {@value #HEADER} header lists; empty when the bundle is not a model bundle. */
    List<String> cardPaths();

    /** The bytes of a file in the bundle, or empty when there is no such file. */
    Optional<byte[]> read(String path) throws IOException;

    static List<String> parseHeader(String header) {
        if (header == null) {
            return List.of();
        }
        return java.util.Arrays.stream(header.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
