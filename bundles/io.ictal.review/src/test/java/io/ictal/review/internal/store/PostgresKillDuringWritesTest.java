package io.ictal.review.internal.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** SIGKILL during writes on a real PostgreSQL server (see {@link PostgresDatabases}). */
class PostgresKillDuringWritesTest extends KillDuringWritesContract {

    private String schema;

    @BeforeEach
    void createSchema() {
        schema = PostgresDatabases.createSchema();
    }

    @AfterEach
    void dropSchema() {
        if (schema != null) {
            PostgresDatabases.dropSchema(schema);
        }
    }

    @Override
    String[] connection() {
        return new String[] {PostgresDatabases.url(schema), PostgresDatabases.USER, PostgresDatabases.PASSWORD};
    }
}
