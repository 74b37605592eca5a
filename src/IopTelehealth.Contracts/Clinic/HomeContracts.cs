namespace IopTelehealth.Contracts.Clinic;

public sealed record GroupSummaryDto(Guid Id, string Name, string ProgramName, IReadOnlyList<string> TherapistNames);

public sealed record PatientHomeDto(string DisplayAlias, string ClinicName, string ClinicTimeZoneId, IReadOnlyList<GroupSummaryDto> Groups,
    IReadOnlyList<SessionDto> UpcomingSessions);

public sealed record TherapistHomeDto(string DisplayName, string ClinicName, string ClinicTimeZoneId, DateOnly Today,
    IReadOnlyList<SessionDto> TodaySessions, IReadOnlyList<GroupSummaryDto> MyGroups);
