package io.ictal.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.edf.internal.EdfRecordingReader;
import io.ictal.spectrogram.internal.SpectrogramComponent;
import io.ictal.viewer.spi.OpenedRecording;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSA through the real spectrogram service: a 10 Hz EEG shows as the alpha band. */
class CsaTrendTest {

    @TempDir
    Path dir;

    private static SpectrogramComponent spectrogram() {
        return new SpectrogramComponent(1, 600);
    }

    @Test
    void aTenHertzRecordingShowsInTheAlphaBandOfTheTrendPanel() throws Exception {
        Path file = TestRecordings.write(dir, "alpha.edf", 60, 10, false);
        SpectrogramComponent service = spectrogram();
        WorkflowMarkerProvider provider = new WorkflowMarkerProvider(new Settings(true, 10, 1, 1 << 20), 2,
                new EdfRecordingReader());
        provider.setSpectrogram(service);
        try {
            TestHost host = new TestHost();
            provider.start(new OpenedRecording("r", file), host);

            assertTrue(host.awaitEnd().startsWith("completed: 0 markers"), host.ending);
            assertEquals(List.of("csa/delta", "csa/theta", "csa/alpha", "csa/beta"), List.copyOf(host.trends.keySet()));
            for (int t = 0; t < 6; t++) {
                double alpha = host.trends.get("csa/alpha").get(t);
                for (String other : List.of("csa/delta", "csa/theta", "csa/beta")) {
                    // A 50 uV sine against 5 uV white noise: the band holding it is far above the rest.
                    assertTrue(alpha > host.trends.get(other).get(t) + 10, "epoch " + t + ": alpha " + alpha + " dB vs "
                            + other + " " + host.trends.get(other).get(t) + " dB");
                }
            }
            assertEquals(6, host.trends.get("csa/alpha").size());
        } finally {
            provider.deactivate();
            service.deactivate();
        }
    }
}
