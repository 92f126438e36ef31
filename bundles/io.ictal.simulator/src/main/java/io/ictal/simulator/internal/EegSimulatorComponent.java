package io.ictal.simulator.internal;

import io.ictal.api.recording.Annotation;
import io.ictal.api.recording.PatientInfo;
import io.ictal.api.recording.RecordingFormat;
import io.ictal.api.recording.RecordingInfo;
import io.ictal.api.recording.RecordingSpec;
import io.ictal.api.recording.RecordingWriter;
import io.ictal.api.recording.RecordingWriterService;
import io.ictal.api.recording.SignalSpec;
import io.ictal.simulator.EegSimulator;
import io.ictal.simulator.SeizureType;
import io.ictal.simulator.SimulatedSeizure;
import io.ictal.simulator.SimulationSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The simulator service: plans the recording, then streams it through the EDF+ writer one second at a time. */
@Component(service = EegSimulator.class)
public final class EegSimulatorComponent implements EegSimulator {

    /** The annotation text of a true seizure (followed by its type, e.g. {@code seizure ABSZ}, for every type but FOCAL_EVOLVING). */
    public static final String SEIZURE_ANNOTATION = "seizure";

    private static final double EEG_RANGE_UV = 3000;
    private static final double EKG_RANGE_UV = 5000;
    /** A fixed start, so that the same spec gives the same bytes. */
    private static final LocalDateTime START = LocalDateTime.of(2020, 1, 1, 22, 0, 0);

    private final RecordingWriterService writerService;

    @Activate
    public EegSimulatorComponent(@Reference RecordingWriterService writerService) {
        this.writerService = writerService;
    }

    /**
     * The annotation text of a seizure of this type: {@code seizure} for FOCAL_EVOLVING (as before types
     * existed, so that its recordings stay byte-identical), {@code seizure <TUSZ label>} otherwise.
     */
    public static String annotationText(SeizureType type) {
        return type == SeizureType.FOCAL_EVOLVING ? SEIZURE_ANNOTATION : SEIZURE_ANNOTATION + " " + type.code();
    }

    @Override
    public List<SimulatedSeizure> plan(SimulationSpec spec) {
        return Plan.of(spec).truth();
    }

    @Override
    public List<SimulatedSeizure> write(SimulationSpec spec, Path file, List<Annotation> notes) throws IOException {
        for (Annotation note : notes) {
            if (note.onsetSeconds() < 0 || note.onsetSeconds() > spec.durationSeconds()) {
                throw new IllegalArgumentException("annotation '" + note.text() + "' at " + note.onsetSeconds()
                        + " s is outside the recording (0-" + spec.durationSeconds() + " s)");
            }
        }
        Plan plan = Plan.of(spec);
        int rate = spec.samplingRateHz();
        List<SignalSpec> signals = new ArrayList<>();
        for (String electrode : plan.electrodes) {
            signals.add(new SignalSpec("EEG " + electrode + "-REF", "AgAgCl electrode (simulated)", "uV",
                    -EEG_RANGE_UV, EEG_RANGE_UV, -32768, 32767, "simulated", rate));
        }
        if (spec.ekg()) {
            signals.add(new SignalSpec("ECG", "chest electrodes (simulated)", "uV", -EKG_RANGE_UV, EKG_RANGE_UV,
                    -32768, 32767, "simulated", rate));
        }
        RecordingSpec recording = new RecordingSpec(RecordingFormat.EDF_PLUS_C,
                new PatientInfo("", "", "", "", ""),
                new RecordingInfo("", "", "", "", "Ictal EEG simulator seed " + spec.seed()),
                START, 1, signals, RecordingSpec.DEFAULT_ANNOTATION_BYTES);
        SignalGenerator generator = new SignalGenerator(plan, rate, spec.seed(), spec.ekg(), spec.background());
        long seconds = (long) Math.ceil(spec.durationSeconds());
        float[][] block = new float[generator.signalCount()][rate];
        try (RecordingWriter writer = writerService.create(file, recording)) {
            for (SimulatedSeizure s : plan.truth()) {
                writer.annotate(new Annotation(s.onsetSeconds(), s.durationSeconds(), annotationText(s.type()), 0));
            }
            for (Annotation note : notes) {
                writer.annotate(note);
            }
            for (long second = 0; second < seconds; second++) {
                generator.generate(second * rate, block, rate);
                writer.append(block);
            }
        }
        return plan.truth();
    }
}
