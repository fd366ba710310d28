package dk.flyt.messaging.app;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.util.UUID;

/** An aggregate of the test application. */
@Entity
public class Thing {
    @Id
    public UUID id;

    public String name;

    @Version
    public long version;
}
