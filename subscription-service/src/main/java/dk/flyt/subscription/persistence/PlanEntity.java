package dk.flyt.subscription.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "plan")
public class PlanEntity {
    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String type;

    @Column(name = "monthly_price_ore", nullable = false)
    public long monthlyPriceOre;

    @Column(name = "streaming_included", nullable = false)
    public boolean streamingIncluded;

    @Column(nullable = false)
    public boolean basic;

    @Column(name = "data_gb")
    public Integer dataGb;

    @Version
    public long version;
}
