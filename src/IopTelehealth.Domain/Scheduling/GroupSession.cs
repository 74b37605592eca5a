namespace IopTelehealth.Domain.Scheduling;

public enum GroupSessionStatus
{
    Scheduled = 0,
    Cancelled = 1,
}

/// <summary>One meeting of a group. Times are instants (UTC); <see cref="LocalDate"/> is the date in the schedule's zone.</summary>
public sealed class GroupSession
{
    public const int TopicMaxLength = Schedule.TopicMaxLength;

    private GroupSession() { }

    public GroupSession(Guid id, Guid clinicId, Guid groupId, Guid? scheduleId, SessionSlot slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        Id = id;
        ClinicId = clinicId;
        GroupId = groupId;
        ScheduleId = scheduleId;
        Reschedule(slot);
        Status = GroupSessionStatus.Scheduled;
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public Guid GroupId { get; private set; }

    /// <summary>The schedule that generated this session; null for a one-off session.</summary>
    public Guid? ScheduleId { get; private set; }

    public DateOnly LocalDate { get; private set; }

    public DateTimeOffset ScheduledStart { get; private set; }

    public DateTimeOffset ScheduledEnd { get; private set; }

    public string Topic { get; private set; } = "";

    public GroupSessionStatus Status { get; private set; }

    public void Reschedule(SessionSlot slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        if (slot.End <= slot.Start)
        {
            throw new DomainRuleException(nameof(ScheduledEnd), "A session must end after it starts.");
        }

        var topic = Guard.Text(slot.Topic, nameof(Topic), TopicMaxLength);
        LocalDate = slot.LocalDate;
        ScheduledStart = slot.Start.ToUniversalTime();
        ScheduledEnd = slot.End.ToUniversalTime();
        Topic = topic;
    }

    public void Cancel() => Status = GroupSessionStatus.Cancelled;
}

/// <summary>A concrete occurrence produced by expanding a schedule.</summary>
public sealed record SessionSlot(DateOnly LocalDate, DateTimeOffset Start, DateTimeOffset End, string Topic);
