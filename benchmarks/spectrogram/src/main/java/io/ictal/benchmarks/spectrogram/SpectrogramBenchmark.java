package io.ictal.benchmarks.spectrogram;

import io.ictal.api.spectrogram.Spectrogram;
import io.ictal.api.spectrogram.StftParameters;
import io.ictal.spectrogram.internal.SpectrogramComponent;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One benchmark process: the STFT of every channel of a raw little-endian float32 file
 * (channel-major), as bench_scipy.py does with scipy. Loading a channel is not timed; the STFT is.
 * Prints one line: {@code java threads=T compute_s=S checksum=C}.
 *
 * <p>Usage: {@code SpectrogramBenchmark <file> <channels> <rateHz> <threads>}
 */
public final class SpectrogramBenchmark {

    private SpectrogramBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int channels = Integer.parseInt(args[1]);
        double rate = Double.parseDouble(args[2]);
        int threads = Integer.parseInt(args[3]);
        SpectrogramComponent service = new SpectrogramComponent(config(threads));
        // Same as scipy.signal.spectrogram(x, 256, 'hann', nperseg=512, noverlap=256, detrend='constant').
        StftParameters parameters = StftParameters.of(2, 1);
        long computeNanos = 0;
        double checksum = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long perChannel = channel.size() / 4 / channels;
            float[] samples = new float[Math.toIntExact(perChannel)];
            for (int c = 0; c < channels; c++) {
                FloatBuffer floats = channel.map(FileChannel.MapMode.READ_ONLY, c * perChannel * 4, perChannel * 4)
                        .order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
                floats.get(samples);
                long start = System.nanoTime();
                Spectrogram s = service.stft(samples, rate, parameters);
                computeNanos += System.nanoTime() - start;
                if (c == 0) {
                    checksum = sum(s);
                }
            }
        } finally {
            service.deactivate();
        }
        System.out.printf("java threads=%d compute_s=%.3f checksum=%.9e%n", threads, computeNanos / 1e9, checksum);
    }

    /** Sum of channel 0's spectrogram, to check that both sides computed the same thing. */
    private static double sum(Spectrogram s) {
        double sum = 0;
        for (int t = 0; t < s.frameCount(); t++) {
            for (int f = 0; f < s.binCount(); f++) {
                sum += s.value(t, f);
            }
        }
        return sum;
    }

    private static SpectrogramComponent.Config config(int threads) {
        return new SpectrogramComponent.Config() {
            @Override
            public int threads() {
                return threads;
            }

            @Override
            public double blockSeconds() {
                return 600;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return SpectrogramComponent.Config.class;
            }
        };
    }
}
