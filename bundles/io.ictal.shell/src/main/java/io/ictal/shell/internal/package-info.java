/** Karaf shell commands of Ictal (scope {@code ictal}); one sub-package per command. Not exported. */
package io.ictal.shell.internal;
