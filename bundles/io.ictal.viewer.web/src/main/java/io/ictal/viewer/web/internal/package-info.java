/** Ictal's reference web viewer: a host of the viewer SPI served through the OSGi HTTP Whiteboard. Private. */
package io.ictal.viewer.web.internal;
