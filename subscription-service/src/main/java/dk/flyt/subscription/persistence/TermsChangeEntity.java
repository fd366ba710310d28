package dk.flyt.subscription.persistence;

import dk.flyt.subscription.domain.TermsChangeStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "terms_change")
public class TermsChangeEntity {
    @Id
    public UUID id;

    @Column(name = "plan_code", nullable = false)
    public String planCode;

    @Column(name = "old_price_ore", nullable = false)
    public long oldPriceOre;

    @Column(name = "new_price_ore", nullable = false)
    public long newPriceOre;

    @Column(name = "announced_on", nullable = false)
    public LocalDate announcedOn;

    @Column(name = "effective_on", nullable = false)
    public LocalDate effectiveOn;

    @Column(nullable = false)
    public boolean favourable;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TermsChangeStatus status;

    @Column(name = "announced_by", nullable = false)
    public String announcedBy;

    @Version
    public long version;
}
