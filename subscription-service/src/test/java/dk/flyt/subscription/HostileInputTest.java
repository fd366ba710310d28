package dk.flyt.subscription;

import dk.flyt.testing.FlytTestResource;
import dk.flyt.testing.HostileInputSuite;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import javax.sql.DataSource;

/** The shared hostile-input suite against this service and its database. */
@QuarkusTest
@WithTestResource(FlytTestResource.class)
class HostileInputTest extends HostileInputSuite {
    @Inject
    DataSource dataSource;

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
