package io.ictal.spectrogram.internal;

import io.ictal.api.spectrogram.Spectrogram;
import io.ictal.api.spectrogram.TrendParameters;
import java.io.IOException;
import java.util.Arrays;

/** Compressed spectral arrays; see {@link TrendParameters}. One epoch in memory at a time. */
final class TrendComputer {

    /** Reads one epoch's samples; NaN where there is no data. */
    interface EpochReader {
        float[] read(long firstSample, int count) throws IOException;
    }

    private TrendComputer() {
    }

    static Spectrogram compute(EpochReader reader, long totalSamples, double rateHz, TrendParameters p)
            throws IOException {
        StftPlan plan = new StftPlan(p.stft(), rateHz, totalSamples);
        int epochSamples = Samples.count("epochSeconds", p.epochSeconds(), rateHz);
        int epochs = Math.toIntExact((totalSamples + epochSamples - 1) / epochSamples);
        float[][] rows = new float[epochs][];
        SegmentTransform transform = plan.newTransform();
        double[] sum = new double[plan.binCount];
        for (int e = 0; e < epochs; e++) {
            long first = (long) e * epochSamples;
            float[] epoch = reader.read(first, (int) Math.min(epochSamples, totalSamples - first));
            SampleSource samples = SampleSource.of(epoch);
            Arrays.fill(sum, 0);
            int used = 0;
            for (long t = 0; t < plan.frameCount(epoch.length); t++) {
                int start = (int) t * plan.step;
                if (!samples.finite(start, plan.segment)) {
                    continue;
                }
                samples.transform(transform, start);
                for (int b = 0; b < sum.length; b++) {
                    sum[b] += plan.density(transform, plan.firstBin + b);
                }
                used++;
            }
            rows[e] = new float[sum.length];
            for (int b = 0; b < sum.length; b++) {
                rows[e][b] = used == 0 ? Float.NaN : (float) plan.scaled(sum[b] / used);
            }
        }
        return new Spectrogram(epochSamples / 2.0 / rateHz, epochSamples / rateHz, plan.frequencies(), rows,
                p.stft().scale());
    }
}
