package dk.flyt.porting.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "port_out_transition")
public class PortOutTransitionEntity extends Transition {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "port_out_id")
    public PortOutEntity portOut;
}
