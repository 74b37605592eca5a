using IopTelehealth.Contracts;
using IopTelehealth.Contracts.Attendance;

namespace IopTelehealth.Server.Attendance;

/// <summary>The pages' view of attendance: the same services (and so the same authorization and audits) as the HTTP API.</summary>
internal sealed class AttendanceApi(RosterService roster, AttendanceReports reports, FollowUpService followUps) : IAttendanceApi
{
    public Task<ApiResult<SessionRosterDto>> GetRosterAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        roster.GetAsync(sessionId, cancellationToken);

    public Task<ApiResult<SessionRosterDto>> SetExcuseAsync(Guid sessionId, Guid patientId, ExcuseInput input, CancellationToken cancellationToken = default) =>
        roster.SetExcuseAsync(sessionId, patientId, input, cancellationToken);

    public Task<ApiResult<SessionRosterDto>> SignOffAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        roster.SignOffAsync(sessionId, cancellationToken);

    public Task<ApiResult<PatientWeeksDto>> PatientWeeksAsync(Guid patientId, int weeks, CancellationToken cancellationToken = default) =>
        reports.PatientWeeksAsync(patientId, weeks, cancellationToken);

    public Task<ApiResult<PatientWeeksDto>> OwnWeeksAsync(int weeks, CancellationToken cancellationToken = default) =>
        reports.OwnWeeksAsync(weeks, cancellationToken);

    public Task<ApiResult<GroupDashboardDto>> GroupDashboardAsync(Guid groupId, DateOnly? from, DateOnly? to, CancellationToken cancellationToken = default) =>
        reports.GroupDashboardAsync(groupId, from, to, cancellationToken);

    public Task<ApiResult<IReadOnlyList<FollowUpDto>>> FollowUpsAsync(bool includeClosed, CancellationToken cancellationToken = default) =>
        followUps.ListAsync(includeClosed, cancellationToken);

    public Task<ApiResult<FollowUpDto>> AddContactAsync(Guid followUpId, ContactInput input, CancellationToken cancellationToken = default) =>
        followUps.AddContactAsync(followUpId, input, cancellationToken);

    public Task<ApiResult<FollowUpDto>> CloseFollowUpAsync(Guid followUpId, CloseFollowUpInput input, CancellationToken cancellationToken = default) =>
        followUps.CloseAsync(followUpId, input, cancellationToken);
}
