/**
 * The review queue: every detection becomes a {@link io.ictal.api.review.ReviewItem} that a
 * reviewer confirms, rejects or edits; {@link io.ictal.api.review.ReviewExporter}s write reviewed
 * items in the formats other tools read.
 */
@Export
@Version("1.0.0")
package io.ictal.api.review;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
