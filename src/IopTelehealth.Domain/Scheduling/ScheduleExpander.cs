namespace IopTelehealth.Domain.Scheduling;

/// <summary>
/// Turns a recurring rule into concrete sessions. Sessions keep their local wall-clock start across DST changes
/// (18:00 stays 18:00 while the UTC instant moves); durations are elapsed time.
/// </summary>
public static class ScheduleExpander
{
    public static IReadOnlyList<SessionSlot> Expand(ScheduleRule rule, IReadOnlyList<string> topics)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(topics);
        var agenda = topics.Count > 0 ? topics : SessionTopics.Default;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(rule.TimeZoneId);
        var slots = new List<SessionSlot>();
        for (var date = rule.StartDate; date <= rule.EndDate; date = date.AddDays(1))
        {
            if (!rule.Days.Contains(date.DayOfWeek))
            {
                continue;
            }

            var start = ToInstant(date.ToDateTime(rule.StartTime), zone);
            slots.Add(new SessionSlot(date, start, start.AddMinutes(rule.DurationMinutes), agenda[slots.Count % agenda.Count]));
        }

        return slots;
    }

    /// <summary>
    /// The instant of a wall-clock time in a zone. A time inside a spring-forward gap moves forward by the gap
    /// (02:30 becomes 03:30, as calendar applications do); a time repeated at fall-back takes its first occurrence.
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime wallClock, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
        {
            // Reading the skipped wall time with the offset in force before the gap lands after it.
            offset = zone.GetUtcOffset(local.AddHours(-3));
        }
        else if (zone.IsAmbiguousTime(local))
        {
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }

        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>
    /// What to change in the stored sessions of a schedule after the schedule changed. Sessions that have started are
    /// history and stay; future sessions follow the rule, keeping their ids where their date still has a slot.
    /// Past slots are never created: a session nobody could attend would count as an absence.
    /// </summary>
    public static SessionPlanChanges Reconcile(IReadOnlyCollection<GroupSession> existing, IReadOnlyList<SessionSlot> slots, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(slots);
        var future = existing.Where(s => s.ScheduledStart > now).ToDictionary(s => s.LocalDate);
        var started = existing.Where(s => s.ScheduledStart <= now).Select(s => s.LocalDate).ToHashSet();
        var add = new List<SessionSlot>();
        var update = new List<SessionUpdate>();
        foreach (var slot in slots)
        {
            // A past slot must not move a future session into the past either; that session is removed below.
            if (slot.Start <= now)
            {
                continue;
            }

            if (future.Remove(slot.LocalDate, out var session))
            {
                update.Add(new SessionUpdate(session, slot));
            }
            else if (!started.Contains(slot.LocalDate))
            {
                add.Add(slot);
            }
        }

        return new SessionPlanChanges(add, update, [.. future.Values]);
    }
}

public sealed record SessionUpdate(GroupSession Session, SessionSlot Slot);

public sealed record SessionPlanChanges(IReadOnlyList<SessionSlot> ToAdd, IReadOnlyList<SessionUpdate> ToUpdate, IReadOnlyList<GroupSession> ToRemove);
