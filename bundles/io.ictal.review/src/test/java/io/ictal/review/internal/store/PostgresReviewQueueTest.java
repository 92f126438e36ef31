package io.ictal.review.internal.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The queue on a real PostgreSQL server (see {@link PostgresDatabases} for which one). */
class PostgresReviewQueueTest extends ReviewQueueContract {

    private String schema;

    @BeforeEach
    void createSchema() {
        schema = PostgresDatabases.createSchema();
    }

    @AfterEach
    void dropSchema() {
        if (schema != null) {
            closeQueues();
            PostgresDatabases.dropSchema(schema);
        }
    }

    @Override
    Database database() {
        return new Database(PostgresDatabases.url(schema), PostgresDatabases.USER, PostgresDatabases.PASSWORD);
    }
}
