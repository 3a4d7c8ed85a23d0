package org.gridguard.duty.person;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.gridguard.duty.DutyRules;

/** Someone who stands duty: a grid worker with a login, or a volunteer or sent-down cadre without one. */
@Entity
@Table(name = "duty_person")
@SuppressWarnings("unused")
public class DutyPerson extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "community_id")
    public UUID communityId;
    public String username;
    public String name;
    /** 派出单位 */
    public String unit;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> skills;
    @Column(name = "party_member")
    public boolean partyMember;
    /** Their own grid cell (or zone): where they prefer to stand duty, and whose leaders manage them. */
    @Column(name = "home_area_id")
    public UUID homeAreaId;
    /** ISO days of week off, 1 = Monday. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "days_off")
    public List<Integer> daysOff;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "dates_off")
    public List<String> datesOff;
    /** Daily hours off, "HH:mm-HH:mm". */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "hours_off")
    public List<String> hoursOff;
    /** Preferred shift kinds (NIGHT, DAY, EVENING, CUSTOM); empty = no preference. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "preferred_kinds")
    public List<String> preferredKinds;
    public boolean active;
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public DutyRules.Person rule() {
        java.util.Set<java.time.DayOfWeek> days = new java.util.HashSet<>();
        for (Integer d : daysOff == null ? List.<Integer>of() : daysOff) {
            days.add(java.time.DayOfWeek.of(d));
        }
        java.util.Set<LocalDate> dates = new java.util.HashSet<>();
        for (String d : datesOff == null ? List.<String>of() : datesOff) {
            dates.add(LocalDate.parse(d));
        }
        List<DutyRules.HoursOff> hours = (hoursOff == null ? List.<String>of() : hoursOff).stream()
                .map(DutyRules.HoursOff::parse).toList();
        return new DutyRules.Person(id, name, new java.util.HashSet<>(skills == null ? List.of() : skills), days, dates,
                hours);
    }
}
