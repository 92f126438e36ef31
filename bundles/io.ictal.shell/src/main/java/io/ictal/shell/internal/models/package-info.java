/** {@code ictal:models}: what the inference runtime serves, keeps on standby and rejected. */
package io.ictal.shell.internal.models;
