package dk.flyt.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/** Installs {@link ContractCalls} in every {@code @QuarkusTest}, in the class loader the test's REST Assured runs in. */
public class ContractCallsInstaller implements QuarkusTestBeforeEachCallback {
    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        ContractCalls.install();
    }
}
