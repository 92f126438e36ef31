/**
 * The EEG simulator: deterministic, seeded recordings with known seizures, for tests, the demo,
 * training and long-recording evaluation. One simulator serves them all (the training pipeline runs
 * {@code io.ictal.simulator.internal.SimulatorMain} rather than keeping a second copy in Python).
 */
@Export
@Version("1.2.0")
package io.ictal.simulator;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
