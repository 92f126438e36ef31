package io.ictal.ecg.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real recordings of ../shared/data (system property ictal.shared.data); tests skip, saying so, when absent. */
final class SharedData {

    private SharedData() {
    }

    static Path ecg() {
        Path folder = Path.of(System.getProperty("ictal.shared.data", "../shared/data")).resolve("ecg");
        assumeTrue(Files.isDirectory(folder), () -> "skipped: the ECG data folder " + folder.toAbsolutePath()
                + " is absent (set -Dictal.shared.data to the shared data folder)");
        return folder;
    }
}
