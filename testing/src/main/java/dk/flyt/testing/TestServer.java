package dk.flyt.testing;

/**
 * A real server a test talks to. Implementations here start real processes from Maven Central artifacts, since
 * this project's machines have no container engine; a container-backed implementation can sit behind the same
 * interface where one exists.
 */
public interface TestServer {
    String name();

    /** Starts the server, or starts it again after {@link #stop()} with the same address and data. */
    void start();

    /** Stops the server; its data stays for the next {@link #start()}. */
    void stop();

    boolean isRunning();
}
