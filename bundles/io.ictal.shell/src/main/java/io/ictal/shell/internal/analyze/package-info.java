/** {@code ictal:analyze}: runs Ictal's analysis workflow on a file, as a viewer would, on a terminal. */
package io.ictal.shell.internal.analyze;
