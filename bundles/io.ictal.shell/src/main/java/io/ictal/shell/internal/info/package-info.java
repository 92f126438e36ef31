/** {@code ictal:info}: what a recording file holds (header, signals, segments, annotations, warnings). */
package io.ictal.shell.internal.info;
