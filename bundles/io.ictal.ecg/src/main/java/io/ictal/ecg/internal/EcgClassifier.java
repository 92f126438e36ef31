package io.ictal.ecg.internal;

import io.ictal.api.detection.Classification;
import io.ictal.api.detection.ClassificationException;
import io.ictal.api.detection.ClassificationListener;
import io.ictal.api.detection.RecordingClassifier;
import io.ictal.api.model.ModelCard;
import io.ictal.api.model.ModelException;
import io.ictal.api.model.ModelLease;
import io.ictal.api.model.ModelRegistry;
import io.ictal.api.recording.ChannelType;
import io.ictal.api.recording.Recording;
import io.ictal.api.recording.RecordingHeader;
import io.ictal.api.recording.SignalInfo;
import io.ictal.api.spectrogram.SpectrogramService;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The ECG arrhythmia classifier: on the recording's first ECG/EKG channel it detects R peaks,
 * classifies every beat (AAMI N, S, V, F) with the active model of task {@value #BEAT_TASK} and every
 * 10 s window (CinC 2017 N, A, O) with the active model of task {@value #RHYTHM_TASK}, and reports
 * atrial-fibrillation episodes, runs of supraventricular and ventricular ectopic beats, and trends
 * (ectopic beats per hour, heart rate, AF probability). Both models are leased per run, so a model
 * swapped in meanwhile serves the next run.
 */
@Component(service = RecordingClassifier.class, configurationPid = EcgClassifier.PID,
        property = RecordingClassifier.TASK + "=" + ModelCard.TASK_ECG_ARRHYTHMIA)
@Designate(ocd = EcgClassifier.Config.class)
public final class EcgClassifier implements RecordingClassifier {

    static final String PID = "io.ictal.ecg";
    /** The beat model's task: the classifier's own task. */
    static final String BEAT_TASK = ModelCard.TASK_ECG_ARRHYTHMIA;
    /** The rhythm model's task: a second model, swapped independently of the beat model. */
    static final String RHYTHM_TASK = "ecg-rhythm";
    /** The RR gate of AF episodes printed by training/ecg/af_eval.py (see the training README). */
    static final double DEFAULT_AF_MIN_RR_IRREGULARITY = 0.095;
    /** Below this rate the QRS band (up to ~40 Hz) is not resolved. */
    static final double MIN_RATE_HZ = 100;

    @ObjectClassDefinition(name = "Ictal ECG arrhythmia classifier",
            description = "Post-processing of the beat and rhythm models on the EKG channel")
    public @interface Config {
        @AttributeDefinition(description = "Seconds of signal read at a time for R-peak detection (>= 200: the "
                + "beat model's RR features look 150 s ahead)")
        double chunk_seconds() default 300;

        @AttributeDefinition(description = "Shortest atrial-fibrillation episode reported, seconds (30 s is the "
                + "clinical convention)")
        double af_min_seconds() default 30;

        @AttributeDefinition(description = "An AF episode opens when the smoothed AF probability reaches the "
                + "model card's threshold for A and stays open while it is at least this")
        double af_off_probability() default 0.25;

        @AttributeDefinition(description = "AF episodes less than this many seconds apart are reported as one")
        double af_merge_gap_seconds() default 30;

        @AttributeDefinition(description = "An AF episode is reported only when the median absolute successive "
                + "RR difference over the mean RR across it reaches this (AF is irregularly irregular; the "
                + "default is chosen on the CinC 2017 A records by training/ecg/af_eval.py)")
        double af_min_rr_irregularity() default DEFAULT_AF_MIN_RR_IRREGULARITY;

        @AttributeDefinition(description = "Fewest consecutive S (or V) beats reported as a run")
        int run_min_beats() default 3;

        @AttributeDefinition(description = "Beats or windows per model call")
        int batch_size() default 256;

        @AttributeDefinition(description = "Spacing of the trend values (ectopic beats per hour, heart rate), seconds")
        double trend_step_seconds() default 300;
    }

    private final ModelRegistry registry;
    private final SpectrogramService spectrograms;
    private final Settings settings;

    @Activate
    public EcgClassifier(@Reference ModelRegistry registry, @Reference SpectrogramService spectrograms,
            Config config) {
        this(registry, spectrograms, Settings.of(config));
    }

    EcgClassifier(ModelRegistry registry, SpectrogramService spectrograms, Settings settings) {
        this.registry = registry;
        this.spectrograms = spectrograms;
        this.settings = settings;
    }

    @Override
    public String task() {
        return ModelCard.TASK_ECG_ARRHYTHMIA;
    }

    @Override
    public boolean appliesTo(RecordingHeader header) {
        return ecgChannel(header).isPresent();
    }

    /** The first ECG/EKG signal with a usable rate. */
    static Optional<SignalInfo> ecgChannel(RecordingHeader header) {
        return header.dataSignals().stream()
                .filter(s -> s.type() == ChannelType.ECG && s.samplingRateHz() >= MIN_RATE_HZ)
                .findFirst();
    }

    @Override
    public Classification classify(Recording recording, ClassificationListener listener)
            throws ClassificationException, IOException {
        SignalInfo ecg = ecgChannel(recording.header()).orElseThrow(() -> new ClassificationException(
                recording.file().getFileName() + ": no ECG/EKG channel sampled at >= " + MIN_RATE_HZ
                        + " Hz; signals are " + recording.header().dataSignals().stream()
                                .map(s -> s.label() + " (" + s.type() + ", " + s.samplingRateHz() + " Hz)").toList()));
        try (ModelLease beat = lease(BEAT_TASK); ModelLease rhythm = lease(RHYTHM_TASK)) {
            HeadContract beatHead = HeadContract.of(beat.model().card(), RrFeatures.BEAT, List.of("N", "S", "V"));
            HeadContract rhythmHead = HeadContract.of(rhythm.model().card(), RrFeatures.RHYTHM, List.of("A"));
            return new EcgRun(recording, ecg, beat.model(), beatHead, rhythm.model(), rhythmHead, spectrograms,
                    settings, listener).run();
        }
    }

    private ModelLease lease(String task) throws ClassificationException {
        try {
            return registry.lease(task);
        } catch (ModelException e) {
            throw new ClassificationException("no model for task " + task + ": " + e.getMessage()
                    + " (install the io.ictal.model.ecg bundle)", e);
        }
    }

    /** The configuration, validated. */
    record Settings(double chunkSeconds, double afMinSeconds, double afOffProbability, double afMergeGapSeconds,
            double afMinRrIrregularity, int runMinBeats, int batchSize, double trendStepSeconds) {

        Settings {
            if (!(chunkSeconds >= 200) || Double.isInfinite(chunkSeconds)) {
                throw new IllegalArgumentException(PID + ": chunk.seconds must be finite and >= 200, was "
                        + chunkSeconds);
            }
            if (!(afMinSeconds >= 0) || Double.isInfinite(afMinSeconds)) {
                throw new IllegalArgumentException(PID + ": af.min.seconds must be finite and >= 0, was "
                        + afMinSeconds);
            }
            if (!(afOffProbability >= 0 && afOffProbability <= 1)) {
                throw new IllegalArgumentException(PID + ": af.off.probability must be in [0, 1], was "
                        + afOffProbability);
            }
            if (!(afMergeGapSeconds >= 0) || Double.isInfinite(afMergeGapSeconds)) {
                throw new IllegalArgumentException(PID + ": af.merge.gap.seconds must be finite and >= 0, was "
                        + afMergeGapSeconds);
            }
            if (!(afMinRrIrregularity >= 0) || Double.isInfinite(afMinRrIrregularity)) {
                throw new IllegalArgumentException(PID + ": af.min.rr.irregularity must be finite and >= 0, was "
                        + afMinRrIrregularity);
            }
            if (runMinBeats < 2) {
                throw new IllegalArgumentException(PID + ": run.min.beats must be >= 2, was " + runMinBeats);
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException(PID + ": batch.size must be >= 1, was " + batchSize);
            }
            if (!(trendStepSeconds >= 10) || Double.isInfinite(trendStepSeconds)) {
                throw new IllegalArgumentException(PID + ": trend.step.seconds must be finite and >= 10, was "
                        + trendStepSeconds);
            }
        }

        static Settings of(Config c) {
            return new Settings(c.chunk_seconds(), c.af_min_seconds(), c.af_off_probability(),
                    c.af_merge_gap_seconds(), c.af_min_rr_irregularity(), c.run_min_beats(), c.batch_size(),
                    c.trend_step_seconds());
        }

        static Settings defaults() {
            return new Settings(300, 30, 0.25, 30, DEFAULT_AF_MIN_RR_IRREGULARITY, 3, 256, 300);
        }
    }
}
