package dk.flyt.platform.sql;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Whether a failure is the database being out of reach (a restart, a failover): no connection, or the connection
 * lost (SQLSTATE class 08, or 57P01-57P03 while the server shuts down or starts), found among the causes and the
 * suppressed exceptions (a commit that failed keeps the driver's exception as a suppressed one of the transaction
 * manager's). Such a failure says nothing about the request or the message: the same work succeeds once the
 * database is back. The API answers it with a 503 (ProblemMappers); a consumer waits it out instead of giving the
 * message up (InboxProcessor).
 */
public final class DatabaseUnreachable {
    private DatabaseUnreachable() {}

    public static boolean in(Throwable e) {
        Deque<Throwable> todo = new ArrayDeque<>(List.of(e));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!todo.isEmpty()) {
            Throwable t = todo.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P0")) {
                    return true;
                }
            }
            if (t.getCause() != null) {
                todo.push(t.getCause());
            }
            for (Throwable suppressed : t.getSuppressed()) {
                todo.push(suppressed);
            }
        }
        return false;
    }
}
