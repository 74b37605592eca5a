namespace IopTelehealth.Domain.Audit;

/// <summary>
/// One row of the append-only audit log. It names who did what to which record, never the record's content:
/// no names, passwords, tokens or clinical text go here.
/// </summary>
public sealed class AuditEntry
{
    public const int ActionMaxLength = 64;
    public const int TargetMaxLength = 64;
    public const int DetailMaxLength = 256;
    public const int IpMaxLength = 64;

    private AuditEntry() { }

    public AuditEntry(DateTimeOffset at, string action, AuditOutcome outcome, Guid? userId, Guid? clinicId, string? ipAddress,
        string? targetType = null, string? targetId = null, string? detail = null)
    {
        At = at.ToUniversalTime();
        Action = Clip(action, ActionMaxLength) ?? "unknown";
        Outcome = outcome;
        UserId = userId;
        ClinicId = clinicId;
        IpAddress = Clip(ipAddress, IpMaxLength);
        TargetType = Clip(targetType, TargetMaxLength);
        TargetId = Clip(targetId, TargetMaxLength);
        Detail = Clip(detail, DetailMaxLength);
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string Action { get; private set; } = "";

    public AuditOutcome Outcome { get; private set; }

    public Guid? UserId { get; private set; }

    public Guid? ClinicId { get; private set; }

    public string? IpAddress { get; private set; }

    public string? TargetType { get; private set; }

    public string? TargetId { get; private set; }

    /// <summary>A machine-readable reason such as "locked-out" or "role:therapist->admin"; never free text from users.</summary>
    public string? Detail { get; private set; }

    private static string? Clip(string? value, int max) => value is null ? null : value.Length <= max ? value : value[..max];
}

public enum AuditOutcome
{
    Success = 0,
    Failure = 1,
    Denied = 2,
}
