package io.ictal.review.internal.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** SIGKILL during writes on the default embedded H2 file database. */
class H2KillDuringWritesTest extends KillDuringWritesContract {

    @TempDir
    Path dir;

    @Override
    String[] connection() {
        return new String[] {Database.embeddedH2Url(dir), "", ""};
    }
}
