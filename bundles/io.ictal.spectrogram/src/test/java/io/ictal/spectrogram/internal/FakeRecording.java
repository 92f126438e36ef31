package io.ictal.spectrogram.internal;

import io.ictal.api.recording.Annotation;
import io.ictal.api.recording.ChannelType;
import io.ictal.api.recording.PatientInfo;
import io.ictal.api.recording.ReadWarning;
import io.ictal.api.recording.Recording;
import io.ictal.api.recording.RecordingFormat;
import io.ictal.api.recording.RecordingHeader;
import io.ictal.api.recording.RecordingInfo;
import io.ictal.api.recording.Segment;
import io.ictal.api.recording.SignalInfo;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A recording held in memory: signals at one rate, 1-second data records, an optional gap of
 * missing data (as EDF+D), NaN outside the data. Remembers the longest read, to check streaming.
 */
final class FakeRecording implements Recording {

    private final float[][] signals;
    private final double rateHz;
    private final double gapFromSeconds;
    private final double gapToSeconds;
    private final RecordingHeader header;
    final AtomicInteger longestRead = new AtomicInteger();

    FakeRecording(double rateHz, double gapFromSeconds, double gapToSeconds, float[]... signals) {
        this.signals = signals;
        this.rateHz = rateHz;
        this.gapFromSeconds = gapFromSeconds;
        this.gapToSeconds = gapToSeconds;
        List<SignalInfo> infos = new ArrayList<>();
        for (int s = 0; s < signals.length; s++) {
            infos.add(new SignalInfo(s, "EEG C" + s + "-REF", ChannelType.EEG, "AgAgCl", "uV", -3200, 3200, -32768,
                    32767, "", (int) rateHz, rateHz));
        }
        this.header = new RecordingHeader(RecordingFormat.EDF_PLUS_D, "0",
                new PatientInfo("X X X X", "", "", "", ""), new RecordingInfo("Startdate X X X X", "", "", "", ""),
                LocalDateTime.of(2026, 1, 1, 0, 0), 256 * (signals.length + 1), signals[0].length / (long) rateHz,
                1.0, infos);
    }

    FakeRecording(double rateHz, float[]... signals) {
        this(rateHz, -1, -1, signals);
    }

    @Override
    public Path file() {
        return Path.of("/fake/recording.edf");
    }

    @Override
    public RecordingHeader header() {
        return header;
    }

    @Override
    public List<Annotation> annotations() {
        return List.of();
    }

    @Override
    public List<ReadWarning> warnings() {
        return List.of();
    }

    @Override
    public List<Segment> segments() {
        double end = signals[0].length / rateHz;
        if (gapFromSeconds < 0) {
            return List.of(new Segment(0, end, 0, (long) end));
        }
        return List.of(new Segment(0, gapFromSeconds, 0, (long) gapFromSeconds),
                new Segment(gapToSeconds, end - gapToSeconds, (long) gapFromSeconds, (long) (end - gapToSeconds)));
    }

    @Override
    public float[] read(int signalIndex, double startSeconds, double durationSeconds) {
        int first = (int) Math.round(startSeconds * rateHz);
        int count = (int) Math.round(durationSeconds * rateHz);
        longestRead.accumulateAndGet(count, Math::max);
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            int at = first + i;
            double seconds = at / rateHz;
            boolean inGap = seconds >= gapFromSeconds && seconds < gapToSeconds;
            out[i] = at < 0 || at >= signals[signalIndex].length || inGap ? Float.NaN : signals[signalIndex][at];
        }
        return out;
    }

    @Override
    public void close() {
    }
}
