/**
 * Spectrograms: STFT power spectra of a signal, scaled as {@code scipy.signal.spectrogram(...,
 * scaling='density')}, SeizureNet multi-spectral stacks, Barry et al. RGB images and CSA trends.
 * Parameters are value objects so that a model card's description and the
 * training pipeline produce the same tensors as this service.
 */
@Export
@Version("1.3.0")
package io.ictal.api.spectrogram;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
