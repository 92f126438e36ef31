/** Ictal's analysis workflow: the viewer SPI's MarkerProvider over every RecordingClassifier. Private. */
package io.ictal.workflow.internal;
