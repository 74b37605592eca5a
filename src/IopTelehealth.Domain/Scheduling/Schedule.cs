namespace IopTelehealth.Domain.Scheduling;

/// <summary>
/// A recurring meeting pattern for a group: days of week at a local wall-clock time in an IANA zone,
/// between two dates. It is expanded into <see cref="GroupSession"/> rows by <see cref="ScheduleExpander"/>.
/// </summary>
public sealed class Schedule
{
    public const int MaxSpanDays = 366;
    public const int TopicMaxLength = 120;
    public const int MaxTopics = 60;

    private Schedule() { }

    public Schedule(Guid id, Guid clinicId, Guid groupId, ScheduleRule rule, IEnumerable<string> topics)
    {
        Id = id;
        ClinicId = clinicId;
        GroupId = groupId;
        Change(rule, topics);
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public Guid GroupId { get; private set; }

    public WeekDays Days { get; private set; }

    public TimeOnly StartTime { get; private set; }

    public int DurationMinutes { get; private set; }

    public string TimeZoneId { get; private set; } = "";

    public DateOnly StartDate { get; private set; }

    public DateOnly EndDate { get; private set; }

    /// <summary>The agenda: session n takes topic n modulo the list.</summary>
    public List<string> Topics { get; private set; } = [];

    public ScheduleRule Rule => new(Days, StartTime, DurationMinutes, TimeZoneId, StartDate, EndDate);

    public void Change(ScheduleRule rule, IEnumerable<string> topics)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(topics);
        if (rule.Days == WeekDays.None || (rule.Days & ~(WeekDays)127) != 0)
        {
            throw new DomainRuleException(nameof(Days), "Days must name at least one day of the week.");
        }

        Guard.Range(rule.DurationMinutes, nameof(DurationMinutes), 15, 12 * 60);
        Guard.TimeZone(rule.TimeZoneId, nameof(TimeZoneId));
        if (rule.EndDate < rule.StartDate)
        {
            throw new DomainRuleException(nameof(EndDate), "EndDate must not be before StartDate.");
        }

        if (rule.EndDate.DayNumber - rule.StartDate.DayNumber > MaxSpanDays)
        {
            throw new DomainRuleException(nameof(EndDate), $"A schedule spans at most {MaxSpanDays} days.");
        }

        var cleaned = topics.Select(t => t?.Trim() ?? "").Where(t => t.Length > 0).ToList();
        if (cleaned.Count > MaxTopics || cleaned.Any(t => t.Length > TopicMaxLength))
        {
            throw new DomainRuleException(nameof(Topics), $"At most {MaxTopics} topics of at most {TopicMaxLength} characters each.");
        }

        Days = rule.Days;
        StartTime = rule.StartTime;
        DurationMinutes = rule.DurationMinutes;
        TimeZoneId = rule.TimeZoneId.Trim();
        StartDate = rule.StartDate;
        EndDate = rule.EndDate;
        Topics = cleaned.Count > 0 ? cleaned : [.. SessionTopics.Default];
    }
}

public sealed record ScheduleRule(WeekDays Days, TimeOnly StartTime, int DurationMinutes, string TimeZoneId, DateOnly StartDate, DateOnly EndDate);
