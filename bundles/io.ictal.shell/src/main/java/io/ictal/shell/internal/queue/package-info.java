/**
 * {@code ictal:queue}, {@code ictal:queue-export}, {@code ictal:queue-decide}: the review queue for
 * admins ({@code bin/ictal queue ...}).
 */
package io.ictal.shell.internal.queue;
