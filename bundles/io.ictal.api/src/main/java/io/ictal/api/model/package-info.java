/**
 * Ictal's model contract: what a model bundle promises ({@link io.ictal.api.model.ModelCard}) and
 * how classifiers run it ({@link io.ictal.api.model.ModelRegistry}, {@link io.ictal.api.model.Model}).
 * Classifiers see float tensors only, never the inference engine's types, so that the engine can be
 * upgraded, or swapped for its GPU build, without touching a classifier.
 */
@Export
@Version("1.0.0")
package io.ictal.api.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
