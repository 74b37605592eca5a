namespace IopTelehealth.Domain.Attendance;

/// <summary>The therapist's sign-off of a session's attendance: from then on every change is an <see cref="AttendanceAmendment"/>.</summary>
public sealed class SessionSignOff
{
    private SessionSignOff() { }

    public SessionSignOff(Guid sessionId, Guid byUserId, DateTimeOffset at)
    {
        SessionId = sessionId;
        ByUserId = byUserId;
        At = at.ToUniversalTime();
    }

    public Guid SessionId { get; private set; }

    public Guid ByUserId { get; private set; }

    public DateTimeOffset At { get; private set; }
}

/// <summary>A therapist's decision that a patient's absence from one session is excused (or no longer is).</summary>
public sealed class AttendanceExcuse
{
    public const int ReasonMaxLength = 500;

    private AttendanceExcuse() { }

    public AttendanceExcuse(Guid sessionId, Guid patientUserId, string reason, Guid byUserId, DateTimeOffset at)
    {
        SessionId = sessionId;
        PatientUserId = patientUserId;
        Change(true, reason, byUserId, at);
    }

    public Guid SessionId { get; private set; }

    public Guid PatientUserId { get; private set; }

    public bool Excused { get; private set; }

    public string Reason { get; private set; } = "";

    public Guid ByUserId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public void Change(bool excused, string reason, Guid byUserId, DateTimeOffset at)
    {
        Excused = excused;
        Reason = Guard.Text(reason, nameof(Reason), ReasonMaxLength);
        ByUserId = byUserId;
        At = at.ToUniversalTime();
    }
}

/// <summary>A change made after sign-off: what changed, why, by whom and when. Append-only.</summary>
public sealed class AttendanceAmendment
{
    public const int KindMaxLength = 32;

    private AttendanceAmendment() { }

    public AttendanceAmendment(Guid id, Guid sessionId, Guid patientUserId, string kind, string reason, Guid byUserId, DateTimeOffset at)
    {
        Id = id;
        SessionId = sessionId;
        PatientUserId = patientUserId;
        Kind = Guard.Text(kind, nameof(Kind), KindMaxLength);
        Reason = Guard.Text(reason, nameof(Reason), AttendanceExcuse.ReasonMaxLength);
        ByUserId = byUserId;
        At = at.ToUniversalTime();
    }

    public Guid Id { get; private set; }

    public Guid SessionId { get; private set; }

    public Guid PatientUserId { get; private set; }

    /// <summary>"excused" or "unexcused".</summary>
    public string Kind { get; private set; } = "";

    public string Reason { get; private set; } = "";

    public Guid ByUserId { get; private set; }

    public DateTimeOffset At { get; private set; }
}
