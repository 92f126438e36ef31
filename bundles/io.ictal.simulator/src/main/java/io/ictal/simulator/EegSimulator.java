package io.ictal.simulator;

import io.ictal.api.recording.Annotation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Generates simulated EEG recordings with known seizures. Registered as an OSGi service; thread-safe.
 */
@ProviderType
public interface EegSimulator {

    /**
     * The seizures a spec produces, without generating samples (the same list {@link #write} returns).
     *
     * @throws IllegalArgumentException an electrode is not a 10-20 electrode, or an explicit seizure's
     *     focus is not one of the spec's electrodes
     */
    List<SimulatedSeizure> plan(SimulationSpec spec);

    /**
     * Writes the recording as EDF+C ({@code file} is replaced), streaming one second at a time so that
     * memory stays bounded for any length. Each seizure is an annotation {@code seizure} with its
     * duration, at its onset.
     *
     * @return the seizures written (the ground truth)
     * @throws IllegalArgumentException as {@link #plan}
     * @throws IOException writing failed
     */
    default List<SimulatedSeizure> write(SimulationSpec spec, Path file) throws IOException {
        return write(spec, file, List.of());
    }

    /**
     * As {@link #write(SimulationSpec, Path)}, with further annotations (e.g. {@code Video start} at the
     * recording time of a simulated video's first frame).
     *
     * @param notes annotations written besides the seizures' (onsets within the recording)
     * @throws IllegalArgumentException as {@link #plan}, or a note's onset is outside the recording
     */
    List<SimulatedSeizure> write(SimulationSpec spec, Path file, List<Annotation> notes) throws IOException;
}
