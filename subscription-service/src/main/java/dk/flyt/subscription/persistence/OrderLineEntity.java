package dk.flyt.subscription.persistence;

import dk.flyt.subscription.domain.LineStep;
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
@Table(name = "order_line")
public class OrderLineEntity {
    @Id
    public UUID id;

    @Column(nullable = false)
    public int position;

    @Column(name = "plan_code", nullable = false)
    public String planCode;

    @Column(name = "number_kind", nullable = false)
    public String numberKind;

    @Column(nullable = false)
    public String number;

    @Column(name = "donor_iccid")
    public String donorIccid;

    @Column(name = "porting_mode")
    public String portingMode;

    @Column(name = "donor_term_ends_on")
    public LocalDate donorTermEndsOn;

    @Column(name = "sim_kind", nullable = false)
    public String simKind;

    @Column(name = "binding_months", nullable = false)
    public int bindingMonths;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LineStep step;

    @Column(name = "sim_iccid")
    public String simIccid;

    @Column(name = "shipped_on")
    public LocalDate shippedOn;

    @Column(name = "delivered_on")
    public LocalDate deliveredOn;

    @Column(name = "port_in_id")
    public String portInId;

    @Column(name = "port_date")
    public LocalDate portDate;

    @Column(name = "reject_code")
    public String rejectCode;

    @Column(name = "subscription_id")
    public UUID subscriptionId;

    @Version
    public long version;

    public boolean isPortIn() {
        return "PORT_IN".equals(numberKind);
    }
}
