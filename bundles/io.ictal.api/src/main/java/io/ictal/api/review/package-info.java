/**
 * The review queue: every detection becomes a {@link io.ictal.api.review.ReviewItem} that a
 * reviewer confirms, rejects or edits ({@link io.ictal.api.review.ReviewQueue#decide}, optimistic
 * concurrency: a conflict is a {@link io.ictal.api.review.ReviewConflictException}, never a silent
 * loss); {@link io.ictal.api.review.ReviewClustering} groups similar pending items so that one
 * decision covers many; {@link io.ictal.api.review.ReviewExporter}s write reviewed items in the
 * formats other tools read and {@link io.ictal.api.review.ReviewExports} writes them into a folder.
 */
@Export
@Version("1.0.0")
package io.ictal.api.review;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
