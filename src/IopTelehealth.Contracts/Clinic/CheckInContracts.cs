namespace IopTelehealth.Contracts.Clinic;

/// <summary>The check-in roster of one session: every enrolled patient by alias, with where they are now.</summary>
public sealed record CheckInRosterDto(Guid SessionId, string GroupName, string Topic, DateTimeOffset ScheduledStart, DateTimeOffset ScheduledEnd,
    string Phase, IReadOnlyList<CheckInPatientDto> Patients);

/// <param name="Status">One of <see cref="CheckInStatuses"/>.</param>
public sealed record CheckInPatientDto(Guid UserId, string Alias, string Status);

/// <summary>What a check-in or check-out did. <see cref="Change"/> is one of <see cref="CheckInChanges"/>.</summary>
public sealed record CheckInResultDto(Guid SessionId, Guid UserId, string Alias, string Change);

/// <summary>The room screen's current code: show <see cref="QrSvg"/> (it encodes <see cref="Url"/>), fetch the next one after the rotation.</summary>
public sealed record CheckInCodeDto(string Url, string QrSvg, DateTimeOffset ExpiresAt, int RotateAfterSeconds);

/// <summary>The session a room device should join now (GET /api/room-device/session).</summary>
public sealed record RoomDeviceSessionDto(Guid SessionId, string GroupName, string Topic, DateTimeOffset ScheduledStart, DateTimeOffset ScheduledEnd);

/// <summary>Body of POST /api/sessions/{id}/check-in/scan.</summary>
public sealed record CheckInScanInput(string? Token);

public static class CheckInStatuses
{
    public const string Absent = "absent";
    public const string Waiting = "waiting";
    public const string Remote = "remote";
    public const string InClinic = "in-clinic";
}

public static class CheckInChanges
{
    public const string CheckedIn = "checked-in";
    public const string SwitchedFromRemote = "switched-from-remote";
    public const string CheckedOut = "checked-out";
}

/// <summary>
/// Hybrid clinic check-in, shared by the HTTP API and the server-rendered pages. A refusal's stable code (docs/hybrid.md)
/// travels in <c>Errors["code"]</c> and, over HTTP, as the problem's "code" member.
/// </summary>
public interface ICheckInApi
{
    /// <summary>Staff, admin or the group's therapist.</summary>
    Task<ApiResult<CheckInRosterDto>> RosterAsync(Guid sessionId, CancellationToken cancellationToken = default);

    Task<ApiResult<CheckInResultDto>> CheckInAsync(Guid sessionId, Guid patientUserId, CancellationToken cancellationToken = default);

    Task<ApiResult<CheckInResultDto>> CheckOutAsync(Guid sessionId, Guid patientUserId, CancellationToken cancellationToken = default);

    /// <summary>A signed-in patient with the code from the room screen: checks in, or out when already in.</summary>
    Task<ApiResult<CheckInResultDto>> ScanAsync(Guid sessionId, string? token, CancellationToken cancellationToken = default);

    /// <summary>The session's room device, joined to the open room.</summary>
    Task<ApiResult<CheckInCodeDto>> CodeAsync(Guid sessionId, CancellationToken cancellationToken = default);
}
