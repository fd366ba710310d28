package dk.flyt.testing;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;

/** What a test may do with the running servers: their addresses, and stopping or starting one. */
public final class Servers {
    public static String kafkaBootstrapServers() {
        return property(TestStack.KAFKA);
    }

    public static String oidcIssuer() {
        return property(TestStack.ISSUER);
    }

    /** A JDBC URL for a database on the test PostgreSQL. */
    public static String jdbcUrl(String database) {
        return property(TestStack.JDBC_BASE) + database;
    }

    public static String createDatabase(String prefix) {
        return (String) invoke("createDatabase", prefix);
    }

    public static void stopKafka() {
        invoke("stop", "kafka");
    }

    public static void startKafka() {
        invoke("start", "kafka");
    }

    public static void stopPostgres() {
        invoke("stop", "postgresql");
    }

    public static void startPostgres() {
        invoke("start", "postgresql");
    }

    private static Object invoke(String operation, String argument) {
        TestStack.ensureStarted();
        try {
            return ManagementFactory.getPlatformMBeanServer()
                    .invoke(new ObjectName(TestStack.MBEAN), operation, new Object[] {argument}, new String[] {
                        String.class.getName()
                    });
        } catch (JMException e) {
            throw new IllegalStateException(operation + " " + argument + " failed", e);
        }
    }

    private static String property(String key) {
        TestStack.ensureStarted();
        String value = System.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(key + " is not set: the test stack did not start");
        }
        return value;
    }

    private Servers() {}
}
