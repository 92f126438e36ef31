package io.ictal.simulator;

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
    List<SimulatedSeizure> write(SimulationSpec spec, Path file) throws IOException;
}
