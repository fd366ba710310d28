package dk.flyt.testing;

/** The test stack's controls, registered with the platform MBean server so that every class loader reaches them. */
public interface TestServersMBean {
    /** Stops the server named {@code postgresql}, {@code kafka} or {@code oidc}. */
    void stop(String server);

    /** Starts it again, with the same address and data, and waits until it is ready. */
    void start(String server);

    /** Creates a fresh database and returns its name. */
    String createDatabase(String prefix);
}
