namespace IopTelehealth.Domain.Attendance;

public enum FollowUpStatus
{
    Open = 0,
    Closed = 1,
}

/// <summary>
/// Outreach owed to a patient who missed a session without an excuse, for the group's therapists. After the program's
/// number of consecutive misses the task is <see cref="Escalated"/> to the clinic's admins.
/// </summary>
public sealed class FollowUpTask
{
    public const int OutcomeMaxLength = 1000;

    private readonly List<FollowUpContact> _contacts = [];

    private FollowUpTask() { }

    public FollowUpTask(Guid id, Guid clinicId, Guid groupId, Guid sessionId, Guid patientUserId, int consecutiveMisses, int escalateAfter, DateTimeOffset createdAt)
    {
        Id = id;
        ClinicId = clinicId;
        GroupId = groupId;
        SessionId = sessionId;
        PatientUserId = patientUserId;
        ConsecutiveMisses = consecutiveMisses;
        Escalated = consecutiveMisses >= escalateAfter;
        CreatedAt = createdAt.ToUniversalTime();
        Status = FollowUpStatus.Open;
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public Guid GroupId { get; private set; }

    public Guid SessionId { get; private set; }

    public Guid PatientUserId { get; private set; }

    /// <summary>Sessions in a row (this one included) the patient missed without an excuse.</summary>
    public int ConsecutiveMisses { get; private set; }

    public bool Escalated { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public FollowUpStatus Status { get; private set; }

    public string? Outcome { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public Guid? ClosedByUserId { get; private set; }

    public IReadOnlyList<FollowUpContact> Contacts => _contacts;

    public FollowUpContact AddContact(Guid id, string method, string note, Guid byUserId, DateTimeOffset at)
    {
        if (Status == FollowUpStatus.Closed)
        {
            throw new DomainRuleException(nameof(Status), "This follow-up is closed.");
        }

        var contact = new FollowUpContact(id, Id, method, note, byUserId, at);
        _contacts.Add(contact);
        return contact;
    }

    public void Close(string outcome, Guid byUserId, DateTimeOffset at)
    {
        if (Status == FollowUpStatus.Closed)
        {
            throw new DomainRuleException(nameof(Status), "This follow-up is already closed.");
        }

        Outcome = Guard.Text(outcome, nameof(Outcome), OutcomeMaxLength);
        Status = FollowUpStatus.Closed;
        ClosedAt = at.ToUniversalTime();
        ClosedByUserId = byUserId;
    }
}

/// <summary>One attempt to reach the patient (PHI: shown to the clinic's staff only, never logged).</summary>
public sealed class FollowUpContact
{
    public const int NoteMaxLength = 1000;
    public static readonly IReadOnlyList<string> Methods = ["phone", "text", "email", "in-person", "other"];

    private FollowUpContact() { }

    internal FollowUpContact(Guid id, Guid taskId, string method, string note, Guid byUserId, DateTimeOffset at)
    {
        if (!Methods.Contains(method))
        {
            throw new DomainRuleException(nameof(Method), "Method must be phone, text, email, in-person or other.");
        }

        Id = id;
        TaskId = taskId;
        Method = method;
        Note = Guard.Text(note, nameof(Note), NoteMaxLength);
        ByUserId = byUserId;
        At = at.ToUniversalTime();
    }

    public Guid Id { get; private set; }

    public Guid TaskId { get; private set; }

    public string Method { get; private set; } = "";

    public string Note { get; private set; } = "";

    public Guid ByUserId { get; private set; }

    public DateTimeOffset At { get; private set; }
}
