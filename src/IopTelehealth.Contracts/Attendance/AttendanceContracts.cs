namespace IopTelehealth.Contracts.Attendance;

/// <summary>One enrolled patient in a session's attendance (legal name: staff only; peers never see this).</summary>
public sealed record RosterEntryDto(Guid PatientId, string LegalName, string Alias, string Status, int Minutes, DateTimeOffset? FirstJoin,
    DateTimeOffset? LastLeave, bool StillPresent, bool Late, bool LeftEarly, IReadOnlyList<string> Modes, string? AttestedLocation, bool Excused,
    string? ExcuseReason, IReadOnlyList<string> Flags);

public sealed record SignOffDto(string ByName, DateTimeOffset At);

public sealed record AmendmentDto(Guid PatientId, string Kind, string Reason, string ByName, DateTimeOffset At);

public sealed record SessionRosterDto(Guid SessionId, Guid GroupId, string GroupName, string Topic, DateOnly LocalDate, DateTimeOffset ScheduledStart,
    DateTimeOffset ScheduledEnd, bool Ended, int ParticipantCount, SignOffDto? SignOff, IReadOnlyList<RosterEntryDto> Patients,
    IReadOnlyList<AmendmentDto> Amendments);

/// <summary>Marks a patient's absence excused (or takes it back). After sign-off the reason is the amendment's reason.</summary>
public sealed record ExcuseInput(bool Excused, string? Reason);

public sealed record DayDto(DateOnly Date, int Minutes, bool MeetsDailyMinimum);

public sealed record WeekDto(DateOnly Monday, int MinutesAttended, int RequiredMinutes, int DaysMeetingMinimum, int RemainingScheduledMinutes,
    bool MeetsRequirement, bool CannotReachRequirement, IReadOnlyList<DayDto> Days);

/// <summary>A patient's last weeks, oldest first; <see cref="LegalName"/> is null when the patient looks at their own page.</summary>
public sealed record PatientWeeksDto(Guid PatientId, string Alias, string? LegalName, string TimeZone, int RequiredMinutesPerWeek,
    int MinimumMinutesPerDay, IReadOnlyList<WeekDto> Weeks);

public sealed record SessionRateDto(Guid SessionId, DateOnly LocalDate, string Topic, int Expected, int Attended, double Rate);

/// <summary>One clinic week of the range; a week without a started session has <see cref="Sessions"/> 0 (and no rate).</summary>
public sealed record WeekRateDto(DateOnly Monday, int Sessions, int Expected, int Attended, double Rate);

/// <summary>
/// Attendance rate = patients who attended (any presence) / patients expected (enrolled and not excused). Every week of the range
/// is listed, oldest first, so a chart's time axis stays even.
/// </summary>
public sealed record GroupDashboardDto(Guid GroupId, string GroupName, IReadOnlyList<SessionRateDto> Sessions, IReadOnlyList<WeekRateDto> Weeks);

public sealed record ContactDto(string Method, string Note, string ByName, DateTimeOffset At);

public sealed record FollowUpDto(Guid Id, Guid SessionId, DateOnly SessionDate, Guid GroupId, string GroupName, Guid PatientId, string PatientName,
    int ConsecutiveMisses, bool Escalated, string Status, string? Outcome, DateTimeOffset CreatedAt, IReadOnlyList<ContactDto> Contacts);

public sealed record ContactInput(string? Method, string? Note);

public sealed record CloseFollowUpInput(string? Outcome);

/// <summary>Attendance for the server-rendered pages (the HTTP API in docs/attendance.md calls the same services).</summary>
public interface IAttendanceApi
{
    Task<ApiResult<SessionRosterDto>> GetRosterAsync(Guid sessionId, CancellationToken cancellationToken = default);

    Task<ApiResult<SessionRosterDto>> SetExcuseAsync(Guid sessionId, Guid patientId, ExcuseInput input, CancellationToken cancellationToken = default);

    Task<ApiResult<SessionRosterDto>> SignOffAsync(Guid sessionId, CancellationToken cancellationToken = default);

    Task<ApiResult<PatientWeeksDto>> PatientWeeksAsync(Guid patientId, int weeks, CancellationToken cancellationToken = default);

    Task<ApiResult<PatientWeeksDto>> OwnWeeksAsync(int weeks, CancellationToken cancellationToken = default);

    Task<ApiResult<GroupDashboardDto>> GroupDashboardAsync(Guid groupId, DateOnly? from, DateOnly? to, CancellationToken cancellationToken = default);

    Task<ApiResult<IReadOnlyList<FollowUpDto>>> FollowUpsAsync(bool includeClosed, CancellationToken cancellationToken = default);

    Task<ApiResult<FollowUpDto>> AddContactAsync(Guid followUpId, ContactInput input, CancellationToken cancellationToken = default);

    Task<ApiResult<FollowUpDto>> CloseFollowUpAsync(Guid followUpId, CloseFollowUpInput input, CancellationToken cancellationToken = default);
}
