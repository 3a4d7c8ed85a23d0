package org.gridguard.disinfection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.common.Cursor;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.Rows;
import org.gridguard.disinfection.DisinfectionRules.Slot;
import org.gridguard.disinfection.DisinfectionViews.DisinfectionDayView;
import org.gridguard.disinfection.DisinfectionViews.NewRound;
import org.gridguard.disinfection.DisinfectionViews.PlaceKind;
import org.gridguard.disinfection.DisinfectionViews.DisinfectionRoundView;
import org.gridguard.disinfection.DisinfectionViews.SlotStatus;
import org.gridguard.disinfection.DisinfectionViews.SlotView;
import org.gridguard.security.Caller;

/**
 * Disinfection rounds: a round recorded at a place in the caller's reach (once per Idempotency-Key: the phone's queue
 * retries), the list of rounds, and a day's slots per schedule (done, missed, due, upcoming).
 */
@ApplicationScoped
public class RoundService {

    /** A round may be recorded this far ahead of the server's clock (a phone's clock runs a little fast). */
    static final Duration SKEW = Duration.ofMinutes(5);

    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    Idempotency idempotency;
    @Inject
    DisinfectionRepository repo;
    @Inject
    ScheduleService schedules;

    @Transactional
    public Idempotency.Outcome<DisinfectionRoundView> create(NewRound req, String key) {
        return idempotency.once(caller.name(), key, "DISINFECTION_ROUND", req, DisinfectionRoundView.class, () -> {
            DisinfectionRepository.Place place = schedules.place(req.placeKind(), req.placeId());
            if (req.scheduleId() != null) {
                DisinfectionSchedule s = org.gridguard.common.ApiProblem.outOfReachIsMissing("Disinfection schedule",
                        () -> repo.visible(req.scheduleId()));
                if (s.placeKind != place.kind() || !s.placeId.equals(place.id())) {
                    throw ScheduleService.refused("scheduleId", "the schedule is another place's");
                }
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Instant doneAt = req.doneAt() == null ? now : req.doneAt().toInstant().truncatedTo(ChronoUnit.MICROS);
            if (doneAt.isAfter(now.plus(SKEW))) {
                throw ScheduleService.refused("doneAt", "is in the future");
            }
            DisinfectionRoundView r = new DisinfectionRoundView(UUID.randomUUID(), place.kind(), place.id(), place.name(), place.areaId(),
                    req.scheduleId(), doneAt, req.areaM2(), req.agent().trim(), req.concentrationMgL(),
                    ScheduleService.blankIsNull(req.note()), caller.name(), now);
            repo.insertRound(r, place.communityId());
            return new Idempotency.Outcome<>(r, r.id(), false);
        });
    }

    @Transactional
    public DisinfectionRoundView get(UUID id) {
        return repo.visibleRound(id);
    }

    @Transactional
    public Page<DisinfectionRoundView> list(PlaceKind kind, UUID placeId, UUID areaId, LocalDate from, LocalDate to, String cursor,
            Integer limit) {
        int lim = Cursor.limit(limit);
        List<String> c = Cursor.decodeAtAndId(cursor);
        String area = areaId == null ? null : repo.visibleArea(areaId);
        var f = new DisinfectionRepository.RoundFilter(area, kind, placeId,
                from == null ? null : from.atStartOfDay(clock.getZone()).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
        return Page.of(repo.rounds(f, Cursor.at(c), Cursor.id(c), lim + 1), lim,
                r -> Cursor.encode(r.doneAt().toString(), r.id().toString()));
    }

    /** The slots of {@code day} (default today) of the schedules in reach alive that day, by place name. */
    @Transactional
    public Page<DisinfectionDayView> day(LocalDate day, UUID areaId, String cursor, Integer limit) {
        int lim = Cursor.limit(limit);
        List<String> c = Cursor.decode(cursor, 2);
        LocalDate d = day == null ? LocalDate.now(clock) : day;
        Instant start = d.atStartOfDay(clock.getZone()).toInstant();
        Instant end = d.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        String area = areaId == null ? null : repo.visibleArea(areaId);
        var f = new DisinfectionRepository.Filter(area, null, null, true, start, end);
        List<Object[]> rows = repo.schedules(f, c == null ? null : c.get(0), c == null ? null : Cursor.uuid(c.get(1)),
                lim + 1);
        Duration margin = Duration.ofMinutes(DisinfectionRules.MAX_TOLERANCE);
        Map<UUID, List<Object[]>> rounds = new HashMap<>();
        for (Object[] r : repo.roundTimes(rows.stream().map(r -> (UUID) r[2]).toArray(UUID[]::new), start.minus(margin),
                end.plus(margin))) {
            rounds.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(r);
        }
        Instant now = clock.instant();
        List<DisinfectionDayView> views = rows.stream().map(r -> dayView(r, d, rounds.getOrDefault((UUID) r[2], List.of()), now))
                .toList();
        return Page.of(views, lim, v -> Cursor.encode(v.placeName(), v.scheduleId().toString()));
    }

    private DisinfectionDayView dayView(Object[] r, LocalDate d, List<Object[]> rounds, Instant now) {
        List<SlotView> slots = new ArrayList<>();
        for (Slot s : DisinfectionRules.slotsOn(d, DisinfectionRules.split((String) r[6]), ((Number) r[7]).intValue(),
                clock.getZone())) {
            if (!DisinfectionRules.owed(s, Rows.instant(r[12]), Rows.instant(r[10]))) {
                continue;
            }
            UUID round = rounds.stream().filter(x -> DisinfectionRules.inWindow(s, Rows.instant(x[2]))).map(x -> (UUID) x[1])
                    .findFirst().orElse(null);
            slots.add(new SlotView(s.at(), s.start(), s.end(),
                    SlotStatus.valueOf(DisinfectionRules.status(s, round != null, now).name()), round));
        }
        return new DisinfectionDayView((UUID) r[0], PlaceKind.valueOf((String) r[1]), (UUID) r[2], (String) r[3], (UUID) r[4], slots);
    }
}
